package io.fs3.storage.list;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A random bucket tree built from a small alphabet of names that collide under many delimiters and
 * orderings. Tracks the keys S3 must list: regular files, symlinks to files, marked folders. Also adds
 * what must never be listed: empty directories, the reserved directory, symlinks to directories.
 */
final class RandomTree {
    static final String[] NAMES = {
        "a", "b", "ab", "a-b", "a.b", "a0", "-", "b-", "\u00e9", "\uD83D\uDE00", "\uE000", "a b", "a+b",
        "x", ".d", "ba", "a-", "-a", "aa",
    };

    final Set<String> keys = new TreeSet<>();
    private final TestBucket bucket;
    private final Random random;

    RandomTree(TestBucket bucket, Random random) {
        this.bucket = bucket;
        this.random = random;
    }

    RandomTree build(int entries) throws IOException {
        bucket.file(TestBucket.RESERVED + "/tmp/upload-1");
        bucket.file(TestBucket.RESERVED + "/meta");
        for (int i = 0; i < entries; i++) {
            String key = randomKey();
            Path p = bucket.root.resolve(key);
            if (!ancestorsAreDirectories(p)) {
                continue; // "a" is a file (or a link): "a/..." cannot exist
            }
            boolean exists = Files.exists(p, LinkOption.NOFOLLOW_LINKS);
            boolean isDir = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            int kind = random.nextInt(20);
            if (kind < 15 && !exists) {
                bucket.file(key);
                keys.add(key);
            } else if (kind < 17 && (isDir || !exists)) {
                bucket.folder(key + "/");
                keys.add(key + "/");
            } else if (kind < 19 && (isDir || !exists)) {
                Path empty = p.resolve(NAMES[random.nextInt(NAMES.length)]);
                if (!Files.exists(empty, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(empty); // an empty directory, maybe below new empty ones
                }
            } else if (kind == 19 && !exists) {
                addSymlink(key);
            }
        }
        return this;
    }

    private boolean ancestorsAreDirectories(Path p) {
        for (Path a = p.getParent(); !a.equals(bucket.root); a = a.getParent()) {
            if (Files.exists(a, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(a, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    /** A symlink to a listed file is an object; one to a directory is not followed. */
    private void addSymlink(String key) throws IOException {
        Path link = bucket.root.resolve(key);
        if (keys.isEmpty()) {
            return;
        }
        Files.createDirectories(link.getParent());
        List<String> existing = new ArrayList<>(keys);
        String target = existing.get(random.nextInt(existing.size()));
        Files.createSymbolicLink(link, bucket.root.resolve(target));
        if (!target.endsWith("/")) {
            keys.add(key);
        }
    }

    String randomKey() {
        int depth = 1 + random.nextInt(random.nextInt(4) + 1);
        StringBuilder key = new StringBuilder();
        for (int d = 0; d < depth; d++) {
            if (d > 0) {
                key.append('/');
            }
            key.append(NAMES[random.nextInt(NAMES.length)]);
        }
        return key.toString();
    }
}
