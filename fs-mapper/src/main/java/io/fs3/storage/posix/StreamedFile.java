package io.fs3.storage.posix;

/** What streaming a body into a temp file produced: its size and the MD5 of its bytes. */
public record StreamedFile(long size, byte[] md5) {
}
