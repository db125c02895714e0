package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Maps buckets and keys to paths that cannot leave the bucket. {@link ObjectKey} already refused NUL,
 * empty, "." and ".." segments; here the reserved directory is refused as a first segment, and for reads
 * the real path (symlinks resolved) must stay inside the bucket and outside the reserved directory.
 *
 * <p>Symlink policy: a symlink inside a bucket whose target is a regular file inside the same bucket is
 * served as that file; symlinks to directories, out of the bucket, or broken are not objects. Writes
 * never follow a symlinked parent directory.
 */
public final class KeyMapper {
    private final Path root;
    private final String reservedDir;

    public KeyMapper(Path root, String reservedDir) {
        this.root = root.toAbsolutePath().normalize();
        this.reservedDir = reservedDir;
    }

    public Path root() {
        return root;
    }

    public String reservedDir() {
        return reservedDir;
    }

    public Path bucketDir(BucketName bucket) {
        return root.resolve(bucket.value());
    }

    /** The bucket's directory, or NoSuchBucket. A bucket directory may itself be a symlink an admin placed. */
    public Path requireBucket(BucketName bucket) {
        Path dir = bucketDir(bucket);
        if (!Files.isDirectory(dir)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(bucket.value());
        }
        return dir;
    }

    /** The path an object lives at (a folder key maps to its directory). */
    public Path objectPath(Path bucketDir, ObjectKey key) {
        if (key.segments().get(0).equals(reservedDir)) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT,
                    "Keys starting with '" + reservedDir + "/' are reserved by the server.").withResource(key.value());
        }
        Path p = bucketDir;
        for (String segment : key.segments()) {
            p = p.resolve(segment);
        }
        return p;
    }

    /** True if the real location of {@code path} is inside the bucket and outside its reserved directory. */
    public boolean isContained(Path bucketDir, Path path) {
        try {
            Path realBucket = bucketDir.toRealPath();
            Path real = path.toRealPath();
            return real.startsWith(realBucket) && !real.equals(realBucket)
                    && !real.startsWith(realBucket.resolve(reservedDir));
        } catch (IOException e) {
            return false;
        }
    }

    /** True if no directory between the bucket and {@code path} is a symlink (so writes stay put). */
    public boolean parentsAreReal(Path bucketDir, Path path) {
        try {
            Path realParent = path.getParent().toRealPath();
            Path expected = bucketDir.toRealPath().resolve(bucketDir.relativize(path.getParent()));
            return realParent.equals(expected.normalize());
        } catch (IOException e) {
            return true; // missing parents are created by the writer, which refuses symlinks as it goes
        }
    }
}
