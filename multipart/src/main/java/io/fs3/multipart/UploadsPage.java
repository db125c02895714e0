package io.fs3.multipart;

import java.util.List;

/** One ListMultipartUploads page; the next markers are set only when truncated. */
public record UploadsPage(List<UploadInfo> uploads, List<String> commonPrefixes, boolean truncated,
                          String nextKeyMarker, String nextUploadIdMarker) {
    public UploadsPage {
        uploads = List.copyOf(uploads);
        commonPrefixes = List.copyOf(commonPrefixes);
    }
}
