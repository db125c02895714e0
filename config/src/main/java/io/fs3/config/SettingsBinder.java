package io.fs3.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The one place that names configuration keys, their defaults and their meaning. */
final class SettingsBinder {
    private static final java.util.regex.Pattern BUCKET = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,254}");
    private static final java.util.regex.Pattern USER = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
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
                r.byteSize("fs3.http.max-request-header-size", "16KB", "Largest accepted request header block."),
                r.choice("fs3.http.io-thread-reads", IoThreadMode.AUTO, IoThreadMode.class,
                        "Answer small GETs/HEADs on Jetty's I/O thread, without a hand-off to a worker: on, off, or "
                                + "auto (on unless a served directory is on a network or FUSE filesystem); off suits data "
                                + "mostly read cold from slow disks, where reads in parallel matter more."),
                r.choice("fs3.http.io-thread-writes", IoThreadMode.AUTO, IoThreadMode.class,
                        "Read and store small PUTs (up to 64 KiB) on Jetty's I/O thread, the body as it arrives: on, off, "
                                + "or auto (on when fs3.storage.fsync is off and small GETs run there too); off suits "
                                + "disks where a write or rename can wait on the device."));
        StorageSettings storage = new StorageSettings(
                r.path("fs3.storage.root", "./data", "Directory whose sub-directories are served as buckets."),
                r.bool("fs3.storage.fsync", true, "fsync data and directory before an upload is acknowledged."),
                r.choice("fs3.storage.metadata", MetadataMode.AUTO, MetadataMode.class,
                        "Where object metadata lives: auto (xattr if the bucket's filesystem supports it), xattr, sidecar."),
                r.string("fs3.storage.reserved-dir", ".fs3",
                        "Hidden per-bucket directory for temp files and sidecar metadata; never listed, never a key."));
        CacheSettings cache = new CacheSettings(
                r.countOrAuto("fs3.cache.metadata.max-entries",
                        CacheSettings.autoMetadataEntries(Runtime.getRuntime().maxMemory()), 0, Integer.MAX_VALUE,
                        "Objects whose metadata is cached (each is revalidated with one stat on use); auto = as many as "
                                + "fill 1/8 of the maximum heap at ~500 bytes each (-Xmx1g: ~268k), 10k to 2M."),
                r.integer("fs3.cache.listing.max-entries", 2_000_000, 0, Integer.MAX_VALUE,
                        "Directory entries kept in sorted directory snapshots for listing (revalidated by directory stat)."),
                r.duration("fs3.cache.metadata.max-age", "0s",
                        "Reload cached metadata older than this even if the file's stat is unchanged (0s = no limit; see NFS notes)."),
                r.duration("fs3.cache.listing.change-window", "1s",
                        "Directories modified this recently are not cached for listing (covers coarse or cached timestamps, e.g. NFS)."),
                r.sizeOrAuto("fs3.cache.content.max-size", CacheSettings.autoContentBytes(Runtime.getRuntime().maxMemory()),
                        "Heap for the bytes of objects up to 64 KiB, served from memory while their stat is unchanged; "
                                + "0 = off, auto = 1/16 of the maximum heap, at most 64MB."));
        AuthSettings auth = new AuthSettings(
                r.optionalString("fs3.auth.access-key",
                        "Access key of the single user; generated and kept in ROOT/.fs3/credentials.properties if unset."),
                r.optionalSecret("fs3.auth.secret-key", "Secret key of the single user (never logged)."),
                r.string("fs3.auth.region", "us-east-1", "Region that SigV4 signatures must name."),
                r.duration("fs3.auth.max-clock-skew", "15m", "Largest accepted difference between request and server time."));
        LimitSettings limits = readLimits(r);
        ObservabilitySettings observability = readObservability(r);
        return new Fs3Settings(server, storage, cache, auth, limits, observability, readMultipart(r), readCors(r),
                readUsers(r), readBuckets(r), readEndpoint(r), readWebUi(r));
    }

    private static WebUiSettings readWebUi(SettingsReader r) {
        boolean enabled = r.bool("fs3.webui.enabled", true,
                "Serve the bucket browser: ?browser=true on the S3 port, sign-in and assets under /_fs3/webui/.");
        Duration session = r.duration("fs3.webui.session-duration", "1h",
                "How long a browser sign-in lasts (a signed cookie; it also ends when the user's secret changes).");
        if (session.compareTo(Duration.ofMinutes(1)) < 0 || session.compareTo(Duration.ofDays(7)) > 0) {
            r.problem("fs3.webui.session-duration: must be between 1m and 7d");
        }
        return new WebUiSettings(enabled, session, r.integer("fs3.webui.page-size", 100, 1, 1000,
                "Entries per page of a folder in the bucket browser (listed like ListObjectsV2, never the whole directory)."));
    }

    private static UserSettings readUsers(SettingsReader r) {
        return new UserSettings(
                r.string("fs3.users.admin", "admin",
                        "User who owns buckets nobody created through S3 (unless fs3.buckets.owners says otherwise) and may do everything; the fs3.auth.* key is this user's."),
                r.string("fs3.users.file", "users.properties",
                        "Users and access keys (edit with the 'user'/'key' commands; owner-only permissions required); relative to the config file's directory, or ROOT/.fs3/ without a config file."),
                r.duration("fs3.users.reload-interval", "1s",
                        "How often the users file is checked for edits (it is also checked before each authentication)."));
    }

    private static BucketSettings readBuckets(SettingsReader r) {
        Map<String, String> paths = pairs(r, "fs3.buckets.paths", r.string("fs3.buckets.paths", "",
                "Buckets mapped to any directory, as name=/absolute/path pairs, comma-separated (they cannot be deleted through S3)."));
        Map<String, Path> dirs = new TreeMap<>();
        paths.forEach((name, dir) -> {
            if (!Path.of(dir).isAbsolute()) {
                r.problem("fs3.buckets.paths: " + name + " must map to an absolute path, not " + dir);
            }
            dirs.put(name, Path.of(dir).toAbsolutePath().normalize());
        });
        Set<String> readOnly = new TreeSet<>(list(r.string("fs3.buckets.read-only", "",
                "Buckets where every write is AccessDenied (comma-separated names); for read-only mounts and archives.")));
        Map<String, String> owners = pairs(r, "fs3.buckets.owners", r.string("fs3.buckets.owners", "",
                "Owners of buckets with no recorded owner, as bucket=user pairs, comma-separated (others belong to fs3.users.admin)."));
        for (String name : concat(dirs.keySet(), readOnly, owners.keySet())) {
            if (!BUCKET.matcher(name).matches()) {
                r.problem("fs3.buckets.*: '" + name + "' is not a bucket name");
            }
        }
        return new BucketSettings(dirs, readOnly, owners);
    }

    private static EndpointSettings readEndpoint(SettingsReader r) {
        boolean http = r.bool("fs3.http.enabled", true, "Serve plain HTTP on fs3.http.port (false: HTTPS only).");
        List<String> domains = list(r.string("fs3.http.virtual-host-domains", "",
                "Domains for virtual-host-style requests (bucket.DOMAIN/key), comma-separated; path style always works."));
        TlsSettings tls = new TlsSettings(
                r.port("fs3.tls.port", 9443, "HTTPS port, served when a certificate or keystore is set (0 picks a free one)."),
                r.optionalString("fs3.tls.certificate", "PEM file with the HTTPS certificate (chain).").map(Path::of),
                r.optionalString("fs3.tls.private-key", "PEM file with the certificate's private key (PKCS#8, or PKCS#1 RSA).")
                        .map(Path::of),
                r.optionalString("fs3.tls.keystore", "PKCS12 keystore for HTTPS, instead of PEM files.").map(Path::of),
                r.optionalSecret("fs3.tls.keystore-password", "Password of the PKCS12 keystore (never logged)."));
        return new EndpointSettings(http, domains.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT)).toList(), tls);
    }

    /** "a=x, b=y" into a sorted map; a malformed pair is a problem of {@code key}. */
    private static Map<String, String> pairs(SettingsReader r, String key, String csv) {
        Map<String, String> out = new TreeMap<>();
        for (String pair : list(csv)) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                r.problem(key + ": expected name=value pairs, got '" + pair + "'");
            } else {
                out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
            }
        }
        return out;
    }

    @SafeVarargs
    private static Set<String> concat(java.util.Collection<String>... parts) {
        Set<String> all = new TreeSet<>();
        for (java.util.Collection<String> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static CorsSettings readCors(SettingsReader r) {
        return new CorsSettings(
                list(r.string("fs3.cors.allowed-origins", "",
                        "Default CORS rule for buckets without their own configuration: allowed origins, comma-separated (* allowed; empty = no default rule).")),
                list(r.string("fs3.cors.allowed-methods", "GET,PUT,POST,DELETE,HEAD", "Methods the default CORS rule allows.")),
                list(r.string("fs3.cors.allowed-headers", "*", "Request headers the default CORS rule allows.")),
                list(r.string("fs3.cors.expose-headers", "ETag,x-amz-request-id",
                        "Response headers the default CORS rule exposes to scripts.")),
                r.integer("fs3.cors.max-age-seconds", 3600, 0, Integer.MAX_VALUE,
                        "How long browsers may cache a preflight answer of the default rule."));
    }

    private static java.util.List<String> list(String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    }

    private static MultipartSettings readMultipart(SettingsReader r) {
        return new MultipartSettings(
                r.string("fs3.multipart.staging-suffix", ".mpu",
                        "Suffix of an upload's staging directory: multipart/UPLOAD-ID plus this suffix, in the bucket's reserved directory."),
                r.byteSize("fs3.multipart.min-part-size", "5MB",
                        "Smallest part CompleteMultipartUpload accepts except the last (AWS: 5 MiB); smaller is EntityTooSmall."),
                r.duration("fs3.multipart.expiry", "7d", "Uploads initiated longer ago than this are aborted by the background sweep."),
                r.duration("fs3.multipart.sweep-interval", "1h",
                        "How often the sweep runs; it also runs at start and removes what interrupted completes left behind."),
                r.bool("fs3.multipart.kernel-copy", true,
                        "Assemble parts with FileChannel.transferTo (copy_file_range); false copies through a buffer (for NFS servers whose copy offload misbehaves)."),
                r.duration("fs3.multipart.keep-alive-interval", "5s",
                        "A complete still assembling after this long answers 200 and sends a space each interval until its result (as S3 does)."));
    }

    private static LimitSettings readLimits(SettingsReader r) {
        return new LimitSettings(
                r.integer("fs3.http.max-connections", 1000, 0, Integer.MAX_VALUE,
                        "Most concurrent client connections (0 = unlimited); further clients wait in the accept backlog."),
                r.duration("fs3.http.idle-timeout", "30s",
                        "A connection, or a request body, idle this long is closed (a stalled upload gets RequestTimeout)."),
                r.duration("fs3.http.header-timeout", "20s",
                        "A request's header block still arriving after this long closes the connection (clients trickling headers); 0s = no limit."),
                r.duration("fs3.http.shutdown-timeout", "30s",
                        "On SIGTERM, how long in-flight requests may take to finish before connections are closed."));
    }

    private static ObservabilitySettings readObservability(SettingsReader r) {
        LogLevel level = r.choice("fs3.log.level", LogLevel.INFO, LogLevel.class,
                "Level of fs3's own log lines: trace, debug, info, warn, error, off (applied live).");
        MetricsSettings metrics = new MetricsSettings(
                r.bool("fs3.metrics.enabled", true, "Serve Prometheus metrics at /_fs3/metrics (applied live)."),
                r.choice("fs3.metrics.access", MetricsAccess.LOOPBACK, MetricsAccess.class,
                        "Who may read /_fs3/metrics without credentials: loopback (local clients only) or any (applied live)."));
        AccessLogSettings accessLog = new AccessLogSettings(
                r.bool("fs3.access-log.enabled", false, "Write one key=value line per S3 request (applied live)."),
                r.optionalString("fs3.access-log.file", "Access log file; stdout if unset (applied live).").map(Path::of),
                r.byteSize("fs3.access-log.max-file-size", "100MB", "Size at which the access log file is rotated."),
                r.integer("fs3.access-log.max-files", 10, 1, 1000, "Rotated access log files kept (file.1 is the newest)."));
        return new ObservabilitySettings(level, metrics, accessLog, readAudit(r),
                r.duration("fs3.health.probe-interval", "1s",
                        "How often the storage root is checked (present, fs3's state directory inside, writable)."),
                r.duration("fs3.config.reload-interval", "2s",
                        "How often the configuration file is checked for edits (0s = never reload)."));
    }

    private static AuditSettings readAudit(SettingsReader r) {
        Optional<URI> url = r.optionalString("fs3.audit.url",
                "HTTP(S) endpoint that receives audit events as JSON arrays; unset = no audit events (applied live).")
                .flatMap(u -> httpUrl(u, r));
        return new AuditSettings(url,
                r.optionalSecret("fs3.audit.authorization",
                        "Authorization header value sent with audit events, e.g. 'Bearer abc' or 'Splunk abc' (never logged)."),
                r.integer("fs3.audit.queue-size", 10_000, 1, 10_000_000,
                        "Audit events waiting to be sent at most; further events are dropped and counted."),
                r.integer("fs3.audit.batch-size", 100, 1, 100_000, "Audit events per webhook request at most."),
                r.duration("fs3.audit.flush-interval", "1s", "Longest time an audit event waits for its batch to fill."),
                r.duration("fs3.audit.timeout", "5s", "Connect and response timeout of one webhook request."),
                r.integer("fs3.audit.max-retries", 3, 0, 100, "Retries of a failed webhook request before its events count as failed."),
                r.duration("fs3.audit.retry-backoff", "500ms", "Wait before the first retry; doubles with each retry."));
    }

    private static Optional<URI> httpUrl(String value, SettingsReader r) {
        try {
            URI uri = new URI(value);
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return Optional.of(uri);
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        r.problem("fs3.audit.url: invalid value: expected an http:// or https:// URL");
        return Optional.empty();
    }

    private static void validate(Fs3Settings s, SettingsReader r) {
        validateMultipart(s.multipart(), r);
        validateAccess(s, r);
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
        if (s.limits().idleTimeout().compareTo(Duration.ofMillis(100)) < 0) {
            r.problem("fs3.http.idle-timeout: must be at least 100ms");
        }
        Duration header = s.limits().headerTimeout();
        if (!header.isZero() && header.compareTo(Duration.ofMillis(100)) < 0) {
            r.problem("fs3.http.header-timeout: must be 0s (no limit) or at least 100ms");
        }
        if (s.observability().healthProbeInterval().compareTo(Duration.ofMillis(10)) < 0) {
            r.problem("fs3.health.probe-interval: must be at least 10ms");
        }
    }

    private static void validateAccess(Fs3Settings s, SettingsReader r) {
        if (!USER.matcher(s.users().admin()).matches()) {
            r.problem("fs3.users.admin: '" + s.users().admin() + "' is not a user name (letters, digits, . _ @ -)");
        }
        s.buckets().owners().forEach((bucket, user) -> {
            if (!USER.matcher(user).matches()) {
                r.problem("fs3.buckets.owners: '" + user + "' is not a user name");
            }
        });
        TlsSettings tls = s.endpoint().tls();
        if (tls.certificate().isPresent() != tls.privateKey().isPresent()) {
            r.problem("fs3.tls.certificate and fs3.tls.private-key must be set together");
        }
        if (tls.keystore().isPresent() && tls.certificate().isPresent()) {
            r.problem("fs3.tls.keystore and fs3.tls.certificate are alternatives: set one of them");
        }
        if (!s.endpoint().httpEnabled() && !tls.enabled()) {
            r.problem("fs3.http.enabled=false needs HTTPS (fs3.tls.certificate or fs3.tls.keystore)");
        }
        if (s.endpoint().httpEnabled() && tls.enabled() && tls.port() == s.server().port() && tls.port() != 0) {
            r.problem("fs3.tls.port: must differ from fs3.http.port");
        }
    }

    private static void validateMultipart(MultipartSettings m, SettingsReader r) {
        String suffix = m.stagingSuffix();
        if (!suffix.startsWith(".") || suffix.length() < 2 || suffix.contains("/") || suffix.equals(".completing")) {
            r.problem("fs3.multipart.staging-suffix: must start with '.', have a name after it and contain no '/'");
        }
        if (m.minPartSize() > 5L << 30) {
            r.problem("fs3.multipart.min-part-size: must be at most 5GB (AWS's largest part)");
        }
        if (m.sweepInterval().compareTo(Duration.ofMillis(10)) < 0 || m.keepAliveInterval().isZero()) {
            r.problem("fs3.multipart.sweep-interval must be at least 10ms and keep-alive-interval above 0");
        }
    }
}
