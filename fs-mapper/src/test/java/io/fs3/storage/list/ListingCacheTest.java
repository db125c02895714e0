package io.fs3.storage.list;

import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListingCacheTest {
    private static final FileTime LONG_AGO = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));

    @TempDir
    Path root;
    private TestBucket bucket;

    @BeforeEach
    void setUp() {
        bucket = new TestBucket(root);
    }

    @Test
    void anUnchangedDirectoryIsServedFromTheCache() {
        List.of("d/a", "d/b", "e").forEach(bucket::file);
        ListingCache cache = new ListingCache(1000, Duration.ZERO);
        PosixLister lister = bucket.lister(cache);
        List<String> first = bucket.items(lister, "", null, 1000);
        long misses = cache.stats().missCount();
        List<String> second = bucket.items(lister, "", null, 1000);
        assertEquals(first, second);
        assertEquals(List.of("d/a", "d/b", "e"), second);
        assertEquals(misses, cache.stats().missCount(), "no directory re-read");
        assertTrue(cache.stats().hitCount() >= 2, "root and d/ served from snapshots");
        assertEquals(2, cache.estimatedSize());
        assertEquals((2 + 1) + (2 + 1), cache.cachedEntries(), "weight = entries + 1 per directory");
    }

    @Test
    void aDirectoryChangedByAnotherProgramIsReRead() throws Exception {
        bucket.file("d/a");
        bucket.file("d/c");
        Path d = root.resolve("d");
        Files.setLastModifiedTime(d, LONG_AGO); // so the next change gives a different mtime, whatever the clock
        ListingCache cache = new ListingCache(1000, Duration.ZERO);
        PosixLister lister = bucket.lister(cache);
        assertEquals(List.of("d/a", "d/c"), bucket.items(lister, "d/", null, 1000));
        assertEquals(List.of("d/a", "d/c"), bucket.items(lister, "d/", null, 1000));
        long misses = cache.stats().missCount();
        Files.writeString(d.resolve("b"), "new");
        assertEquals(List.of("d/a", "d/b", "d/c"), bucket.items(lister, "d/", null, 1000));
        assertEquals(misses + 1, cache.stats().missCount());
    }

    @Test
    void aDirectoryReplacedByAnotherWithTheSameTimesIsReRead() throws Exception {
        bucket.file("d/old");
        bucket.file("staged/new");
        Path d = root.resolve("d");
        Path staged = root.resolve("staged");
        Files.setLastModifiedTime(d, LONG_AGO);
        Files.setLastModifiedTime(staged, LONG_AGO);
        ListingCache cache = new ListingCache(1000, Duration.ZERO);
        PosixLister lister = bucket.lister(cache);
        assertEquals(List.of("d/old"), bucket.items(lister, "d/", null, 1000));
        Files.delete(d.resolve("old"));
        Files.delete(d);
        Files.move(staged, d); // same mtime, but another inode
        assertEquals(List.of("d/new"), bucket.items(lister, "d/", null, 1000));
    }

    @Test
    void recentlyChangedDirectoriesAreNotCached() {
        bucket.file("d/a");
        ListingCache cache = new ListingCache(1000, Duration.ofDays(3650));
        bucket.items(bucket.lister(cache), "", null, 1000);
        assertEquals(0, cache.estimatedSize());
        assertTrue(cache.stats().missCount() >= 2);
    }

    @Test
    void aDirectoryBiggerThanTheCacheIsListedInBoundedWindows() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            keys.add("big/" + (char) ('a' + i % 26) + i + (i % 7 == 0 ? "/x" : ""));
        }
        keys.add("small/x");
        keys.forEach(bucket::file);
        bucket.dir("big/empty-dir/");
        ListingCache cache = new ListingCache(10, Duration.ZERO);
        PosixLister lister = bucket.lister(cache);
        for (int maxKeys : new int[] {1, 3, 7, 1000}) {
            List<String> all = bucket.items(lister, "", null, maxKeys);
            Expected.assertEqualEscaped(Expected.sorted(keys), all, "maxKeys " + maxKeys);
            List<String> expected = Expected.page(keys, new ListRequest("big/", "/", null, 1000)).items();
            List<String> delimited = bucket.items(lister, "big/", "/", maxKeys);
            Expected.assertEqualEscaped(expected, delimited, "delimiter, maxKeys " + maxKeys);
        }
        assertTrue(cache.cachedEntries() <= 10, "big/ is not held: " + cache.cachedEntries());
    }

    @Test
    void aDisabledCacheHoldsNothingAndStillLists() {
        List.of("a", "b/c").forEach(bucket::file);
        ListingCache cache = ListingCache.disabled();
        List<ListPage> pages = bucket.pages(bucket.lister(cache), "", null, null, 1);
        assertEquals(List.of(List.of("a"), List.of("b/c")), pages.stream().map(Expected::items).toList());
        assertEquals(0, cache.estimatedSize());
        assertEquals(0, cache.stats().requestCount());
    }
}
