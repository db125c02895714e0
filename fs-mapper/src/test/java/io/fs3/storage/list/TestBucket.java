package io.fs3.storage.list;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectSummary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A bucket directory on disk with a recording {@link EntryResolver}; folder objects are a set of marked dirs. */
final class TestBucket {
    static final BucketName NAME = BucketName.of("bkt");
    static final String RESERVED = ".fs3";

    final Path root;
    final Set<Path> markedFolders = ConcurrentHashMap.newKeySet();
    final Set<String> refusedKeys = ConcurrentHashMap.newKeySet();
    final AtomicInteger fileCalls = new AtomicInteger();
    final List<BasicFileAttributes> seenAttrs = new ArrayList<>();

    TestBucket(Path root) {
        this.root = root;
    }

    PosixLister lister(ListingCache cache) {
        return new PosixLister(this::directory, RESERVED, new Resolver(), cache);
    }

    private Path directory(BucketName bucket) {
        if (!bucket.equals(NAME)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(bucket.value());
        }
        return root;
    }

    /** Creates a regular file at {@code key} (parents as needed). */
    Path file(String key) {
        try {
            Path p = root.resolve(key);
            Files.createDirectories(p.getParent());
            Files.write(p, key.getBytes(StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates directory {@code key} (ends with '/') marked as a folder object. */
    Path folder(String key) {
        Path p = dir(key);
        markedFolders.add(p);
        return p;
    }

    /** Creates a plain directory (not an object). */
    Path dir(String key) {
        try {
            return Files.createDirectories(root.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every page of a listing, following nextStartAfter to the end. */
    List<ListPage> pages(PosixLister lister, String prefix, String delimiter, String startAfter, int maxKeys) {
        List<ListPage> pages = new ArrayList<>();
        String next = startAfter;
        do {
            ListPage page = lister.list(NAME, new ListRequest(prefix, delimiter, next, maxKeys));
            pages.add(page);
            next = page.nextStartAfter();
            if (pages.size() > 10_000) {
                throw new AssertionError("listing does not terminate");
            }
        } while (pages.get(pages.size() - 1).truncated());
        return pages;
    }

    /** All items (keys, and common prefixes as "CP:" + prefix) of a paged listing, in page order. */
    List<String> items(PosixLister lister, String prefix, String delimiter, int maxKeys) {
        List<String> items = new ArrayList<>();
        for (ListPage page : pages(lister, prefix, delimiter, null, maxKeys)) {
            items.addAll(Expected.items(page));
        }
        return items;
    }

    private final class Resolver implements EntryResolver {
        @Override
        public Optional<ObjectSummary> file(String key, Path file, BasicFileAttributes attrs) {
            fileCalls.incrementAndGet();
            check(key, file);
            synchronized (seenAttrs) {
                seenAttrs.add(attrs);
            }
            if (refusedKeys.contains(key)) {
                return Optional.empty();
            }
            return Optional.of(new ObjectSummary(key, attrs.size(), attrs.lastModifiedTime().toInstant(), "\"e\""));
        }

        @Override
        public Optional<ObjectSummary> folder(String key, Path dir) {
            if (!key.endsWith("/")) {
                throw new AssertionError("folder key without '/': " + key);
            }
            check(key.substring(0, key.length() - 1), dir);
            boolean marked = markedFolders.contains(dir);
            return marked ? Optional.of(new ObjectSummary(key, 0, null, "\"f\"")) : Optional.empty();
        }

        private void check(String key, Path path) {
            if (!root.resolve(key).equals(path)) {
                throw new AssertionError("key " + key + " passed with path " + path);
            }
        }
    }
}
