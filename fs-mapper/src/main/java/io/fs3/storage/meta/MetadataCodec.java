package io.fs3.storage.meta;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.FileStamp;
import io.fs3.storage.StoredMetadata;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Encodes {@link StoredMetadata} as "name=value" lines (names and values percent-encoded), the form of
 * sidecar files, or in the binary form xattrs use ({@link CompactMetadataCodec}, which carries the rarer
 * fields as the same lines); decodes either. Unknown names are ignored so newer fs3 versions can add
 * fields; anything unparseable decodes to empty (the object then counts as written by another program).
 */
public final class MetadataCodec {
    private static final String VERSION = "fs3v1";
    private static final int MAX_PARTS = 10_000;

    private MetadataCodec() {
    }

    /** The text form (sidecar files, and what older fs3 versions wrote to the xattr too). */
    public static byte[] encode(StoredMetadata m) {
        StringBuilder b = new StringBuilder(256).append(VERSION).append('\n');
        line(b, "etag", m.etag());
        line(b, "stamp.key", m.stamp().fileKey());
        line(b, "stamp.size", Long.toString(m.stamp().size()));
        line(b, "stamp.mtime", Long.toString(m.stamp().mtimeNanos()));
        line(b, "h.content-type", m.content().contentType());
        new TreeMap<>(m.checksums()).forEach((k, v) -> line(b, "c." + k, v));
        otherLines(b, m);
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The binary form, small enough for the common case to fit inside an ext4 inode: see {@link CompactMetadataCodec}. */
    public static byte[] encodeCompact(StoredMetadata m) {
        return CompactMetadataCodec.encode(m);
    }

    /** Either form; empty if neither parses. */
    public static Optional<StoredMetadata> decode(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == CompactMetadataCodec.MAGIC) {
            return CompactMetadataCodec.decode(bytes);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        int firstLine = text.indexOf('\n');
        if (!(firstLine < 0 ? text : text.substring(0, firstLine)).equals(VERSION)) {
            return Optional.empty();
        }
        try {
            Map<String, String> f = fields(firstLine < 0 ? "" : text.substring(firstLine + 1));
            FileStamp stamp = FileStamp.of(f.get("stamp.key"), Long.parseLong(f.get("stamp.size")),
                    Long.parseLong(f.get("stamp.mtime")));
            return Optional.of(fromFields(f.get("etag"), stamp, f));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The lines of everything but the ETag, stamp, content type and checksums (which the binary form packs). */
    static void otherLines(StringBuilder b, StoredMetadata m) {
        ContentHeaders c = m.content();
        line(b, "h.content-encoding", c.contentEncoding());
        line(b, "h.content-disposition", c.contentDisposition());
        line(b, "h.content-language", c.contentLanguage());
        line(b, "h.cache-control", c.cacheControl());
        line(b, "h.expires", c.expires());
        new TreeMap<>(m.userMetadata()).forEach((k, v) -> line(b, "m." + k, v));
        new TreeMap<>(m.tags()).forEach((k, v) -> line(b, "t." + k, v));
        if (!m.partSizes().isEmpty()) {
            line(b, "parts", encodePartSizes(m.partSizes()));
        }
        line(b, "acl", m.acl());
    }

    /** "name=value" lines, decoded; lines without '=' are skipped. */
    static Map<String, String> fields(String lines) {
        Map<String, String> f = new TreeMap<>();
        for (String line : lines.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                f.put(dec(line.substring(0, eq)), dec(line.substring(eq + 1)));
            }
        }
        return f;
    }

    static StoredMetadata fromFields(String etag, FileStamp stamp, Map<String, String> f) {
        ContentHeaders c = new ContentHeaders(f.get("h.content-type"), f.get("h.content-encoding"),
                f.get("h.content-disposition"), f.get("h.content-language"), f.get("h.cache-control"),
                f.get("h.expires"));
        return new StoredMetadata(etag, stamp, c, prefixed(f, "m."), prefixed(f, "c."), prefixed(f, "t."),
                decodePartSizes(f.get("parts")), f.get("acl"));
    }

    /**
     * Part sizes run-length encoded, e.g. {@code 8388608*4,1234}: clients upload with one part size, so a
     * 10,000-part object still fits an extended attribute.
     */
    public static String encodePartSizes(List<Long> sizes) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sizes.size(); ) {
            int run = 1;
            while (i + run < sizes.size() && sizes.get(i + run).equals(sizes.get(i))) {
                run++;
            }
            b.append(b.length() == 0 ? "" : ",").append(sizes.get(i)).append(run > 1 ? "*" + run : "");
            i += run;
        }
        return b.toString();
    }

    static List<Long> decodePartSizes(String text) {
        List<Long> sizes = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return sizes;
        }
        for (String run : text.split(",")) {
            int star = run.indexOf('*');
            long size = Long.parseLong(star < 0 ? run : run.substring(0, star));
            int count = star < 0 ? 1 : Integer.parseInt(run.substring(star + 1));
            if (count < 1 || sizes.size() + count > MAX_PARTS) {
                throw new IllegalArgumentException("bad part list");
            }
            for (int i = 0; i < count; i++) {
                sizes.add(size);
            }
        }
        return sizes;
    }

    private static Map<String, String> prefixed(Map<String, String> f, String prefix) {
        Map<String, String> out = new TreeMap<>();
        f.forEach((k, v) -> {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), v);
            }
        });
        return out;
    }

    private static void line(StringBuilder b, String name, String value) {
        if (value != null) {
            b.append(enc(name)).append('=').append(enc(value)).append('\n');
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String dec(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
