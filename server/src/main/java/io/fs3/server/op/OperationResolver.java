package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * (method, scope, query parameters, copy-source header) → operation, as a table. Any S3 sub-resource
 * that no row claims answers NotImplemented naming the operation, instead of silently falling through
 * to another operation (e.g. PUT ?acl must never overwrite the object with an ACL document).
 */
public final class OperationResolver {
    public enum Scope { SERVICE, BUCKET, OBJECT }

    /**
     * One row: the operation when the method and scope match, {@code param} (a sub-resource, or null for
     * none) is present, and an {@code x-amz-copy-source} header is present exactly when {@code copy}.
     */
    private record Row(String method, Scope scope, String param, boolean copy, S3Operation op) {
        Row(String method, Scope scope, String param, S3Operation op) {
            this(method, scope, param, false, op);
        }
    }

    private static final List<Row> ROWS = List.of(
            // First: any GET with ?browser is a browser page, whatever else it names (the SigV4 filter lets
            // these through unsigned, so they must never reach an S3 operation).
            new Row("GET", Scope.SERVICE, "browser", S3Operation.BROWSE),
            new Row("GET", Scope.BUCKET, "browser", S3Operation.BROWSE),
            new Row("GET", Scope.OBJECT, "browser", S3Operation.BROWSE),
            new Row("GET", Scope.SERVICE, null, S3Operation.LIST_BUCKETS),
            new Row("GET", Scope.BUCKET, "location", S3Operation.GET_BUCKET_LOCATION),
            new Row("GET", Scope.BUCKET, "versioning", S3Operation.GET_BUCKET_VERSIONING),
            new Row("GET", Scope.BUCKET, "list-type", S3Operation.LIST_OBJECTS_V2),
            new Row("GET", Scope.BUCKET, "cors", S3Operation.GET_BUCKET_CORS),
            new Row("PUT", Scope.BUCKET, "cors", S3Operation.PUT_BUCKET_CORS),
            new Row("DELETE", Scope.BUCKET, "cors", S3Operation.DELETE_BUCKET_CORS),
            new Row("GET", Scope.BUCKET, "tagging", S3Operation.GET_BUCKET_TAGGING),
            new Row("PUT", Scope.BUCKET, "tagging", S3Operation.PUT_BUCKET_TAGGING),
            new Row("DELETE", Scope.BUCKET, "tagging", S3Operation.DELETE_BUCKET_TAGGING),
            new Row("GET", Scope.BUCKET, "acl", S3Operation.GET_BUCKET_ACL),
            new Row("PUT", Scope.BUCKET, "acl", S3Operation.PUT_BUCKET_ACL),
            new Row("GET", Scope.OBJECT, "acl", S3Operation.GET_OBJECT_ACL),
            new Row("PUT", Scope.OBJECT, "acl", S3Operation.PUT_OBJECT_ACL),
            new Row("POST", Scope.BUCKET, "delete", S3Operation.DELETE_OBJECTS),
            new Row("POST", Scope.BUCKET, null, S3Operation.POST_OBJECT),
            new Row("GET", Scope.BUCKET, null, S3Operation.LIST_OBJECTS_V1),
            new Row("PUT", Scope.BUCKET, null, S3Operation.CREATE_BUCKET),
            new Row("DELETE", Scope.BUCKET, null, S3Operation.DELETE_BUCKET),
            new Row("HEAD", Scope.BUCKET, null, S3Operation.HEAD_BUCKET),
            new Row("GET", Scope.BUCKET, "uploads", S3Operation.LIST_MULTIPART_UPLOADS),
            new Row("POST", Scope.OBJECT, "uploads", S3Operation.CREATE_MULTIPART_UPLOAD),
            new Row("POST", Scope.OBJECT, "uploadId", S3Operation.COMPLETE_MULTIPART_UPLOAD),
            new Row("PUT", Scope.OBJECT, "uploadId", S3Operation.UPLOAD_PART),
            new Row("PUT", Scope.OBJECT, "uploadId", true, S3Operation.UPLOAD_PART_COPY),
            new Row("GET", Scope.OBJECT, "uploadId", S3Operation.LIST_PARTS),
            new Row("DELETE", Scope.OBJECT, "uploadId", S3Operation.ABORT_MULTIPART_UPLOAD),
            new Row("GET", Scope.OBJECT, "tagging", S3Operation.GET_OBJECT_TAGGING),
            new Row("PUT", Scope.OBJECT, "tagging", S3Operation.PUT_OBJECT_TAGGING),
            new Row("DELETE", Scope.OBJECT, "tagging", S3Operation.DELETE_OBJECT_TAGGING),
            new Row("PUT", Scope.OBJECT, null, true, S3Operation.COPY_OBJECT),
            new Row("GET", Scope.OBJECT, null, S3Operation.GET_OBJECT),
            new Row("HEAD", Scope.OBJECT, null, S3Operation.HEAD_OBJECT),
            new Row("PUT", Scope.OBJECT, null, S3Operation.PUT_OBJECT),
            new Row("DELETE", Scope.OBJECT, null, S3Operation.DELETE_OBJECT));

    /**
     * Query parameters that select an S3 operation (sub-resources), as opposed to plain arguments
     * (prefix, partNumber, versionId, response-*, x-id, ...), which the operations read themselves.
     */
    static final Set<String> SUB_RESOURCES = Set.of(
            "accelerate", "acl", "analytics", "attributes", "cors", "delete", "encryption", "intelligent-tiering",
            "inventory", "legal-hold", "lifecycle", "list-type", "location", "logging", "metadataConfiguration",
            "metrics", "notification", "object-lock", "ownershipControls", "policy", "policyStatus",
            "publicAccessBlock", "replication", "requestPayment", "restore", "retention", "select", "session",
            "tagging", "torrent", "uploadId", "uploads", "versioning", "versions", "website", "renameObject",
            "browser");

    private OperationResolver() {
    }

    public static S3Operation resolve(String method, Scope scope, Map<String, ?> query, boolean copySource) {
        Set<String> subs = new TreeSet<>(query.keySet());
        subs.retainAll(SUB_RESOURCES);
        for (Row row : ROWS) {
            if (row.method.equals(method) && row.scope == scope && row.copy == copySource
                    && (row.param == null ? subs.isEmpty() : subs.contains(row.param))) {
                return row.op;
            }
        }
        if (!isKnownMethod(method)) {
            throw S3Exception.of(S3Error.METHOD_NOT_ALLOWED);
        }
        throw notImplemented(awsName(method, scope, subs.isEmpty() ? null : subs.iterator().next(), copySource));
    }

    /** AWS's name of an operation fs3 lacks, e.g. GetBucketPolicy, PutObjectAcl, for the NotImplemented message. */
    static String awsName(String method, Scope scope, String sub, boolean copySource) {
        if (copySource) {
            return sub == null ? "CopyObject" : "UploadPartCopy";
        }
        String verb = switch (method) {
            case "GET" -> "Get";
            case "PUT" -> "Put";
            case "DELETE" -> "Delete";
            case "HEAD" -> "Head";
            default -> "Post";
        };
        String noun = sub == null ? "" : Character.toUpperCase(sub.charAt(0)) + sub.substring(1).replace("-", "");
        return verb + (scope == Scope.OBJECT ? "Object" : "Bucket") + noun;
    }

    private static boolean isKnownMethod(String method) {
        return Set.of("GET", "HEAD", "PUT", "DELETE", "POST").contains(method);
    }

    private static S3Exception notImplemented(String operation) {
        return S3Exception.of(S3Error.NOT_IMPLEMENTED, "fs3 does not implement " + operation + ".")
                .withDetail("Operation", operation);
    }
}
