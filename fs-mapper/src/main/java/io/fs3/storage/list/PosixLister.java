package io.fs3.storage.list;

import io.fs3.storage.BucketName;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectLister;
import io.fs3.storage.Utf8Order;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Lists a bucket directory as S3 does (ListObjects V1/V2): keys in UTF-8 byte order across nested
 * directories, prefix, any delimiter, exclusive start-after, max-keys counting keys and common prefixes.
 * A page costs the page plus a binary search per directory on the path to it (see {@link KeyCursor}):
 * it never re-walks what earlier pages covered, and a common prefix is skipped, not walked.
 */
public final class PosixLister implements ObjectLister {
    /** Window held per directory too big for the cache: a page plus one, up to S3's 1000 keys. */
    private static final int MAX_WINDOW = 1001;

    private final Function<BucketName, Path> bucketDirectory;
    private final String reservedDirName;
    private final EntryResolver resolver;
    private final ListingCache cache;
    private final SubtreeProbe probe;

    /**
     * @param bucketDirectory the bucket's directory; throws the S3 NoSuchBucket error itself
     * @param reservedDirName fs3's own directory at each bucket's top level (e.g. ".fs3"): never listed
     */
    public PosixLister(Function<BucketName, Path> bucketDirectory, String reservedDirName,
                       EntryResolver resolver, ListingCache cache) {
        this.bucketDirectory = Objects.requireNonNull(bucketDirectory, "bucketDirectory");
        this.reservedDirName = Objects.requireNonNull(reservedDirName, "reservedDirName");
        this.resolver = Objects.requireNonNull(resolver, "resolver");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.probe = new SubtreeProbe(resolver);
    }

    @Override
    public ListPage list(BucketName bucket, ListRequest request) {
        Path root = realIfLink(bucketDirectory.apply(bucket));
        if (request.maxKeys() == 0) {
            return new ListPage(List.of(), List.of(), false, null); // as S3: empty, not truncated
        }
        Bound from = startBound(request);
        int window = Math.min(request.maxKeys(), MAX_WINDOW - 1) + 1;
        PageBuilder page = new PageBuilder(request.maxKeys());
        try (KeyCursor cursor = KeyCursor.open(root, reservedDirName, request.prefix(), from, cache, window)) {
            addPrefixFolder(cursor, request.prefix(), from, page);
            for (KeyCursor.Node node = cursor.next(); node != null; node = cursor.next()) {
                if (node.directory()) {
                    visitDirectory(node, cursor, request, page);
                } else {
                    visitFile(node, cursor, request, page);
                }
                if (page.isComplete()) {
                    break;
                }
            }
        }
        return page.build();
    }

    /**
     * Where listing starts. A start-after inside a common prefix P (P itself, as returned as the last
     * item of a page, or any key below it) resumes after every key starting with P: a common prefix is
     * shown once per listing, never again on a later page.
     */
    static Bound startBound(ListRequest request) {
        String prefix = request.prefix();
        String startAfter = request.startAfter();
        if (startAfter == null) {
            return Bound.atLeast(prefix);
        }
        String common = startAfter.startsWith(prefix)
                ? Names.commonPrefix(startAfter, prefix, request.delimiter()) : null;
        Bound after = common != null ? Bound.pastPrefix(common) : Bound.after(startAfter);
        return Utf8Order.compare(after.text(), prefix) >= 0 ? after : Bound.atLeast(prefix);
    }

    /**
     * The bucket directory itself may be a symlink (an admin linked a tree in as a bucket): follow it
     * there, as links are followed nowhere below it.
     */
    private static Path realIfLink(Path root) {
        if (!Files.isSymbolicLink(root)) {
            return root;
        }
        try {
            return root.toRealPath();
        } catch (IOException e) {
            return root; // broken: lists as empty
        }
    }

    /** The folder object named by the prefix itself ("photos/" listed with prefix "photos/") comes first. */
    private void addPrefixFolder(KeyCursor cursor, String prefix, Bound from, PageBuilder page) {
        Path dir = cursor.startDirectory();
        if (dir != null && prefix.endsWith("/") && from.admits(prefix)) {
            resolver.folder(prefix, dir).ifPresent(page::addObject);
        }
    }

    private void visitDirectory(KeyCursor.Node node, KeyCursor cursor, ListRequest request, PageBuilder page) {
        String common = Names.commonPrefix(node.key(), request.prefix(), request.delimiter());
        if (common == null) {
            resolver.folder(node.key(), node.path()).ifPresent(page::addObject);
            cursor.descend();
        } else if (probe.hasObject(node.key(), node.path())) {
            // Every key below has this common prefix; so may later siblings ("a-" from "a-b/" and "a-c").
            page.addCommonPrefix(common);
            cursor.skipPast(common);
        }
        // else: no object below, so no common prefix from it (S3 only shows prefixes some key has).
    }

    private void visitFile(KeyCursor.Node node, KeyCursor cursor, ListRequest request, PageBuilder page) {
        node.fileAttributes()
                .flatMap(attrs -> resolver.file(node.key(), node.path(), attrs))
                .ifPresent(object -> {
                    String common = Names.commonPrefix(node.key(), request.prefix(), request.delimiter());
                    if (common == null) {
                        page.addObject(object);
                    } else {
                        page.addCommonPrefix(common);
                        cursor.skipPast(common);
                    }
                });
    }
}
