package io.fs3.server.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The SigV2 string to sign: {@code VERB\nContent-MD5\nContent-Type\nDate\n} + x-amz-* headers + resource.
 * Clients differ in details AWS's spec leaves open (the Date line when x-amz-date is sent, how the path is
 * encoded, {@code ?acl} vs {@code ?acl=}), so {@link #candidates} returns every reading a real client uses;
 * a signature matching any of them is valid (it still covers method, headers, path and sub-resources).
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/RESTAuthentication.html
 */
final class SigV2Canonical {
    /** Query parameters that are part of the signed resource (botocore's and s3cmd's lists). */
    static final Set<String> SUB_RESOURCES = Set.of("accelerate", "acl", "analytics", "cors", "defaultObjectAcl",
            "delete", "inventory", "lifecycle", "location", "logging", "metrics", "notification", "object-lock",
            "partNumber", "policy", "replication", "requestPayment", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "response-content-language",
            "response-content-type", "response-expires", "restore", "select", "select-type", "storageClass",
            "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website");

    private SigV2Canonical() {
    }

    /**
     * Every string to sign a client may have used.
     *
     * @param dateLine the Date header for header auth (null if absent), or Expires for query auth
     * @param bucketFromHost the bucket a virtual-host-style Host names, or null
     */
    static List<String> candidates(SignedRequest r, String dateLine, boolean amzDateSent, String bucketFromHost) {
        Set<String> dates = new LinkedHashSet<>();
        dates.add(dateLine == null ? "" : dateLine);
        if (amzDateSent) {
            dates.add(""); // AWS: with x-amz-date the Date line is empty
        }
        String head = r.method() + '\n' + header(r, "Content-MD5") + '\n' + header(r, "Content-Type") + '\n';
        String amz = amzHeaders(r);
        List<String> out = new ArrayList<>();
        for (String resource : resources(r, bucketFromHost)) {
            for (String date : dates) {
                out.add(head + date + '\n' + amz + resource);
            }
        }
        return out;
    }

    /** Lower-case x-amz-* names in order, each {@code name:v1,v2\n}. */
    static String amzHeaders(SignedRequest r) {
        Map<String, String> amz = new TreeMap<>();
        r.headers().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-")) {
                List<String> trimmed = values.stream().map(String::strip).toList();
                amz.merge(lower, String.join(",", trimmed), (a, b) -> a + "," + b);
            }
        });
        StringBuilder b = new StringBuilder();
        amz.forEach((name, value) -> b.append(name).append(':').append(value).append('\n'));
        return b.toString();
    }

    /** The path as sent and re-encoded, each with the sub-resources as sent and with bare empty ones. */
    static Set<String> resources(SignedRequest r, String bucketFromHost) {
        String prefix = bucketFromHost == null ? "" : "/" + bucketFromHost;
        Set<String> paths = new LinkedHashSet<>();
        paths.add(prefix + r.rawPath());
        try {
            paths.add(prefix + CanonicalRequest.canonicalUri(r.rawPath()));
        } catch (RuntimeException malformed) {
            // only the path as sent
        }
        for (String path : List.copyOf(paths)) {
            if (path.length() > 1 && path.indexOf('/', 1) < 0) {
                paths.add(path + "/"); // a bucket's resource is "/bucket/" (AWS's rule; botocore signs it so)
            }
        }
        Set<String> out = new LinkedHashSet<>();
        for (String path : paths) {
            out.add(path + subResources(r.rawQuery(), false));
            out.add(path + subResources(r.rawQuery(), true));
        }
        return out;
    }

    /** {@code ?a&b=1} from the sub-resource parameters, sorted by name, values decoded. */
    static String subResources(String rawQuery, boolean bareEmpty) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> picked = new ArrayList<>();
        for (String segment : rawQuery.split("&")) {
            int eq = segment.indexOf('=');
            String name = UriEncoding.decodeQueryComponent(eq < 0 ? segment : segment.substring(0, eq));
            if (SUB_RESOURCES.contains(name)) {
                String value = eq < 0 ? null : UriEncoding.decodeQueryComponent(segment.substring(eq + 1));
                picked.add(new String[] {name, bareEmpty && value != null && value.isEmpty() ? null : value});
            }
        }
        if (picked.isEmpty()) {
            return "";
        }
        picked.sort((a, b) -> a[0].compareTo(b[0]));
        StringBuilder b = new StringBuilder("?");
        for (String[] p : picked) {
            b.append(b.length() > 1 ? "&" : "").append(p[0]).append(p[1] == null ? "" : "=" + p[1]);
        }
        return b.toString();
    }

    private static String header(SignedRequest r, String name) {
        String v = r.header(name);
        return v == null ? "" : v.strip();
    }
}
