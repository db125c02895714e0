package io.fs3.server.browse;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.PutRequest;

import java.io.InputStream;
import java.util.Map;

/** The browser's state-changing actions, each checked with the Authorizer like the S3 operation it is. */
final class WebUiActions {
    private final BrowserParts parts;

    WebUiActions(BrowserParts parts) {
        this.parts = parts;
    }

    /** A folder is a zero-byte object whose key ends in '/' (as the S3 console makes them). */
    ObjectKey createFolder(String accessKey, BucketName bucket, String prefix, String name) {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "A folder name must not be empty or contain '/'.");
        }
        ObjectKey key = ObjectKey.of(prefix + name + "/");
        parts.permissions().require(accessKey, S3Operation.PUT_OBJECT, bucket, key);
        parts.objects().put(bucket, key, new PutRequest(InputStream.nullInputStream(), 0,
                ContentHeaders.NONE.withContentType("application/x-directory"), Map.of(), null, null, false));
        return key;
    }

    /** Deletes an object, or a folder that holds nothing but its own marker. */
    void delete(String accessKey, BucketName bucket, ObjectKey key) {
        parts.permissions().require(accessKey, S3Operation.DELETE_OBJECT, bucket, key);
        if (key.isFolder()) {
            ListPage inside = parts.lister().list(bucket, new ListRequest(key.value(), "/", null, 2));
            boolean empty = inside.commonPrefixes().isEmpty()
                    && inside.objects().stream().allMatch(o -> o.key().equals(key.value()));
            if (!empty) {
                throw S3Exception.of(S3Error.INVALID_REQUEST, "Only empty folders can be deleted; this one holds objects.");
            }
        }
        parts.objects().delete(bucket, key);
    }

    /** The folder that holds {@code key}: "a/b/" for "a/b/c" and for "a/b/c/". */
    static String parent(String key) {
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        return body.substring(0, body.lastIndexOf('/') + 1);
    }
}
