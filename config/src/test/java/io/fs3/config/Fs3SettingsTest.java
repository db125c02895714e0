package io.fs3.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Fs3SettingsTest {
    @Test
    void defaultsApplyWhenFileIsEmpty() {
        Fs3Settings s = Fs3Settings.bind(Map.of());
        assertThat(s.server()).isEqualTo(new ServerSettings("0.0.0.0", 9000, 16 * 1024, IoThreadMode.AUTO, IoThreadMode.AUTO));
        assertThat(s.storage()).isEqualTo(new StorageSettings(Path.of("./data"), true, MetadataMode.AUTO, ".fs3"));
        assertThat(s.cache()).isEqualTo(new CacheSettings(CacheSettings.autoMetadataEntries(Runtime.getRuntime().maxMemory()),
                2_000_000, Duration.ZERO, Duration.ofSeconds(1),
                CacheSettings.autoContentBytes(Runtime.getRuntime().maxMemory())));
        assertThat(s.auth()).isEqualTo(new AuthSettings(Optional.empty(), Optional.empty(), "us-east-1", Duration.ofMinutes(15)));
        assertThat(s.limits()).isEqualTo(new LimitSettings(1000, Duration.ofSeconds(30), Duration.ofSeconds(20), Duration.ofSeconds(30)));
        assertThat(s.observability()).isEqualTo(new ObservabilitySettings(LogLevel.INFO,
                new MetricsSettings(true, MetricsAccess.LOOPBACK),
                new AccessLogSettings(false, Optional.empty(), 100L << 20, 10),
                new AuditSettings(Optional.empty(), Optional.empty(), 10_000, 100, Duration.ofSeconds(1),
                        Duration.ofSeconds(5), 3, Duration.ofMillis(500)),
                Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThat(s.multipart()).isEqualTo(new MultipartSettings(".mpu", 5L << 20, Duration.ofDays(7),
                Duration.ofHours(1), true, Duration.ofSeconds(5)));
        assertThat(s.cors()).isEqualTo(new CorsSettings(List.of(), List.of("GET", "PUT", "POST", "DELETE", "HEAD"),
                List.of("*"), List.of("ETag", "x-amz-request-id"), 3600));
        assertThat(s.users()).isEqualTo(new UserSettings("admin", "users.properties", Duration.ofSeconds(1)));
        assertThat(s.buckets()).isEqualTo(new BucketSettings(Map.of(), java.util.Set.of(), Map.of()));
        assertThat(s.endpoint()).isEqualTo(new EndpointSettings(true, List.of(),
                new TlsSettings(9443, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
        assertThat(s.webUi()).isEqualTo(new WebUiSettings(true, Duration.ofHours(1), 100));
    }

    /** A value for every documented key, each different from its default. */
    private static final String EVERY_KEY = """
            fs3.http.host=127.0.0.2
            fs3.http.port=9100
            fs3.http.max-request-header-size=32KB
            fs3.http.io-thread-reads=off
            fs3.http.io-thread-writes=on
            fs3.storage.root=/srv/data
            fs3.storage.fsync=false
            fs3.storage.metadata=sidecar
            fs3.storage.reserved-dir=.s3meta
            fs3.cache.metadata.max-entries=7
            fs3.cache.listing.max-entries=8
            fs3.cache.metadata.max-age=1m
            fs3.cache.listing.change-window=100ms
            fs3.cache.content.max-size=3MB
            fs3.auth.access-key=AK
            fs3.auth.secret-key=SK
            fs3.auth.region=eu-west-1
            fs3.auth.max-clock-skew=5m
            fs3.http.max-connections=50
            fs3.http.idle-timeout=45s
            fs3.http.header-timeout=7s
            fs3.http.shutdown-timeout=1m
            fs3.log.level=debug
            fs3.metrics.enabled=false
            fs3.metrics.access=any
            fs3.access-log.enabled=true
            fs3.access-log.file=/var/log/fs3/access.log
            fs3.access-log.max-file-size=1MB
            fs3.access-log.max-files=3
            fs3.audit.url=https://audit.example:8088/events
            fs3.audit.authorization=Splunk token-value
            fs3.audit.queue-size=500
            fs3.audit.batch-size=20
            fs3.audit.flush-interval=250ms
            fs3.audit.timeout=2s
            fs3.audit.max-retries=5
            fs3.audit.retry-backoff=1s
            fs3.health.probe-interval=3s
            fs3.config.reload-interval=0s
            fs3.multipart.staging-suffix=.upload
            fs3.multipart.min-part-size=1MB
            fs3.multipart.expiry=2d
            fs3.multipart.sweep-interval=10m
            fs3.multipart.kernel-copy=false
            fs3.multipart.keep-alive-interval=250ms
            fs3.cors.allowed-origins=https://a.example, https://b.example
            fs3.cors.allowed-methods=GET
            fs3.cors.allowed-headers=x-amz-date
            fs3.cors.expose-headers=ETag
            fs3.cors.max-age-seconds=60
            fs3.users.admin=root-user
            fs3.users.file=/etc/fs3/users.properties
            fs3.users.reload-interval=5s
            fs3.buckets.paths=photos=/mnt/photos, deep=/srv/a/b/c
            fs3.buckets.read-only=photos,archive
            fs3.buckets.owners=archive=alice
            fs3.http.enabled=false
            fs3.http.virtual-host-domains=s3.example.com, S3.Other.Example
            fs3.tls.port=8443
            fs3.tls.certificate=/etc/fs3/cert.pem
            fs3.tls.private-key=/etc/fs3/key.pem
            fs3.tls.keystore=
            fs3.tls.keystore-password=ks-secret
            fs3.webui.enabled=false
            fs3.webui.session-duration=15m
            fs3.webui.page-size=25
            """;

    @Test
    void everyKeyMapsToItsTypedField() {
        Map<String, String> p = properties(EVERY_KEY);
        assertThat(p.keySet()).as("this test sets every documented key")
                .containsExactlyInAnyOrderElementsOf(Fs3Settings.documentedKeys().stream().map(ConfigKey::name).toList());
        Fs3Settings s = Fs3Settings.bind(p);
        assertThat(s.server()).isEqualTo(new ServerSettings("127.0.0.2", 9100, 32 * 1024, IoThreadMode.OFF, IoThreadMode.ON));
        assertThat(s.storage()).isEqualTo(new StorageSettings(Path.of("/srv/data"), false, MetadataMode.SIDECAR, ".s3meta"));
        assertThat(s.cache()).isEqualTo(new CacheSettings(7, 8, Duration.ofMinutes(1), Duration.ofMillis(100), 3L << 20));
        assertThat(s.auth()).isEqualTo(new AuthSettings(Optional.of("AK"), Optional.of(Secret.of("SK")), "eu-west-1",
                Duration.ofMinutes(5)));
        assertThat(s.limits()).isEqualTo(new LimitSettings(50, Duration.ofSeconds(45), Duration.ofSeconds(7), Duration.ofMinutes(1)));
        assertThat(s.observability()).isEqualTo(new ObservabilitySettings(LogLevel.DEBUG,
                new MetricsSettings(false, MetricsAccess.ANY),
                new AccessLogSettings(true, Optional.of(Path.of("/var/log/fs3/access.log")), 1L << 20, 3),
                new AuditSettings(Optional.of(java.net.URI.create("https://audit.example:8088/events")),
                        Optional.of(Secret.of("Splunk token-value")), 500, 20, Duration.ofMillis(250),
                        Duration.ofSeconds(2), 5, Duration.ofSeconds(1)),
                Duration.ofSeconds(3), Duration.ZERO));
        assertThat(s.multipart()).isEqualTo(new MultipartSettings(".upload", 1L << 20, Duration.ofDays(2),
                Duration.ofMinutes(10), false, Duration.ofMillis(250)));
        assertThat(s.cors()).isEqualTo(new CorsSettings(List.of("https://a.example", "https://b.example"), List.of("GET"),
                List.of("x-amz-date"), List.of("ETag"), 60));
        assertThat(s.users()).isEqualTo(new UserSettings("root-user", "/etc/fs3/users.properties", Duration.ofSeconds(5)));
        assertThat(s.buckets()).isEqualTo(new BucketSettings(
                Map.of("photos", Path.of("/mnt/photos"), "deep", Path.of("/srv/a/b/c")),
                java.util.Set.of("photos", "archive"), Map.of("archive", "alice")));
        assertThat(s.endpoint()).isEqualTo(new EndpointSettings(false, List.of("s3.example.com", "s3.other.example"),
                new TlsSettings(8443, Optional.of(Path.of("/etc/fs3/cert.pem")), Optional.of(Path.of("/etc/fs3/key.pem")),
                        Optional.empty(), Optional.of(Secret.of("ks-secret")))));
        assertThat(s.webUi()).isEqualTo(new WebUiSettings(false, Duration.ofMinutes(15), 25));
    }

    @Test
    void metadataCacheSizeIsAutoOrACount() {
        assertThat(Fs3Settings.bind(Map.of("fs3.cache.metadata.max-entries", "AUTO")).cache().metadataMaxEntries())
                .isEqualTo(CacheSettings.autoMetadataEntries(Runtime.getRuntime().maxMemory()));
        assertThat(Fs3Settings.bind(Map.of("fs3.cache.metadata.max-entries", "5000")).cache().metadataMaxEntries())
                .isEqualTo(5000);
        assertThat(Fs3Settings.bind(Map.of("fs3.cache.metadata.max-entries", "0")).cache().metadataMaxEntries()).isZero();
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.cache.metadata.max-entries", "lots")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(m -> assertThat(m).startsWith("fs3.cache.metadata.max-entries: invalid value 'lots'")));
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.cache.metadata.max-entries", "-1")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(m -> assertThat(m).contains("must be auto or between 0 and")));
    }

    @Test
    void autoMetadataCacheTakesAnEighthOfTheHeapWithinBounds() {
        assertThat(CacheSettings.autoMetadataEntries(128L << 20)).isEqualTo(33_554);
        assertThat(CacheSettings.autoMetadataEntries(1L << 30)).isEqualTo(268_435);
        assertThat(CacheSettings.autoMetadataEntries(6L << 30)).isEqualTo(1_610_612);
        assertThat(CacheSettings.autoMetadataEntries(16L << 20)).isEqualTo(10_000);
        assertThat(CacheSettings.autoMetadataEntries(64L << 30)).isEqualTo(2_000_000);
    }

    @Test
    void webUiSessionDurationIsBounded() {
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.webui.session-duration", "10s")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("fs3.webui.session-duration: must be between 1m and 7d"));
    }

    @Test
    void contentCacheSizeIsAutoOffOrASize() {
        assertThat(Fs3Settings.bind(Map.of("fs3.cache.content.max-size", "AUTO")).cache().contentMaxBytes())
                .isEqualTo(CacheSettings.autoContentBytes(Runtime.getRuntime().maxMemory()));
        assertThat(Fs3Settings.bind(Map.of("fs3.cache.content.max-size", "0")).cache().contentMaxBytes()).isZero();
        assertThat(CacheSettings.autoContentBytes(128L << 20)).isEqualTo(8L << 20);
        assertThat(CacheSettings.autoContentBytes(8L << 30)).isEqualTo(64L << 20);
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.cache.content.max-size", "lots")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().startsWith("fs3.cache.content.max-size"));
    }

    @Test
    void headerTimeoutIsOffOrAtLeastATenthOfASecond() {
        assertThat(Fs3Settings.bind(Map.of("fs3.http.header-timeout", "0s")).limits().headerTimeout()).isZero();
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.http.header-timeout", "50ms")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("fs3.http.header-timeout: must be 0s (no limit) or at least 100ms"));
    }

    @Test
    void allProblemsAreReportedTogetherWithDidYouMean() {
        Map<String, String> p = Map.of("fs3.http.prot", "9000", "fs3.http.port", "99999", "fs3.storage.fsync", "maybe",
                "fs3.storage.metadata", "nfs", "fs3.auth.access-key", "only-half");
        assertThatThrownBy(() -> Fs3Settings.bind(p)).isInstanceOfSatisfying(ConfigException.class, e -> {
            List<String> problems = e.problems();
            assertThat(problems).hasSize(5);
            assertThat(problems).anyMatch(m -> m.contains("unknown key 'fs3.http.prot'") && m.contains("did you mean 'fs3.http.port'"));
            assertThat(problems).anyMatch(m -> m.startsWith("fs3.http.port") && m.contains("between 0 and 65535"));
            assertThat(problems).anyMatch(m -> m.startsWith("fs3.storage.fsync"));
            assertThat(problems).anyMatch(m -> m.startsWith("fs3.storage.metadata") && m.contains("auto|xattr|sidecar"));
            assertThat(problems).anyMatch(m -> m.contains("must be set together"));
        });
    }

    @Test
    void auditUrlMustBeHttp() {
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.audit.url", "ftp://x/y")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("fs3.audit.url: invalid value: expected an http:// or https:// URL"));
    }

    @Test
    void auditAuthorizationNeverPrints() {
        Fs3Settings s = Fs3Settings.bind(Map.of("fs3.audit.url", "http://127.0.0.1:1/x",
                "fs3.audit.authorization", "Bearer very-secret-token"));
        assertThat(s.toString()).doesNotContain("very-secret-token");
    }

    @Test
    void secretsNeverPrint() {
        Fs3Settings s = Fs3Settings.bind(Map.of("fs3.auth.access-key", "AK", "fs3.auth.secret-key", "super-secret-value"));
        assertThat(s.toString()).doesNotContain("super-secret-value").contains("******");
    }

    @Test
    void loaderRejectsARootThatIsAFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path file = Files.writeString(tmp.resolve("not-a-dir"), "x");
        assertThatThrownBy(() -> ConfigLoader.load(Optional.empty(), Map.of("fs3.storage.root", file.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not a directory");
    }

    @Test
    void loaderCreatesTheDefaultRootAndCommandLineOverridesTheFile(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        Path cfg = Files.writeString(tmp.resolve("fs3.properties"), "fs3.http.port=1234\nfs3.storage.root=" + tmp.resolve("a") + "\n");
        Fs3Settings s = ConfigLoader.load(Optional.of(cfg), Map.of("fs3.http.port", "4321"));
        assertThat(s.server().port()).isEqualTo(4321);
        assertThat(Files.isDirectory(tmp.resolve("a"))).isTrue();
    }

    @Test
    void readmeDocumentsEveryKeyWithItsDefault() throws IOException {
        String readme = Files.readString(Path.of("../README.md"));
        for (ConfigKey key : Fs3Settings.documentedKeys()) {
            assertThat(readme).as("README documents %s", key.name())
                    .contains("| `" + key.name() + "` | `" + key.defaultValue() + "` |");
        }
    }

    @Test
    void accessAndTlsProblemsAreReported() {
        Map<String, String> p = Map.of("fs3.buckets.paths", "rel=relative/dir, broken", "fs3.buckets.owners", "x=bad user",
                "fs3.tls.certificate", "/c.pem", "fs3.tls.keystore", "/k.p12", "fs3.users.admin", "no/slash");
        assertThatThrownBy(() -> Fs3Settings.bind(p)).isInstanceOfSatisfying(ConfigException.class, e -> {
            assertThat(e.problems()).anyMatch(m -> m.contains("rel must map to an absolute path"));
            assertThat(e.problems()).anyMatch(m -> m.contains("expected name=value pairs, got 'broken'"));
            assertThat(e.problems()).anyMatch(m -> m.contains("'bad user' is not a user name"));
            assertThat(e.problems()).anyMatch(m -> m.contains("fs3.tls.certificate and fs3.tls.private-key"));
            assertThat(e.problems()).anyMatch(m -> m.contains("are alternatives"));
            assertThat(e.problems()).anyMatch(m -> m.startsWith("fs3.users.admin"));
        });
        assertThatThrownBy(() -> Fs3Settings.bind(Map.of("fs3.http.enabled", "false")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("fs3.http.enabled=false needs HTTPS (fs3.tls.certificate or fs3.tls.keystore)"));
    }

    @Test
    void keystorePasswordNeverPrints() {
        Fs3Settings s = Fs3Settings.bind(Map.of("fs3.tls.keystore", "/k.p12", "fs3.tls.keystore-password", "ks-very-secret"));
        assertThat(s.toString()).doesNotContain("ks-very-secret");
    }

    @Test
    void sizesAndDurationsParseWithUnits() {
        assertThat(ByteSize.parse("5MB")).isEqualTo(5L << 20);
        assertThat(ByteSize.parse("64KiB")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("512")).isEqualTo(512);
        assertThat(DurationParser.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationParser.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, String> properties(String text) {
        Properties props = new Properties();
        try {
            props.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        props.stringPropertyNames().forEach(name -> map.put(name, props.getProperty(name)));
        return map;
    }
}
