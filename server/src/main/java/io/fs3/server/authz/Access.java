package io.fs3.server.authz;

import io.fs3.server.op.S3Operation;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * What each S3 operation needs, as a table: the permission and where it is checked (the bucket's ACL or
 * the object's, which inherits the bucket's), and whether it writes (refused on read-only buckets).
 * Following S3's ACL model: bucket READ lists, bucket WRITE creates, overwrites and deletes objects,
 * READ_ACP/WRITE_ACP read and change ACLs; bucket configuration (CORS, tags) and DeleteBucket are the
 * owner's. An operation missing from the table is owner-only (and a unit test fails).
 */
public final class Access {
    /** Where the permission is looked up. */
    public enum Scope { AUTHENTICATED, BUCKET, BUCKET_OWNER, OBJECT }

    public record Rule(Scope scope, Permission permission, boolean write) {
    }

    private static final Map<S3Operation, Rule> RULES = new EnumMap<>(S3Operation.class);

    static {
        rule(Scope.AUTHENTICATED, null, false, S3Operation.LIST_BUCKETS);
        rule(Scope.AUTHENTICATED, null, true, S3Operation.CREATE_BUCKET);
        rule(Scope.BUCKET_OWNER, null, true, S3Operation.DELETE_BUCKET, S3Operation.PUT_BUCKET_TAGGING,
                S3Operation.DELETE_BUCKET_TAGGING, S3Operation.PUT_BUCKET_CORS, S3Operation.DELETE_BUCKET_CORS);
        rule(Scope.BUCKET_OWNER, null, false, S3Operation.GET_BUCKET_TAGGING, S3Operation.GET_BUCKET_CORS);
        rule(Scope.BUCKET, Permission.READ, false, S3Operation.HEAD_BUCKET, S3Operation.GET_BUCKET_LOCATION,
                S3Operation.GET_BUCKET_VERSIONING, S3Operation.LIST_OBJECTS_V1, S3Operation.LIST_OBJECTS_V2,
                S3Operation.LIST_MULTIPART_UPLOADS, S3Operation.BROWSE);
        rule(Scope.BUCKET, Permission.WRITE, true, S3Operation.PUT_OBJECT, S3Operation.DELETE_OBJECT,
                S3Operation.COPY_OBJECT, S3Operation.DELETE_OBJECTS, S3Operation.POST_OBJECT,
                S3Operation.PUT_OBJECT_TAGGING, S3Operation.DELETE_OBJECT_TAGGING,
                S3Operation.CREATE_MULTIPART_UPLOAD, S3Operation.UPLOAD_PART, S3Operation.UPLOAD_PART_COPY,
                S3Operation.COMPLETE_MULTIPART_UPLOAD, S3Operation.ABORT_MULTIPART_UPLOAD);
        rule(Scope.BUCKET, Permission.WRITE, false, S3Operation.LIST_PARTS);
        rule(Scope.OBJECT, Permission.READ, false, S3Operation.GET_OBJECT, S3Operation.HEAD_OBJECT,
                S3Operation.GET_OBJECT_TAGGING);
        rule(Scope.BUCKET, Permission.READ_ACP, false, S3Operation.GET_BUCKET_ACL);
        rule(Scope.BUCKET, Permission.WRITE_ACP, true, S3Operation.PUT_BUCKET_ACL);
        rule(Scope.OBJECT, Permission.READ_ACP, false, S3Operation.GET_OBJECT_ACL);
        rule(Scope.OBJECT, Permission.WRITE_ACP, true, S3Operation.PUT_OBJECT_ACL);
    }

    private Access() {
    }

    /** The operation's rule; operations nobody classified are the bucket owner's, and count as writes. */
    public static Rule of(S3Operation op) {
        return Optional.ofNullable(RULES.get(op)).orElse(new Rule(Scope.BUCKET_OWNER, null, true));
    }

    static boolean classified(S3Operation op) {
        return RULES.containsKey(op);
    }

    private static void rule(Scope scope, Permission permission, boolean write, S3Operation... ops) {
        for (S3Operation op : ops) {
            RULES.put(op, new Rule(scope, permission, write));
        }
    }
}
