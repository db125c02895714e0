package io.fs3.server.op;

import io.fs3.multipart.MultipartUploads;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartsPage;
import io.fs3.multipart.UploadInfo;
import io.fs3.multipart.UploadsPage;
import io.fs3.multipart.UploadsQuery;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.http.Etag;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.ChecksumFields;
import io.fs3.server.xml.CommonPrefix;
import io.fs3.server.xml.ListMultipartUploadsResult;
import io.fs3.server.xml.ListPartsResult;
import io.fs3.server.xml.Owner;
import io.fs3.server.xml.S3Xml;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * ListParts ({@code part-number-marker}, {@code max-parts}, NextPartNumberMarker) and ListMultipartUploads
 * ({@code prefix}, {@code delimiter}, {@code key-marker}, {@code upload-id-marker}, {@code max-uploads},
 * {@code encoding-type=url}); both return at most 1,000 entries per page, as S3 does.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListMultipartUploads.html
 */
public final class MultipartListOp {
    private static final int MAX = 1000;
    private final MultipartUploads uploads;
    private final Owner owner;

    public MultipartListOp(MultipartUploads uploads, Owner owner) {
        this.uploads = uploads;
        this.owner = owner;
    }

    public Response parts(S3Request req) {
        int maxParts = MultipartArgs.integer(req, "max-parts", MAX, MAX);
        int marker = MultipartArgs.integer(req, "part-number-marker", 0, Integer.MAX_VALUE);
        PartsPage page = uploads.listParts(req.bucket(), req.key(), MultipartArgs.uploadId(req), marker, maxParts);
        UploadInfo u = page.upload();
        List<ListPartsResult.Part> parts = page.parts().stream().map(MultipartListOp::part).toList();
        return Response.ok(new ListPartsResult(req.bucket().value(), u.key(), u.id().value(), marker, page.nextMarker(),
                maxParts, page.truncated(), parts, owner, owner, "STANDARD", MultipartArgs.displayName(u.checksumAlgorithm()),
                u.checksumType() == null ? null : u.checksumType().name()), "application/xml").build();
    }

    public Response uploads(S3Request req) {
        UnaryOperator<String> enc = encoder(req);
        UploadsQuery q = new UploadsQuery(req.query("prefix"), req.query("delimiter"), req.query("key-marker"),
                req.query("upload-id-marker"), MultipartArgs.integer(req, "max-uploads", MAX, MAX));
        UploadsPage page = uploads.listUploads(req.bucket(), q);
        List<ListMultipartUploadsResult.Upload> list = page.uploads().stream().map(u -> new ListMultipartUploadsResult.Upload(
                enc.apply(u.key()), u.id().value(), owner, owner, "STANDARD", S3Xml.timestamp(u.initiated()),
                MultipartArgs.displayName(u.checksumAlgorithm()), u.checksumType() == null ? null : u.checksumType().name()))
                .toList();
        List<CommonPrefix> prefixes = page.commonPrefixes().stream().map(p -> new CommonPrefix(enc.apply(p))).toList();
        return Response.ok(new ListMultipartUploadsResult(req.bucket().value(), enc.apply(nullToEmpty(q.keyMarker())),
                nullToEmpty(q.uploadIdMarker()), enc.apply(page.nextKeyMarker()), page.nextUploadIdMarker(),
                enc.apply(q.delimiter()), enc.apply(q.prefix()), q.maxUploads(), page.truncated(),
                req.query("encoding-type") == null ? null : "url", list, prefixes), "application/xml").build();
    }

    private static ListPartsResult.Part part(PartInfo p) {
        return new ListPartsResult.Part(p.number(), S3Xml.timestamp(p.lastModified()), Etag.quote(p.etag()), p.size(),
                ChecksumFields.of(p.checksums()));
    }

    /** With encoding-type=url, keys, prefixes, delimiter and markers are URL-encoded, as in ListObjects. */
    private static UnaryOperator<String> encoder(S3Request req) {
        String t = req.query("encoding-type");
        if (t == null) {
            return s -> s;
        }
        if (!t.equalsIgnoreCase("url")) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid Encoding Method specified in Request")
                    .withDetail("ArgumentName", "encoding-type").withDetail("ArgumentValue", t);
        }
        return s -> s == null ? null : UriEncoding.encode(s, true);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
