package io.fs3.storage.list;

import io.fs3.storage.ListPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Keys come out in UTF-8 byte order of the whole key, across nested directories, on every page size. */
class ListingOrderTest {
    private static final String CORPUS = "/keys/unicode-and-punctuation.txt";

    @TempDir
    Path root;
    private TestBucket bucket;
    private List<String> corpus;

    @BeforeEach
    void createCorpus() throws IOException {
        assertEquals("UTF-8", System.getProperty("sun.jnu.encoding"),
                "file names must be UTF-8 for this test: run with LANG=C.UTF-8");
        bucket = new TestBucket(root);
        corpus = readCorpus();
        corpus.forEach(bucket::file);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 1000})
    void fullListingIsInUtf8ByteOrder(int maxKeys) {
        List<String> expected = Expected.sorted(corpus);
        for (ListingCache cache : List.of(new ListingCache(10_000, Duration.ZERO), ListingCache.disabled())) {
            PosixLister lister = bucket.lister(cache);
            Expected.assertEqualEscaped(expected, bucket.items(lister, "", null, maxKeys), "maxKeys=" + maxKeys);
        }
    }

    @Test
    void corpusTellsUtf8OrderFromJavaStringOrder() {
        List<String> javaOrder = new ArrayList<>(corpus);
        javaOrder.sort(null);
        // Supplementary characters (UTF-16 surrogates) sort before U+E000..U+FFFF in Java, after in UTF-8.
        assertNotEquals(javaOrder, Expected.sorted(corpus));
    }

    @Test
    void directorySortsAsItsNameWithSlash() {
        List<String> items = bucket.items(bucket.lister(ListingCache.disabled()), "a", null, 1000);
        assertEquals(List.of("a b", "a!b", "a%20b", "a+b", "a-b", "a.txt", "a/b", "a/b-c", "a/b.txt", "a/b0", "a0",
                "a_b", "a~b"), items);
    }

    @Test
    void commonPrefixesOfTheCorpusAreItsTopLevelDirectories() {
        Set<String> expected = new LinkedHashSet<>();
        for (String key : Expected.sorted(corpus)) {
            int slash = key.indexOf('/');
            expected.add(slash < 0 ? key : "CP:" + key.substring(0, slash + 1));
        }
        List<String> items = bucket.items(bucket.lister(new ListingCache(10_000, Duration.ZERO)), "", "/", 3);
        Expected.assertEqualEscaped(new ArrayList<>(expected), items, "delimiter /");
    }

    @Test
    void pagesResumeExactlyAfterTheirLastKey() {
        PosixLister lister = bucket.lister(new ListingCache(10_000, Duration.ZERO));
        List<ListPage> pages = bucket.pages(lister, "", null, null, 5);
        List<String> sorted = Expected.sorted(corpus);
        for (int i = 0; i < pages.size() - 1; i++) {
            assertEquals(sorted.get(5 * i + 4), pages.get(i).nextStartAfter());
        }
        assertEquals(null, pages.get(pages.size() - 1).nextStartAfter());
    }

    private static List<String> readCorpus() throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = ListingOrderTest.class.getResourceAsStream(CORPUS)) {
            assertNotNull(in, CORPUS + " is on the test classpath (fs3-src-test-data)");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    keys.add(line);
                }
            }
        }
        return keys;
    }
}
