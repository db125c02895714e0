package io.fs3.multipart.posix;

import io.fs3.multipart.UploadId;

import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * Where an upload lives: {@code <bucket>/<reserved>/multipart/<uploadId><suffix>/} (same filesystem as the
 * bucket, so completion publishes by rename) holding {@code manifest.properties}, one record per part
 * ({@code part-00001}, naming its data file {@code part-00001.<uuid>}) and, while being completed, the
 * lock file. A claimed upload is renamed to {@code …<suffix>.completing}, an aborted one to
 * {@code …<suffix>.aborting} before it is deleted.
 */
final class StagingLayout {
    static final String MANIFEST = "manifest.properties";
    static final String LOCK = "complete.lock";
    static final String COMPLETING = ".completing";
    static final String ABORTING = ".aborting";
    private final String reservedDir;
    private final String suffix;

    StagingLayout(String reservedDir, String suffix) {
        this.reservedDir = reservedDir;
        this.suffix = suffix;
    }

    String reservedDir() {
        return reservedDir;
    }

    Path root(Path bucketDir) {
        return bucketDir.resolve(reservedDir).resolve("multipart");
    }

    Path upload(Path bucketDir, UploadId id) {
        return root(bucketDir).resolve(id.value() + suffix);
    }

    Path completing(Path bucketDir, UploadId id) {
        return root(bucketDir).resolve(id.value() + suffix + COMPLETING);
    }

    Path aborting(Path bucketDir, UploadId id) {
        return root(bucketDir).resolve(id.value() + suffix + ABORTING);
    }

    /** The upload id of a staging directory name with the given ending ("" for an open upload). */
    Optional<UploadId> idOf(String dirName, String ending) {
        String tail = suffix + ending;
        if (!dirName.endsWith(tail)) {
            return Optional.empty();
        }
        String id = dirName.substring(0, dirName.length() - tail.length());
        return UploadId.isValid(id) ? Optional.of(new UploadId(id)) : Optional.empty();
    }

    static String recordName(int partNumber) {
        return String.format("part-%05d", partNumber);
    }

    static String newDataName(int partNumber) {
        return recordName(partNumber) + "." + UUID.randomUUID();
    }

    /** The part number of a part record's file name, or -1 for any other file. */
    static int partNumberOf(String fileName) {
        if (fileName.length() != 10 || !fileName.startsWith("part-")) {
            return -1;
        }
        try {
            return Integer.parseInt(fileName.substring(5));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
