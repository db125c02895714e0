package io.fs3.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Loads the properties file (if any), applies command-line overrides, binds, and checks that the root
 * is a writable directory (creating the default one). All problems are reported together.
 */
public final class ConfigLoader {
    private ConfigLoader() {
    }

    public static Fs3Settings load(Optional<Path> file, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        if (file.isPresent()) {
            values.putAll(readFile(file.get()));
        }
        values.putAll(overrides);
        Fs3Settings settings = Fs3Settings.bind(values);
        checkRoot(settings.storage().root());
        return settings;
    }

    static Map<String, String> readFile(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new ConfigException(List.of("cannot read config file " + file + ": " + e.getMessage()));
        }
        Map<String, String> m = new HashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    private static void checkRoot(Path root) {
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new ConfigException(List.of("fs3.storage.root: " + root + " is not a directory"));
        }
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new ConfigException(List.of("fs3.storage.root: cannot create " + root + ": " + e));
        }
        if (!Files.isDirectory(root)) {
            throw new ConfigException(List.of("fs3.storage.root: " + root + " is not a directory"));
        }
        if (!Files.isWritable(root)) {
            throw new ConfigException(List.of("fs3.storage.root: " + root + " is not writable"));
        }
    }
}
