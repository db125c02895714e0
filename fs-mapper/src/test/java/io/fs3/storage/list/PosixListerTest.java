package io.fs3.storage.list;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3 listing rules the reference-model test covers only by chance: named cases, one behaviour each. */
class PosixListerTest {
    @TempDir
    Path temp;
    private TestBucket bucket;
    private PosixLister lister;

    @BeforeEach
    void setUp() throws Exception {
        bucket = new TestBucket(Files.createDirectories(temp.resolve("bkt")));
        lister = bucket.lister(new ListingCache(10_000)); // production settings
    }

    private ListPage list(String prefix, String delimiter, String startAfter, int maxKeys) {
        return lister.list(TestBucket.NAME, new ListRequest(prefix, delimiter, startAfter, maxKeys));
    }

    private List<String> items(String prefix, String delimiter, String startAfter) {
        return Expected.items(list(prefix, delimiter, startAfter, 1000));
    }

    @Test
    void commonPrefixIsNotRepeatedOnTheNextPage() {
        List.of("a/1", "a/2", "a/3", "b", "c/1").forEach(bucket::file);
        List<ListPage> pages = bucket.pages(lister, "", "/", null, 1);
        assertEquals(List.of(List.of("CP:a/"), List.of("b"), List.of("CP:c/")),
                pages.stream().map(Expected::items).toList());
        assertEquals("a/", pages.get(0).nextStartAfter());
        assertTrue(pages.get(0).truncated());
        assertFalse(pages.get(2).truncated());
    }

    @Test
    void startAfterInsideACommonPrefixResumesAfterTheWholePrefix() {
        List.of("a/1", "a/2", "a-x", "b").forEach(bucket::file);
        assertEquals(List.of("b"), items("", "/", "a/1"));
        assertEquals(List.of("b"), items("", "/", "a/"));
        assertEquals(List.of("CP:a/", "b"), items("", "/", "a-x"));
        assertEquals(List.of("CP:a-", "a/1", "a/2", "b"), items("", "-", null));
        assertEquals(List.of("a/1", "a/2", "b"), items("", "-", "a-"));
        assertEquals(List.of("a/1", "a/2", "b"), items("", "-", "a-x"));
    }

    @Test
    void nonSlashDelimiterGroupsAcrossDirectories() {
        List.of("a-b/c", "a-c", "a/d-e", "a/f", "b").forEach(bucket::file);
        assertEquals(List.of("CP:a-", "CP:a/d-", "a/f", "b"), items("", "-", null));
        assertEquals(List.of("CP:a-b/", "a-c", "CP:a/"), items("a", "/", null));
        assertEquals(List.of("CP:a-b/c"), items("a-b/", "c", null));
        assertEquals(List.of("CP:a/d-e", "a/f"), items("a/", "-e", null));
    }

    @Test
    void multiCharacterDelimiterSpanningADirectoryBoundary() {
        List.of("x/ab/1", "x/ab/2", "x/a", "x/b/ab").forEach(bucket::file);
        // "b/" ends inside directory key "x/ab/": one common prefix for all of it.
        assertEquals(List.of("x/a", "CP:x/ab/", "CP:x/b/"), items("x/", "b/", null));
        // "b/1" straddles the directory's end: decided per key below it.
        assertEquals(List.of("x/a", "CP:x/ab/1", "x/ab/2", "x/b/ab"), items("x/", "b/1", null));
    }

    @Test
    void emptyDirectoriesShowNoCommonPrefix() {
        bucket.dir("empty/");
        bucket.dir("nested/empty/deeper/");
        bucket.dir("e-mpty/x/");
        bucket.file("full/x");
        assertEquals(List.of("CP:full/"), items("", "/", null));
        assertEquals(List.of("full/x"), items("", null, null));
        assertEquals(List.of("full/x"), items("", "-", null));
        assertEquals(List.of(), items("nested/", "/", null));
        assertEquals(List.of(), items("nested/", null, null));
    }

    @Test
    void folderObjectsAreListedBeforeTheirContents() {
        bucket.folder("photos/");
        bucket.file("photos/a.jpg");
        bucket.folder("empty-folder/");
        bucket.folder("photos/2024/");
        assertEquals(List.of("empty-folder/", "photos/", "photos/2024/", "photos/a.jpg"), items("", null, null));
        assertEquals(List.of("CP:empty-folder/", "CP:photos/"), items("", "/", null));
        assertEquals(List.of("photos/", "CP:photos/2024/", "photos/a.jpg"), items("photos/", "/", null));
        assertEquals(List.of("photos/2024/"), items("photos/2024/", "/", null));
        assertEquals(List.of("photos/2024/", "photos/a.jpg"), items("photos/", null, "photos/"));
    }

    @Test
    void reservedDirectoryIsHiddenOnlyAtTheTop() {
        bucket.file(".fs3/tmp/upload");
        bucket.file(".fs3x");
        bucket.file("sub/.fs3/y");
        bucket.file(".git/config");
        bucket.file(".hidden");
        assertEquals(List.of(".fs3x", ".git/config", ".hidden", "sub/.fs3/y"), items("", null, null));
        assertEquals(List.of(), items(".fs3/", null, null));
        assertEquals(List.of(".fs3x"), items(".fs3", null, null));
        assertEquals(List.of(".fs3x"), items(".fs3", "/", null));
        assertEquals(List.of(".fs3x", ".git/config", ".hidden", "sub/.fs3/y"), items("", null, ".fs3/tmp/a"));
    }

    @Test
    void specialFilesAndSymlinksToDirectoriesAreSkipped() throws Exception {
        bucket.file("d/real");
        bucket.file("target/inside");
        Path fifo = bucket.root.resolve("d/fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        Files.createSymbolicLink(bucket.root.resolve("d/broken"), bucket.root.resolve("nowhere"));
        Files.createSymbolicLink(bucket.root.resolve("d/dirlink"), bucket.root.resolve("target"));
        Files.createSymbolicLink(bucket.root.resolve("d/filelink"), bucket.root.resolve("d/real"));
        Files.createSymbolicLink(bucket.root.resolve("top-link"), bucket.root.resolve("target"));
        assertEquals(List.of("d/filelink", "d/real", "target/inside"), items("", null, null));
        assertEquals(List.of(), items("d/dirlink/", null, null));
        assertEquals(List.of(), items("top-link/", "/", null));
        assertTrue(bucket.seenAttrs.stream().anyMatch(a -> a.isSymbolicLink()),
                "the resolver gets the link's own attributes");
    }

    @Test
    void fileDeletedBetweenPagesIsSkipped() throws Exception {
        List.of("a", "b", "c", "d", "e").forEach(bucket::file);
        ListPage first = list("", null, null, 2);
        assertEquals(List.of("a", "b"), Expected.items(first));
        Files.delete(bucket.root.resolve("c"));
        assertEquals(List.of("d", "e"), Expected.items(list("", null, first.nextStartAfter(), 2)));
    }

    @Test
    void startAfterInsideARemovedDirectoryContinuesWithTheNextKey() throws Exception {
        List.of("a", "gone/x", "gone/y", "z").forEach(bucket::file);
        ListPage first = list("", null, null, 2);
        assertEquals("gone/x", first.nextStartAfter());
        Files.delete(bucket.root.resolve("gone/x"));
        Files.delete(bucket.root.resolve("gone/y"));
        Files.delete(bucket.root.resolve("gone"));
        assertEquals(List.of("z"), Expected.items(list("", null, first.nextStartAfter(), 2)));
    }

    @Test
    void fileAddedByAnotherProgramAppearsOnTheNextListing() throws Exception {
        List.of("dir/a", "dir/c").forEach(bucket::file);
        assertEquals(List.of("dir/a", "dir/c"), items("dir/", null, null));
        Files.writeString(bucket.root.resolve("dir/b"), "written behind fs3's back");
        assertEquals(List.of("dir/a", "dir/b", "dir/c"), items("dir/", null, null));
    }

    @Test
    void prefixCases() {
        List.of("a/b.txt", "a/b.txt.bak", "a/bc/d", "a/c").forEach(bucket::file);
        assertEquals(List.of("a/b.txt", "a/b.txt.bak"), items("a/b.txt", null, null));
        assertEquals(List.of(), items("a/b.txt/", null, null));
        assertEquals(List.of(), items("a/zzz", null, null));
        assertEquals(List.of(), items("nothing/", "/", null));
        assertEquals(List.of("a/b.txt", "a/b.txt.bak", "CP:a/bc/"), items("a/b", "/", null));
        assertEquals(List.of("a/b.txt", "a/b.txt.bak", "a/bc/d"), items("a/b", null, "a/"));
        assertEquals(List.of("a/bc/d"), items("a/b", null, "a/b.txt.bak"));
        assertEquals(List.of(), items("a/b", null, "a/c"));
        assertEquals(List.of(), items("a/b", null, "b"));
    }

    @Test
    void prefixCannotLeaveTheBucket() throws Exception {
        Files.writeString(temp.resolve("outside"), "secret");
        Files.createDirectories(temp.resolve("other"));
        Files.writeString(temp.resolve("other/file"), "secret");
        bucket.file("inside");
        assertEquals(List.of(), items("../", null, null));
        assertEquals(List.of(), items("../other/", null, null));
        assertEquals(List.of(), items("./", null, null));
        assertEquals(List.of(), items("a//", null, null));
        assertEquals(List.of("inside"), items("", null, "../other/file"));
    }

    @Test
    void aSymlinkedBucketDirectoryIsFollowed() throws Exception {
        bucket.file("a/b");
        Path link = Files.createSymbolicLink(temp.resolve("linked"), bucket.root);
        PosixLister viaLink = new PosixLister(b -> link, TestBucket.RESERVED, new EntryResolver() {
            @Override
            public Optional<ObjectSummary> file(String key, Path file, BasicFileAttributes attrs) {
                return Optional.of(new ObjectSummary(key, attrs.size(), null, "\"e\""));
            }

            @Override
            public Optional<ObjectSummary> folder(String key, Path dir) {
                return Optional.empty();
            }
        }, ListingCache.disabled());
        ListPage page = viaLink.list(TestBucket.NAME, new ListRequest("", null, null, 10));
        assertEquals(List.of("a/b"), Expected.items(page));
    }

    @Test
    void maxKeysZeroGivesAnEmptyPageThatIsNotTruncated() {
        bucket.file("a");
        ListPage page = list("", null, null, 0);
        assertEquals(List.of(), page.objects());
        assertFalse(page.truncated());
        assertNull(page.nextStartAfter());
    }

    @Test
    void unknownBucketIsNoSuchBucket() {
        S3Exception e = assertThrows(S3Exception.class,
                () -> lister.list(BucketName.of("other"), new ListRequest("", null, null, 10)));
        assertEquals(S3Error.NO_SUCH_BUCKET, e.error());
    }

    @Test
    void filesTheResolverRefusesAreNotListedAndMakeNoCommonPrefix() {
        List.of("a/x", "b/y", "c").forEach(bucket::file);
        bucket.refusedKeys.add("a/x");
        assertEquals(List.of("CP:b/", "c"), items("", "/", null));
        assertEquals(List.of("b/y", "c"), items("", null, null));
    }

    @Test
    void aCommonPrefixIsSkippedNotWalked() {
        for (int i = 0; i < 300; i++) {
            bucket.file(String.format("big/f%03d", i));
            bucket.file(String.format("flat-%03d", i));
        }
        bucket.file("z");
        for (PosixLister l : List.of(lister, bucket.lister(ListingCache.disabled()))) {
            bucket.fileCalls.set(0);
            List<String> slash = itemsOf(l, "", "/", 1000);
            assertEquals(List.of("CP:big/", "flat-000"), slash.subList(0, 2));
            assertEquals(302, slash.size());
            assertEquals(302, bucket.fileCalls.get(), "big/ costs one resolver call (the first file found), not 300");
            bucket.fileCalls.set(0);
            assertEquals(List.of("CP:flat-"), itemsOf(l, "f", "-", 1));
            assertEquals(1, bucket.fileCalls.get(), "flat-000 makes the prefix; flat-001.. are skipped, not resolved");
            bucket.fileCalls.set(0);
            ListPage page = l.list(TestBucket.NAME, new ListRequest("", "-", "big/f299", 1000));
            assertEquals(List.of("CP:flat-", "z"), Expected.items(page));
            assertEquals(2, bucket.fileCalls.get());
        }
    }

    private static List<String> itemsOf(PosixLister l, String prefix, String delimiter, int maxKeys) {
        List<String> items = new ArrayList<>();
        String next = null;
        ListPage page;
        do {
            page = l.list(TestBucket.NAME, new ListRequest(prefix, delimiter, next, maxKeys));
            items.addAll(Expected.items(page));
            next = page.nextStartAfter();
        } while (page.truncated());
        return items;
    }

    @Test
    void aLaterPageDoesNotRevisitEarlierKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(String.format("d%d/f%03d", i % 5, i));
        }
        keys.forEach(bucket::file);
        List<String> sorted = Expected.sorted(keys);
        bucket.fileCalls.set(0);
        ListPage page = list("", null, sorted.get(400), 10);
        assertEquals(sorted.subList(401, 411), Expected.items(page));
        assertEquals(11, bucket.fileCalls.get(), "one resolver call per key on the page, plus one to see more");
    }
}
