package io.fs3.server.ops;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Where the running configuration came from: the properties file (if any) and the command-line overrides. */
public record ConfigSource(Optional<Path> file, Map<String, String> overrides) {
    public ConfigSource {
        overrides = Map.copyOf(overrides);
    }

    /** Settings built in code (tests, embedding): nothing to watch. */
    public static ConfigSource none() {
        return new ConfigSource(Optional.empty(), Map.of());
    }
}
