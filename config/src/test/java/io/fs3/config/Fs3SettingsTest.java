package io.fs3.config;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Fs3SettingsTest {
    @Test
    void defaultsApplyWhenFileIsEmpty() {
        Fs3Settings s = Fs3Settings.bind(Map.of());
        assertThat(s.server()).isEqualTo(new ServerSettings("0.0.0.0", 9000, 16 * 1024));
        assertThat(s.storage()).isEqualTo(new StorageSettings(Path.of("./data"), true, MetadataMode.AUTO, ".fs3"));
        assertThat(s.cache()).isEqualTo(new CacheSettings(100_000, 2_000_000));
        assertThat(s.auth()).isEqualTo(new AuthSettings(Optional.empty(), Optional.empty(), "us-east-1", Duration.ofMinutes(15)));
    }

    @Test
    void everyKeyMapsToItsTypedField() {
        Map<String, String> p = new HashMap<>();
        p.put("fs3.http.host", "127.0.0.2");
        p.put("fs3.http.port", "9100");
        p.put("fs3.http.max-request-header-size", "32KB");
        p.put("fs3.storage.root", "/srv/data");
        p.put("fs3.storage.fsync", "false");
        p.put("fs3.storage.metadata", "sidecar");
        p.put("fs3.storage.reserved-dir", ".s3meta");
        p.put("fs3.cache.metadata.max-entries", "7");
        p.put("fs3.cache.listing.max-entries", "8");
        p.put("fs3.auth.access-key", "AK");
        p.put("fs3.auth.secret-key", "SK");
        p.put("fs3.auth.region", "eu-west-1");
        p.put("fs3.auth.max-clock-skew", "5m");
        assertThat(p.keySet()).as("this test sets every documented key")
                .containsExactlyInAnyOrderElementsOf(Fs3Settings.documentedKeys().stream().map(ConfigKey::name).toList());
        Fs3Settings s = Fs3Settings.bind(p);
        assertThat(s.server()).isEqualTo(new ServerSettings("127.0.0.2", 9100, 32 * 1024));
        assertThat(s.storage()).isEqualTo(new StorageSettings(Path.of("/srv/data"), false, MetadataMode.SIDECAR, ".s3meta"));
        assertThat(s.cache()).isEqualTo(new CacheSettings(7, 8));
        assertThat(s.auth()).isEqualTo(new AuthSettings(Optional.of("AK"), Optional.of(Secret.of("SK")), "eu-west-1",
                Duration.ofMinutes(5)));
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
    void sizesAndDurationsParseWithUnits() {
        assertThat(ByteSize.parse("5MB")).isEqualTo(5L << 20);
        assertThat(ByteSize.parse("64KiB")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("1g")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse("512")).isEqualTo(512);
        assertThat(DurationParser.parse("7d")).isEqualTo(Duration.ofDays(7));
        assertThat(DurationParser.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThatThrownBy(() -> ByteSize.parse("lots")).isInstanceOf(IllegalArgumentException.class);
    }
}
