package io.fs3.webui;

import io.fs3.storage.ObjectMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One object's detail page: its metadata, what the viewer may do, and a share link if one was asked for. */
public record ObjectView(String bucket, ObjectMetadata metadata, boolean canDownload, boolean canDelete,
                         List<Duration> shareChoices, ShareLink share) {
    /** A presigned GET URL, the validity chosen, and when it stops working. */
    public record ShareLink(String url, Duration validFor, Instant expires) {
    }

    public ObjectView {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(metadata, "metadata");
        shareChoices = List.copyOf(shareChoices);
    }

    /** Sharing needs a presigning user: an empty list of choices hides the share form. */
    public boolean canShare() {
        return !shareChoices.isEmpty();
    }
}
