package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * (method, scope, query parameters, copy-source header) → operation, as a table. Any S3 sub-resource
 * that no row claims answers NotImplemented naming the operation, instead of silently falling through
 * to another operation (e.g. PUT ?acl must never overwrite the object with an ACL document).
 */
public final class OperationResolver {
    public enum Scope { SERVICE, BUCKET, OBJECT }

    /** One row: when {@code param} (or null for "no sub-resource") is present, this is the operation. */
    private record Row(String method, Scope scope, String param, S3Operation op) {
    }

    private static final List<Row> ROWS = List.of(
            new Row("GET", Scope.SERVICE, null, S3Operation.LIST_BUCKETS),
            new Row("GET", Scope.BUCKET, "location", S3Operation.GET_BUCKET_LOCATION),
            new Row("GET", Scope.BUCKET, "versioning", S3Operation.GET_BUCKET_VERSIONING),
            new Row("GET", Scope.BUCKET, "list-type", S3Operation.LIST_OBJECTS_V2),
            new Row("GET", Scope.BUCKET, null, S3Operation.LIST_OBJECTS_V1),
            new Row("PUT", Scope.BUCKET, null, S3Operation.CREATE_BUCKET),
            new Row("DELETE", Scope.BUCKET, null, S3Operation.DELETE_BUCKET),
            new Row("HEAD", Scope.BUCKET, null, S3Operation.HEAD_BUCKET),
            new Row("GET", Scope.OBJECT, null, S3Operation.GET_OBJECT),
            new Row("HEAD", Scope.OBJECT, null, S3Operation.HEAD_OBJECT),
            new Row("PUT", Scope.OBJECT, null, S3Operation.PUT_OBJECT),
            new Row("DELETE", Scope.OBJECT, null, S3Operation.DELETE_OBJECT));

    /** Query parameters that select an S3 operation (sub-resources), as opposed to plain arguments. */
    static final Set<String> SUB_RESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "list-type", "location", "logging", "metadataConfiguration",
            "metrics", "notification", "object-lock", "ownershipControls", "partNumber", "policy", "policyStatus",
            "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select", "session",
            "tagging", "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website",
            "renameObject");

    private OperationResolver() {
    }

    public static S3Operation resolve(String method, Scope scope, Map<String, ?> query, boolean copySource) {
        String sub = null;
        for (String name : query.keySet()) {
            if (SUB_RESOURCES.contains(name)) {
                sub = name;
                break;
            }
        }
        if (copySource && scope == Scope.OBJECT && "PUT".equals(method)) {
            throw notImplemented(sub == null ? "CopyObject" : "UploadPartCopy");
        }
        for (Row row : ROWS) {
            if (row.method.equals(method) && row.scope == scope && (row.param == null ? sub == null : row.param.equals(sub))) {
                return row.op;
            }
        }
        if (sub == null && !isKnownMethod(method)) {
            throw S3Exception.of(S3Error.METHOD_NOT_ALLOWED);
        }
        throw notImplemented(method + " " + scope.name().toLowerCase() + (sub == null ? "" : " ?" + sub));
    }

    private static boolean isKnownMethod(String method) {
        return Set.of("GET", "HEAD", "PUT", "DELETE", "POST").contains(method);
    }

    private static S3Exception notImplemented(String what) {
        return S3Exception.of(S3Error.NOT_IMPLEMENTED, "fs3 does not implement this operation yet: " + what + ".");
    }
}
