package io.fs3.multipart;

import io.fs3.storage.OpenObject;

/** UploadPartCopy's source: an open object (metadata and bytes of one version) and the byte range to copy. */
public record PartSource(OpenObject source, long first, long length) {
}
