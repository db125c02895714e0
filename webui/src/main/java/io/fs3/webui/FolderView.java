package io.fs3.webui;

import io.fs3.storage.ListPage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One page of a folder, as the server listed it: {@code page} was listed with prefix {@code prefix + filter}
 * and delimiter '/'. {@code contentTypes} maps keys on the page to their content type (missing = unknown);
 * {@code nextToken} resumes after this page (null on the last page); {@code pageSize} is echoed in links when
 * the visitor chose it.
 */
public record FolderView(String bucket, String prefix, String filter, ListPage page, Map<String, String> contentTypes,
                         String nextToken, int pageNumber, Integer pageSize, Actions actions) {
    /**
     * What the viewer may do here. {@code uploadFields} are the signed POST-policy form fields for uploads
     * into this folder (empty: no upload).
     */
    public record Actions(boolean canDelete, boolean canCreateFolder, Map<String, String> uploadFields) {
        public static final Actions NONE = new Actions(false, false, Map.of());

        public Actions {
            uploadFields = Collections.unmodifiableMap(new LinkedHashMap<>(uploadFields)); // form order
        }
    }

    public FolderView {
        Objects.requireNonNull(bucket, "bucket");
        prefix = prefix == null ? "" : prefix;
        filter = filter == null ? "" : filter;
        contentTypes = Map.copyOf(contentTypes);
        pageNumber = Math.max(1, pageNumber);
    }
}
