package io.fs3.multipart;

import java.time.Instant;

/** An upload in progress: key, id, initiation time and checksum settings (null algorithm if none). */
public record UploadInfo(String key, UploadId id, Instant initiated, String checksumAlgorithm,
                         ChecksumType checksumType) {
}
