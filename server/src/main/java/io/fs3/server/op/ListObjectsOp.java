package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.http.Etag;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.CommonPrefix;
import io.fs3.server.xml.ListBucketResultV1;
import io.fs3.server.xml.ListBucketResultV2;
import io.fs3.server.xml.ListEntry;
import io.fs3.server.xml.Owner;
import io.fs3.server.xml.S3Xml;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectLister;
import io.fs3.storage.ObjectSummary;
import io.fs3.storage.list.ContinuationTokens;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ListObjects (v1, marker-based; rclone and s3cmd use it) and ListObjectsV2 (continuation tokens).
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
public final class ListObjectsOp {
    private static final int MAX_KEYS = 1000;
    private final ObjectLister lister;
    private final ContinuationTokens tokens;
    private final Owner owner;

    public ListObjectsOp(ObjectLister lister, ContinuationTokens tokens, Owner owner) {
        this.lister = lister;
        this.tokens = tokens;
        this.owner = owner;
    }

    public Response v1(S3Request req) {
        String marker = req.query("marker");
        ListRequest lr = new ListRequest(req.query("prefix"), req.query("delimiter"), marker, maxKeys(req));
        ListPage page = lister.list(req.bucket(), lr);
        UnaryOperator<String> enc = encoder(req);
        ListBucketResultV1 body = new ListBucketResultV1(req.bucket().value(), enc.apply(lr.prefix()),
                enc.apply(marker == null ? "" : marker), page.truncated() ? enc.apply(page.nextStartAfter()) : null,
                lr.maxKeys(), enc.apply(lr.delimiter()), page.truncated(), encodingType(req),
                entries(page, enc, owner), prefixes(page, enc));
        return Response.ok(body, "application/xml").build();
    }

    public Response v2(S3Request req) {
        String token = req.query("continuation-token");
        String startAfter = req.query("start-after");
        String resumeAfter = token != null ? tokens.decode(token) : startAfter;
        ListRequest lr = new ListRequest(req.query("prefix"), req.query("delimiter"), resumeAfter, maxKeys(req));
        ListPage page = lister.list(req.bucket(), lr);
        UnaryOperator<String> enc = encoder(req);
        Owner shownOwner = "true".equalsIgnoreCase(req.query("fetch-owner")) ? owner : null;
        ListBucketResultV2 body = new ListBucketResultV2(req.bucket().value(), enc.apply(lr.prefix()),
                enc.apply(lr.delimiter()), lr.maxKeys(), page.objects().size() + page.commonPrefixes().size(),
                page.truncated(), encodingType(req), token,
                page.truncated() ? tokens.encode(page.nextStartAfter()) : null,
                enc.apply(startAfter), entries(page, enc, shownOwner), prefixes(page, enc));
        return Response.ok(body, "application/xml").build();
    }

    private static List<ListEntry> entries(ListPage page, UnaryOperator<String> enc, Owner owner) {
        return page.objects().stream().map((ObjectSummary o) -> new ListEntry(enc.apply(o.key()),
                S3Xml.timestamp(o.lastModified()), Etag.quote(o.etag()), o.size(), owner, "STANDARD")).toList();
    }

    private static List<CommonPrefix> prefixes(ListPage page, UnaryOperator<String> enc) {
        return page.commonPrefixes().stream().map(p -> new CommonPrefix(enc.apply(p))).toList();
    }

    private static int maxKeys(S3Request req) {
        String v = req.query("max-keys");
        if (v == null) {
            return MAX_KEYS;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return Math.min(n, MAX_KEYS);
        } catch (NumberFormatException e) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Provided max-keys not an integer or within integer range")
                    .withDetail("ArgumentName", "max-keys").withDetail("ArgumentValue", v);
        }
    }

    private static String encodingType(S3Request req) {
        String t = req.query("encoding-type");
        if (t == null) {
            return null;
        }
        if (!t.equalsIgnoreCase("url")) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request")
                    .withDetail("ArgumentName", "encoding-type").withDetail("ArgumentValue", t);
        }
        return "url";
    }

    /** With encoding-type=url, keys, prefixes, delimiter and markers are URL-encoded in the response. */
    private static UnaryOperator<String> encoder(S3Request req) {
        if (encodingType(req) == null) {
            return s -> s;
        }
        return s -> s == null ? null : UriEncoding.encode(s, true);
    }
}
