package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import io.fs3.storage.BucketSummary;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Buckets are the servable top-level directories of the root (hidden and '_' names are not buckets). */
public final class BucketDirectories implements BucketStore {
    private final KeyMapper keys;

    public BucketDirectories(KeyMapper keys) {
        this.keys = keys;
    }

    @Override
    public List<BucketSummary> listBuckets() {
        List<BucketSummary> out = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(keys.root())) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (BucketName.isServable(name) && Files.isDirectory(dir)) {
                    try {
                        BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
                        out.add(new BucketSummary(BucketName.of(name), a.creationTime().toInstant()));
                    } catch (IOException vanished) {
                        // removed while listing
                    }
                }
            }
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.SERVICE_UNAVAILABLE, "/");
        }
        addMapped(out);
        out.sort(Comparator.comparing(BucketSummary::name));
        return out;
    }

    /** Configured buckets replace a top-level directory of the same name; missing directories are not listed. */
    private void addMapped(List<BucketSummary> out) {
        out.removeIf(b -> keys.mappedBuckets().containsKey(b.name().value()));
        keys.mappedBuckets().forEach((name, dir) -> {
            try {
                BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
                if (a.isDirectory()) {
                    out.add(new BucketSummary(BucketName.of(name), a.creationTime().toInstant()));
                }
            } catch (IOException missing) {
                // a mount that is not there (yet): not listed, NoSuchBucket when addressed
            }
        });
    }

    @Override
    public void create(BucketName bucket) {
        bucket.requireValidForCreate();
        Path dir = keys.bucketDir(bucket);
        try {
            Files.createDirectory(dir);
        } catch (FileAlreadyExistsException e) {
            throw S3Exception.of(Files.isDirectory(dir) ? S3Error.BUCKET_ALREADY_OWNED_BY_YOU : S3Error.BUCKET_ALREADY_EXISTS)
                    .withResource(bucket.value());
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.INTERNAL_ERROR, bucket.value());
        }
    }

    @Override
    public void delete(BucketName bucket) {
        Path dir = keys.requireBucket(bucket);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (!p.getFileName().toString().equals(keys.reservedDir())) {
                    throw S3Exception.of(S3Error.BUCKET_NOT_EMPTY).withResource(bucket.value());
                }
            }
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value());
        }
        try {
            deleteTree(dir.resolve(keys.reservedDir()));
            Files.delete(dir);
        } catch (IOException e) {
            // DirectoryNotEmpty here means another writer added an object meanwhile.
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value()).error() == S3Error.EXISTING_OBJECT_IS_DIRECTORY
                    ? S3Exception.of(S3Error.BUCKET_NOT_EMPTY).withResource(bucket.value())
                    : FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, bucket.value());
        }
    }

    @Override
    public boolean exists(BucketName bucket) {
        return Files.isDirectory(keys.bucketDir(bucket));
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
