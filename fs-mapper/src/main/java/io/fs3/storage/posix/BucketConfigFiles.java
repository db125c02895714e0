package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.storage.BucketConfigStore;
import io.fs3.storage.BucketName;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/** Per-bucket documents in {@code <bucket>/<reserved>/config/<name>}, replaced atomically. */
public final class BucketConfigFiles implements BucketConfigStore {
    private final KeyMapper keys;

    public BucketConfigFiles(KeyMapper keys) {
        this.keys = keys;
    }

    @Override
    public Optional<byte[]> read(BucketName bucket, String name) {
        Path file = file(bucket, name);
        try {
            return Optional.of(Files.readAllBytes(file)); // small documents, bounded when written
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value());
        }
    }

    @Override
    public void write(BucketName bucket, String name, byte[] document) {
        Path file = file(bucket, name);
        Path tmp = file.resolveSibling("." + name + "." + UUID.randomUUID());
        try {
            Files.createDirectories(file.getParent());
            Files.write(tmp, document);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value());
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    @Override
    public void delete(BucketName bucket, String name) {
        try {
            Files.deleteIfExists(file(bucket, name));
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value());
        }
    }

    private Path file(BucketName bucket, String name) {
        return keys.requireBucket(bucket).resolve(keys.reservedDir()).resolve("config").resolve(name);
    }
}
