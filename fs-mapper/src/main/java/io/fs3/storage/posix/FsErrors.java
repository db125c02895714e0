package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.ReadOnlyFileSystemException;

/** The only place where filesystem failures become S3 errors. */
public final class FsErrors {
    private FsErrors() {
    }

    /** Translates an I/O failure on the object at {@code resource}; {@code missing} is the error for "not found". */
    public static S3Exception translate(IOException e, S3Error missing, String resource) {
        S3Exception s3 = classify(e, missing);
        return s3.withResource(resource);
    }

    private static S3Exception classify(IOException e, S3Error missing) {
        if (e instanceof NoSuchFileException) {
            return S3Exception.of(missing);
        }
        if (e instanceof NotDirectoryException) {
            return S3Exception.of(S3Error.OBJECT_PARENT_IS_FILE);
        }
        if (e instanceof DirectoryNotEmptyException) {
            return S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY);
        }
        if (e instanceof AccessDeniedException) {
            return S3Exception.of(S3Error.ACCESS_DENIED, "The filesystem denied access.");
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            String reason = fse.getReason();
            if (reason.contains("Not a directory")) {
                return S3Exception.of(S3Error.OBJECT_PARENT_IS_FILE);
            }
            if (reason.contains("File name too long")) {
                return S3Exception.of(S3Error.KEY_TOO_LONG);
            }
            if (reason.contains("Is a directory")) {
                return S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY);
            }
            if (reason.contains("Read-only file system")) {
                return S3Exception.of(S3Error.ACCESS_DENIED, "The bucket is on a read-only filesystem.");
            }
            if (reason.contains("No space left")) {
                return S3Exception.of(S3Error.SERVICE_UNAVAILABLE, "The filesystem is full.", e);
            }
        }
        return S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e);
    }

    public static S3Exception readOnly() {
        return S3Exception.of(S3Error.ACCESS_DENIED, "The bucket is on a read-only filesystem.",
                new ReadOnlyFileSystemException());
    }
}
