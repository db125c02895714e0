package io.fs3.server.post;

import io.fs3.config.Secret;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.authz.Authorizer;
import io.fs3.server.op.S3Operation;
import io.fs3.server.auth.SigV4Signing;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.http.Etag;
import io.fs3.server.http.S3Request;
import io.fs3.server.http.UserMetadataHeaders;
import io.fs3.server.op.TagSets;
import io.fs3.server.xml.PostResponse;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.PutRequest;
import io.fs3.storage.PutResult;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;

/**
 * PostObject: a browser-form upload authorised by a SigV4-signed POST policy instead of an Authorization
 * header. The file part streams into the same atomic write path as PutObject.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/RESTObjectPOST.html
 */
public final class PostObjectOp {
    private final ObjectStore objects;
    private final BucketStore buckets;
    private final CredentialStore credentials;
    private final String region;
    private final Clock clock;
    private final Authorizer authorizer;

    public PostObjectOp(ObjectStore objects, BucketStore buckets, CredentialStore credentials, String region, Clock clock,
                        Authorizer authorizer) {
        this.objects = objects;
        this.buckets = buckets;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
        this.authorizer = authorizer;
    }

    public Response post(S3Request req) {
        BucketName bucket = req.bucket();
        if (!buckets.exists(bucket)) {
            throw S3Exception.of(S3Error.NO_SUCH_BUCKET).withResource(bucket.value());
        }
        String type = req.header("Content-Type");
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            throw S3Exception.of(S3Error.MALFORMED_POST_REQUEST);
        }
        PostFormUpload.Form form = PostFormUpload.read(type, contentLength(req), req.body());
        Map<String, String> fields = new TreeMap<>(form.fields());
        fields.put("bucket", fields.getOrDefault("bucket", bucket.value()));
        PostPolicy policy = authorize(fields);
        String rawKey = fields.get("key");
        if (rawKey == null) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Bucket POST must contain a field named 'key'.");
        }
        ObjectKey key = ObjectKey.of(rawKey.replace("${filename}", form.fileName() == null ? "" : form.fileName()));
        // the policy's signer uploads with their own permissions
        authorizer.check(fields.get("x-amz-credential").split("/")[0], S3Operation.POST_OBJECT, bucket, key);
        PutResult result = objects.put(bucket, key, new PutRequest(
                new LengthRangeInputStream(form.file(), policy.minLength(), policy.maxLength()), -1,
                content(fields), userMetadata(fields), null, null, false, TagSets.fromXmlField(fields.get("tagging"))));
        return respond(bucket, key, result, fields);
    }

    /** Verifies the policy's SigV4 signature and its conditions; the policy also bounds the file size. */
    private PostPolicy authorize(Map<String, String> fields) {
        String policyB64 = fields.get("policy");
        String signature = fields.get("x-amz-signature");
        String credential = fields.get("x-amz-credential");
        if (policyB64 == null || signature == null || credential == null) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "Anonymous POST uploads are not allowed; sign a POST policy.");
        }
        if (!SigV4Signing.ALGORITHM.equals(fields.get("x-amz-algorithm"))) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Only AWS4-HMAC-SHA256 POST policies are supported.");
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !scope[2].equals(region) || !scope[3].equals("s3") || !scope[4].equals(SigV4Signing.TERMINATOR)) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid x-amz-credential: " + credential);
        }
        Secret secret = credentials.secretFor(scope[0]).orElseThrow(() -> S3Exception.of(S3Error.INVALID_ACCESS_KEY_ID));
        String expected = SigV4Signing.signature(SigV4Signing.signingKey(secret.reveal(), scope[1], region, "s3"), policyB64);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw S3Exception.of(S3Error.SIGNATURE_DOES_NOT_MATCH);
        }
        PostPolicy policy = PostPolicy.parse(policyB64);
        policy.check(fields, clock.instant());
        return policy;
    }

    private static Response respond(BucketName bucket, ObjectKey key, PutResult result, Map<String, String> fields) {
        String etag = Etag.quote(result.etag());
        String redirect = fields.get("success_action_redirect");
        if (redirect != null && !redirect.isBlank()) {
            String sep = redirect.contains("?") ? "&" : "?";
            URI location = URI.create(redirect + sep + "bucket=" + enc(bucket.value()) + "&key=" + enc(key.value())
                    + "&etag=" + enc(etag));
            return Response.seeOther(location).header("ETag", etag).build();
        }
        String status = fields.getOrDefault("success_action_status", "204");
        // Percent-encoded, as S3 sends it: a raw space or '#' would make the header an invalid URI (Jersey then fails).
        String location = "/" + UriEncoding.encode(bucket.value(), false) + "/" + UriEncoding.encode(key.value(), true);
        return switch (status) {
            case "200" -> Response.ok().header("ETag", etag).header("Location", location).build();
            case "201" -> Response.status(201).entity(new PostResponse(location, bucket.value(), key.value(), etag))
                    .type("application/xml").header("ETag", etag).header("Location", location).build();
            default -> Response.noContent().header("ETag", etag).header("Location", location).build();
        };
    }

    private static ContentHeaders content(Map<String, String> f) {
        String type = f.get("content-type");
        return new ContentHeaders(type == null ? "binary/octet-stream" : type, f.get("content-encoding"),
                f.get("content-disposition"), f.get("content-language"), f.get("cache-control"), f.get("expires"));
    }

    private static Map<String, String> userMetadata(Map<String, String> fields) {
        Map<String, String> asHeaders = new TreeMap<>();
        fields.forEach((k, v) -> {
            if (k.startsWith(UserMetadataHeaders.PREFIX)) {
                asHeaders.put(k.substring(UserMetadataHeaders.PREFIX.length()), v);
            }
        });
        return UserMetadataHeaders.check(asHeaders);
    }

    private static long contentLength(S3Request req) {
        String v = req.header("Content-Length");
        return v == null ? -1 : Long.parseLong(v.trim());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
