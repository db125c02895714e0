package io.fs3.storage.list;

import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The lister against a brute-force model of S3 ({@link Expected}) on random trees and random requests:
 * every page of every listing, paged to the end, with snapshots from the cache, without a cache
 * (bounded windows), and with a cache too small for most directories (windows refilled mid-page).
 */
class ListingReferenceModelTest {
    private static final int TREES = Integer.getInteger("fs3.listing.trees", 150);
    private static final int REQUESTS_PER_TREE = 25;
    private static final String[] DELIMITERS = {
        "/", "/", "/", "-", "a", "ab", "/a", "b/", "\u00e9", "\uD83D\uDE00", ".", "a-", "-/", "//", " ",
    };
    private static final int[] MAX_KEYS = {1, 1, 2, 2, 3, 5, 8, 1000};
    private static final ContinuationTokens TOKENS = new ContinuationTokens(new byte[32]);

    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> pagesMatchTheModel() {
        return IntStream.range(0, TREES).mapToObj(seed ->
                DynamicTest.dynamicTest("tree seed " + seed, () -> checkTree(seed)));
    }

    private void checkTree(long seed) throws IOException {
        Random random = new Random(seed);
        TestBucket bucket = new TestBucket(Files.createDirectories(temp.resolve("t" + seed)));
        RandomTree tree = new RandomTree(bucket, random).build(10 + random.nextInt(60));
        Map<String, PosixLister> listers = Map.of(
                "cached", bucket.lister(new ListingCache(100_000, Duration.ZERO)),
                "uncached", bucket.lister(ListingCache.disabled()),
                "tiny-cache", bucket.lister(new ListingCache(3, Duration.ZERO)));
        for (int i = 0; i < REQUESTS_PER_TREE; i++) {
            ListRequest request = randomRequest(random, tree);
            for (Map.Entry<String, PosixLister> lister : listers.entrySet()) {
                String context = "seed=" + seed + " lister=" + lister.getKey() + " keys=" + tree.keys;
                checkPaging(lister.getValue(), tree, request, context);
            }
        }
    }

    /** Pages from the request to the end; each page must equal the model's answer to the same request. */
    private static void checkPaging(PosixLister lister, RandomTree tree, ListRequest first, String context) {
        ListRequest request = first;
        List<String> seen = new ArrayList<>();
        for (int page = 0; ; page++) {
            ListPage actual = lister.list(TestBucket.NAME, request);
            Expected.Page expected = Expected.page(tree.keys, request);
            String where = "page " + page + " (" + request + ") of " + first + " " + context;
            Expected.assertEqualEscaped(expected, Expected.of(actual), where);
            seen.addAll(expected.items());
            if (!actual.truncated()) {
                break;
            }
            assertTrue(page <= tree.keys.size() + 1, "paging does not end: " + context);
            String resume = TOKENS.decode(TOKENS.encode(actual.nextStartAfter())); // as V2 clients resume
            request = new ListRequest(first.prefix(), first.delimiter(), resume, first.maxKeys());
        }
        if (first.maxKeys() > 0) {
            ListRequest all = new ListRequest(first.prefix(), first.delimiter(), first.startAfter(), 100_000);
            List<String> whole = Expected.page(tree.keys, all).items();
            Expected.assertEqualEscaped(whole, seen, "pages joined " + first + " " + context);
        }
    }

    private static ListRequest randomRequest(Random random, RandomTree tree) {
        String prefix = switch (random.nextInt(8)) {
            case 0, 1, 2 -> "";
            case 3, 4, 5 -> cut(random, someKey(random, tree));
            case 6 -> someKey(random, tree);
            default -> cut(random, tree.randomKey());
        };
        String delimiter = random.nextInt(4) == 0 ? null : DELIMITERS[random.nextInt(DELIMITERS.length)];
        String startAfter = switch (random.nextInt(6)) {
            case 0, 1, 2 -> null;
            case 3 -> someKey(random, tree);
            case 4 -> cut(random, someKey(random, tree));
            default -> tree.randomKey();
        };
        int maxKeys = random.nextInt(30) == 0 ? 0 : MAX_KEYS[random.nextInt(MAX_KEYS.length)];
        return new ListRequest(prefix, delimiter, startAfter, maxKeys);
    }

    private static String someKey(Random random, RandomTree tree) {
        if (tree.keys.isEmpty()) {
            return "a";
        }
        return new ArrayList<>(tree.keys).get(random.nextInt(tree.keys.size()));
    }

    /** A prefix of the key, cut at a code point boundary. */
    private static String cut(Random random, String key) {
        int codePoints = key.codePointCount(0, key.length());
        return key.substring(0, key.offsetByCodePoints(0, random.nextInt(codePoints + 1)));
    }
}
