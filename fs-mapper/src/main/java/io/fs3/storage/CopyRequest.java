package io.fs3.storage;

import java.util.Map;

/** CopyObject: the already-open source (so its metadata and bytes are one version) and the copy's metadata. */
public record CopyRequest(OpenObject source, ContentHeaders content, Map<String, String> userMetadata,
                          Map<String, String> tags) {
    public CopyRequest {
        userMetadata = Map.copyOf(userMetadata);
        tags = Map.copyOf(tags);
    }
}
