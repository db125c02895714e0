package io.fs3.multipart;

import java.util.List;

/** One ListParts page; {@code nextMarker} is the last part number listed (0 when none). */
public record PartsPage(UploadInfo upload, List<PartInfo> parts, int nextMarker, boolean truncated) {
    public PartsPage {
        parts = List.copyOf(parts);
    }
}
