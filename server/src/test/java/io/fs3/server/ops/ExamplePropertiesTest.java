package io.fs3.server.ops;

import io.fs3.config.ConfigKey;
import io.fs3.config.Fs3Settings;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** packaging/fs3.properties.example lists every key with its default, and nothing else (see ExampleProperties). */
class ExamplePropertiesTest {
    private static final Path EXAMPLE = Path.of("../packaging/fs3.properties.example");

    @Test
    void exampleFileListsEveryKeyWithItsDefaultAndMeaning() throws Exception {
        String example = Files.readString(EXAMPLE);
        for (ConfigKey k : Fs3Settings.documentedKeys()) {
            assertThat(example).as("%s is listed with its default; regenerate with ExampleProperties", k.name())
                    .contains("\n#" + k.name() + "=" + k.defaultValue() + "\n");
            assertThat(example).as("%s is explained", k.name())
                    .contains("# " + ExampleProperties.wrap(k.description(), 98).get(0) + "\n");
        }
    }

    @Test
    void exampleFileHasNoStaleKeysAndUncommentedIsAValidConfiguration() throws Exception {
        Set<String> documented = Fs3Settings.documentedKeys().stream().map(ConfigKey::name).collect(Collectors.toSet());
        Map<String, String> uncommented = new HashMap<>();
        for (String line : Files.readAllLines(EXAMPLE)) {
            if (line.startsWith("#fs3.")) {
                int eq = line.indexOf('=');
                uncommented.put(line.substring(1, eq), line.substring(eq + 1));
            }
        }
        assertThat(uncommented.keySet()).isEqualTo(documented);
        assertThatCode(() -> Fs3Settings.bind(uncommented)).doesNotThrowAnyException();
    }
}
