package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.xml.Tagging;
import io.fs3.server.xml.XmlRequestBodies;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Tag sets with S3's limits: at most 10 tags per object and 50 per bucket, keys up to 128 and values up
 * to 256 characters, unique keys, no "aws:" prefix.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html
 */
public final class TagSets {
    public static final int MAX_OBJECT_TAGS = 10;
    public static final int MAX_BUCKET_TAGS = 50;

    private TagSets() {
    }

    public static Map<String, String> fromXml(Tagging tagging, int maxTags) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (Tagging.Tag t : tagging.tagSet) {
            add(tags, t.key, t.value == null ? "" : t.value);
        }
        return check(tags, maxTags);
    }

    /** The {@code x-amz-tagging} header: URL query encoded, e.g. {@code k1=v1&k2=v2}. */
    public static Map<String, String> fromHeader(String header) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (header == null || header.isEmpty()) {
            return tags;
        }
        for (String pair : header.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq));
            String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
            add(tags, k, v);
        }
        return check(tags, MAX_OBJECT_TAGS);
    }

    /** The {@code tagging} field of a POST form: a Tagging XML document, or absent. */
    public static Map<String, String> fromXmlField(String xml) {
        if (xml == null || xml.isBlank()) {
            return Map.of();
        }
        Tagging t = XmlRequestBodies.parse(xml.getBytes(StandardCharsets.UTF_8), Tagging.class);
        return fromXml(t, MAX_OBJECT_TAGS);
    }

    public static Tagging toXml(Map<String, String> tags) {
        Tagging t = new Tagging();
        tags.forEach((k, v) -> t.tagSet.add(new Tagging.Tag(k, v)));
        return t;
    }

    private static void add(Map<String, String> tags, String key, String value) {
        if (key == null || key.isEmpty() || key.length() > 128 || value.length() > 256) {
            throw S3Exception.of(S3Error.INVALID_TAG, "The TagKey or TagValue you have provided is invalid.");
        }
        if (key.regionMatches(true, 0, "aws:", 0, 4)) {
            throw S3Exception.of(S3Error.INVALID_TAG, "Your TagKey cannot be prefixed with aws:");
        }
        if (tags.put(key, value) != null) {
            throw S3Exception.of(S3Error.INVALID_TAG, "Cannot provide multiple Tags with the same key");
        }
    }

    private static Map<String, String> check(Map<String, String> tags, int maxTags) {
        if (tags.size() > maxTags) {
            throw S3Exception.of(S3Error.INVALID_TAG, maxTags == MAX_OBJECT_TAGS
                    ? "Object tags cannot be greater than 10" : "Bucket tag count cannot be greater than 50");
        }
        return tags;
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw S3Exception.of(S3Error.INVALID_TAG, "The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded URL query parameters without tag name duplicates.");
        }
    }
}
