package io.fs3.server.browse;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.ListPage;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectSummary;
import io.fs3.webui.FolderView;
import io.fs3.webui.session.Session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One page of a folder, listed exactly as ListObjectsV2 lists (prefix + filter, delimiter '/', resumed by a
 * signed continuation token), so a directory of millions of files costs one page, never the whole directory.
 */
final class FolderViews {
    /** Upload forms stay valid this long at most (and never beyond the session). */
    static final Duration UPLOAD_POLICY_LIFETIME = Duration.ofHours(1);
    private final BrowserParts parts;

    FolderViews(BrowserParts parts) {
        this.parts = parts;
    }

    /** A query parameter's values as the folder view reads them. */
    record Query(String prefix, String filter, String token, int page, Integer pageSize) {
    }

    FolderView build(Optional<Session> session, BucketName bucket, Query q) {
        String accessKey = session.map(Session::accessKey).orElse(null);
        parts.permissions().require(accessKey, S3Operation.LIST_OBJECTS_V2, bucket, null);
        int size = q.pageSize() != null ? q.pageSize() : parts.settings().pageSize();
        String startAfter = q.token() == null ? null : parts.tokens().decode(q.token());
        ListPage page = parts.lister().list(bucket, new ListRequest(q.prefix() + q.filter(), "/", startAfter, size));
        String next = page.truncated() ? parts.tokens().encode(page.nextStartAfter()) : null;
        return new FolderView(bucket.value(), q.prefix(), q.filter(), page, contentTypes(accessKey, bucket, page),
                next, q.page(), q.pageSize(), actions(session, bucket, q.prefix()));
    }

    /** The stored content type of each object on the page (one cached metadata lookup each). */
    private Map<String, String> contentTypes(String accessKey, BucketName bucket, ListPage page) {
        Map<String, String> types = new HashMap<>();
        for (ObjectSummary o : page.objects()) {
            try {
                ObjectKey key = ObjectKey.of(o.key());
                if (!key.isFolder() && parts.permissions().allows(accessKey, S3Operation.HEAD_OBJECT, bucket, key)) {
                    String type = parts.objects().head(bucket, key).content().contentType();
                    if (type != null) {
                        types.put(o.key(), type);
                    }
                }
            } catch (S3Exception e) {
                if (e.error() != S3Error.NO_SUCH_KEY) {
                    throw e;
                } // removed since it was listed: shown without a type
            }
        }
        return types;
    }

    private FolderView.Actions actions(Optional<Session> session, BucketName bucket, String prefix) {
        if (session.isEmpty()) {
            return FolderView.Actions.NONE;
        }
        String accessKey = session.get().accessKey();
        ObjectKey folder = Permissions.folderKey(prefix);
        boolean canWrite = parts.permissions().allows(accessKey, S3Operation.PUT_OBJECT, bucket, folder);
        boolean canDelete = parts.permissions().allows(accessKey, S3Operation.DELETE_OBJECT, bucket, folder);
        Map<String, String> upload = Map.of();
        if (canWrite) {
            Instant now = parts.clock().instant();
            Instant until = now.plus(UPLOAD_POLICY_LIFETIME);
            upload = parts.uploads().fields(accessKey, bucket.value(), prefix, now,
                    until.isBefore(session.get().expires()) ? until : session.get().expires());
        }
        return new FolderView.Actions(canDelete, canWrite, upload);
    }
}
