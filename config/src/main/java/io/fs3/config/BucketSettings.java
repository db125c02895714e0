package io.fs3.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Buckets the configuration defines: {@code paths} exposes any directory under a bucket name,
 * {@code readOnly} refuses every write to the named buckets, and {@code owners} names the owner of buckets
 * that have no recorded owner (everything else belongs to the admin user).
 */
public record BucketSettings(Map<String, Path> paths, Set<String> readOnly, Map<String, String> owners) {
    public BucketSettings {
        paths = java.util.Collections.unmodifiableMap(new TreeMap<>(paths));
        readOnly = java.util.Collections.unmodifiableSet(new TreeSet<>(readOnly));
        owners = java.util.Collections.unmodifiableMap(new TreeMap<>(owners));
    }
}
