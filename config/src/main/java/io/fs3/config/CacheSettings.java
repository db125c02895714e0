package io.fs3.config;

/** The caches in front of the filesystem; every entry is revalidated with a stat before use. */
public record CacheSettings(long metadataMaxEntries, long listingMaxEntries) {
}
