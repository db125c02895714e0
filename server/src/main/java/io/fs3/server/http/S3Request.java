package io.fs3.server.http;

import io.fs3.server.auth.UriEncoding;
import io.fs3.server.auth.VerifiedPayload;
import io.fs3.server.op.OperationResolver;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

import java.io.InputStream;
import java.util.Optional;

/**
 * One S3 request as the operations see it: bucket and key decoded once from the raw path (so %2F, '+',
 * spaces and unicode in keys survive exactly), decoded query parameters, headers and the (already
 * verified and decoded) body.
 */
public final class S3Request {
    public static final String OPERATION_PROPERTY = "fs3.operation";
    private final ContainerRequestContext context;
    private final String bucketName;
    private final String keyName;
    private final MultivaluedMap<String, String> query;
    private final InputStream body;

    private S3Request(ContainerRequestContext context, String bucketName, String keyName, InputStream body) {
        this.context = context;
        this.bucketName = bucketName;
        this.keyName = keyName;
        this.query = context.getUriInfo().getQueryParameters();
        this.body = body;
    }

    public static S3Request of(ContainerRequestContext context, InputStream body) {
        String raw = context.getUriInfo().getRequestUri().getRawPath();
        String path = raw.startsWith("/") ? raw.substring(1) : raw;
        int slash = path.indexOf('/');
        String bucket = UriEncoding.decodePath(slash < 0 ? path : path.substring(0, slash));
        String key = slash < 0 || slash == path.length() - 1 ? null : UriEncoding.decodePath(path.substring(slash + 1));
        return new S3Request(context, bucket.isEmpty() ? null : bucket, key, body);
    }

    public S3Operation resolve(OperationResolver.Scope scope) {
        S3Operation op = OperationResolver.resolve(method(), scope, query, header("x-amz-copy-source") != null);
        context.setProperty(OPERATION_PROPERTY, op);
        return op;
    }

    public String method() {
        return context.getMethod();
    }

    public BucketName bucket() {
        return BucketName.of(bucketName);
    }

    public ObjectKey key() {
        return ObjectKey.of(keyName);
    }

    public String rawKey() {
        return keyName;
    }

    public String header(String name) {
        return context.getHeaderString(name);
    }

    public MultivaluedMap<String, String> headers() {
        return context.getHeaders();
    }

    public String query(String name) {
        return query.getFirst(name);
    }

    public boolean hasQuery(String name) {
        return query.containsKey(name);
    }

    public InputStream body() {
        return body;
    }

    /** The verified payload the auth filter attached, if the request was signed. */
    public Optional<VerifiedPayload> payload() {
        return Optional.ofNullable((VerifiedPayload) context.getProperty("fs3.payload"));
    }

    public String accessKey() {
        return (String) context.getProperty("fs3.accessKey");
    }
}
