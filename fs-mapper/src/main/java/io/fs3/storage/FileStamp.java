package io.fs3.storage;

/**
 * Identity of one version of a file as the filesystem reports it: inode (with device), size and
 * modification time. A change of any means the bytes may have changed.
 */
public record FileStamp(String fileKey, long size, long mtimeNanos) {
}
