package io.fs3.storage.posix;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

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
    private final Map<String, Path> mapped;
    /**
     * Bucket directories resolved once, so every request for a bucket gets the same {@code Path}: no resolve
     * per request, and the metadata cache's key then matches by identity instead of comparing the path's
     * bytes. Bounded, because the names come from requests (a miss just resolves again).
     */
    private final Map<String, Path> resolved = new ConcurrentHashMap<>();
    static final int MAX_RESOLVED_BUCKETS = 4096;

    public KeyMapper(Path root, String reservedDir) {
        this(root, reservedDir, Map.of());
    }

    /** {@code mapped}: buckets the configuration places anywhere (another mount, a deep sub-directory). */
    public KeyMapper(Path root, String reservedDir, Map<String, Path> mapped) {
        this.root = root.toAbsolutePath().normalize();
        this.reservedDir = reservedDir;
        Map<String, Path> m = new TreeMap<>();
        mapped.forEach((name, dir) -> m.put(BucketName.of(name).value(), dir.toAbsolutePath().normalize()));
        this.mapped = Collections.unmodifiableMap(m);
    }

    public Path root() {
        return root;
    }

    public String reservedDir() {
        return reservedDir;
    }

    public Path bucketDir(BucketName bucket) {
        String name = bucket.value();
        Path dir = resolved.get(name);
        if (dir == null) {
            Path configured = mapped.get(name);
            dir = configured != null ? configured : root.resolve(name);
            if (resolved.size() < MAX_RESOLVED_BUCKETS) {
                Path first = resolved.putIfAbsent(name, dir);
                dir = first != null ? first : dir;
            }
        }
        return dir;
    }

    /** Buckets the configuration maps to directories outside the root's top level, by name. */
    public Map<String, Path> mappedBuckets() {
        return mapped;
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
        if (key.firstSegment().equals(reservedDir)) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT,
                    "Keys starting with '" + reservedDir + "/' are reserved by the server.").withResource(key.value());
        }
        // A valid key has no empty, "." or ".." segment, so resolving it whole is resolving it segment by segment.
        String value = key.value();
        return bucketDir.resolve(key.isFolder() ? value.substring(0, value.length() - 1) : value);
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

    /**
     * The cheap containment proof for a path whose leaf the caller has lstat'ed and found not to be a
     * symlink: true if {@code path} lies syntactically below the bucket (no "." or ".." names, not in the
     * reserved directory) and none of the directories between the bucket and the leaf is a symlink. Then
     * its real path is the bucket's real path plus these names, so it is contained without resolving any
     * real path (one lstat per intermediate directory instead of two realpath walks). False means "not
     * proven": the caller falls back to {@link #isContained}.
     */
    public boolean isContainedWithoutLinks(Path bucketDir, Path path) {
        if (!path.startsWith(bucketDir)) {
            return false;
        }
        int base = bucketDir.getNameCount();
        int names = path.getNameCount();
        if (names <= base || path.getName(base).toString().equals(reservedDir)) {
            return false;
        }
        for (int i = base; i < names; i++) {
            String name = path.getName(i).toString();
            if (name.equals(".") || name.equals("..")) {
                return false;
            }
        }
        Path dir = bucketDir;
        for (int i = base; i < names - 1; i++) {
            dir = dir.resolve(path.getName(i));
            if (Files.isSymbolicLink(dir)) {
                return false;
            }
        }
        return true;
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
