package io.fs3.config;

import java.time.Duration;
import java.util.Optional;

/** The one place that names configuration keys, their defaults and their meaning. */
final class SettingsBinder {
    private SettingsBinder() {
    }

    static Fs3Settings bind(SettingsReader r) {
        Fs3Settings settings = read(r);
        validate(settings, r);
        r.finish();
        return settings;
    }

    static Fs3Settings read(SettingsReader r) {
        ServerSettings server = new ServerSettings(
                r.string("fs3.http.host", "0.0.0.0", "Address to listen on."),
                r.port("fs3.http.port", 9000, "HTTP port (0 picks a free one)."),
                r.byteSize("fs3.http.max-request-header-size", "16KB", "Largest accepted request header block."));
        StorageSettings storage = new StorageSettings(
                r.path("fs3.storage.root", "./data", "Directory whose sub-directories are served as buckets."),
                r.bool("fs3.storage.fsync", true, "fsync data and directory before an upload is acknowledged."),
                r.choice("fs3.storage.metadata", MetadataMode.AUTO, MetadataMode.class,
                        "Where object metadata lives: auto (xattr if the bucket's filesystem supports it), xattr, sidecar."),
                r.string("fs3.storage.reserved-dir", ".fs3",
                        "Hidden per-bucket directory for temp files and sidecar metadata; never listed, never a key."));
        CacheSettings cache = new CacheSettings(
                r.integer("fs3.cache.metadata.max-entries", 100_000, 0, Integer.MAX_VALUE,
                        "Objects whose metadata is cached (each is revalidated with one stat on use)."),
                r.integer("fs3.cache.listing.max-entries", 2_000_000, 0, Integer.MAX_VALUE,
                        "Directory entries kept in sorted directory snapshots for listing (revalidated by directory stat)."));
        AuthSettings auth = new AuthSettings(
                r.optionalString("fs3.auth.access-key",
                        "Access key of the single user; generated and kept in ROOT/.fs3/credentials.properties if unset."),
                r.optionalSecret("fs3.auth.secret-key", "Secret key of the single user (never logged)."),
                r.string("fs3.auth.region", "us-east-1", "Region that SigV4 signatures must name."),
                r.duration("fs3.auth.max-clock-skew", "15m", "Largest accepted difference between request and server time."));
        return new Fs3Settings(server, storage, cache, auth);
    }

    private static void validate(Fs3Settings s, SettingsReader r) {
        String reserved = s.storage().reservedDir();
        if (!reserved.startsWith(".") || reserved.contains("/") || reserved.length() < 2 || reserved.equals("..")) {
            r.problem("fs3.storage.reserved-dir: must be a hidden name such as .fs3 (starts with '.', no '/')");
        }
        Optional<String> ak = s.auth().accessKey();
        if (ak.isPresent() != s.auth().secretKey().isPresent()) {
            r.problem("fs3.auth.access-key and fs3.auth.secret-key must be set together");
        }
        if (s.auth().maxClockSkew().compareTo(Duration.ofSeconds(1)) < 0) {
            r.problem("fs3.auth.max-clock-skew: must be at least 1s");
        }
    }
}
