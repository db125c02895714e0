package io.fs3.server.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Which configuration file applies: --config, else $FS3_CONFIG, else ./fs3.properties if it exists. */
public final class ConfigLocation {
    private ConfigLocation() {
    }

    public static Optional<Path> resolve(Optional<Path> explicit, Map<String, String> env) {
        if (explicit.isPresent()) {
            return explicit;
        }
        String fromEnv = env.get("FS3_CONFIG");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Optional.of(Path.of(fromEnv));
        }
        Path local = Path.of("fs3.properties");
        return Files.isRegularFile(local) ? Optional.of(local) : Optional.empty();
    }
}
