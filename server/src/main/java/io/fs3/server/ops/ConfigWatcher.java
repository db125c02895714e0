package io.fs3.server.ops;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.fs3.config.ConfigException;
import io.fs3.config.ConfigKey;
import io.fs3.config.Fs3Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Re-reads the properties file when its bytes change (polling, which also works on NFS and for files that
 * editors or config managers replace). A valid edit is applied through {@code apply} and every changed key is
 * logged, as applied or as "restart needed"; an invalid edit is reported with all its problems and the last
 * good configuration stays in force. Command-line overrides keep winning over the file.
 */
public final class ConfigWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final Pattern SECRET = Pattern.compile("secret|password|token|authorization");
    private static final long SETTLE_MILLIS = 150;

    /** What one edit did: keys applied live, keys that need a restart, or why the edit was rejected. */
    public record Report(List<String> applied, List<String> restartNeeded, Optional<String> rejected) {
    }

    private final Path file;
    private final Map<String, String> overrides;
    private final Predicate<String> live;
    private final Consumer<Fs3Settings> apply;
    private final ScheduledExecutorService executor;
    private byte[] lastBytes;
    private Map<String, String> lastValues;
    private volatile Optional<Report> lastReport = Optional.empty();

    public ConfigWatcher(ConfigSource source, Predicate<String> live, Consumer<Fs3Settings> apply) {
        this.file = source.file().orElseThrow(() -> new IllegalArgumentException("no configuration file to watch"));
        this.overrides = source.overrides();
        this.live = live;
        this.apply = apply;
        this.lastBytes = readQuietly();
        this.lastValues = effective(parse(lastBytes == null ? new byte[0] : lastBytes));
        this.executor = Executors.newSingleThreadScheduledExecutor(
                new ThreadFactoryBuilder().setNameFormat("fs3-config-watcher").setDaemon(true).build());
    }

    public void start(Duration interval) {
        long ms = Math.max(10, interval.toMillis());
        executor.scheduleWithFixedDelay(() -> {
            try {
                checkNow();
            } catch (RuntimeException e) {
                LOG.error("config reload: unexpected failure, keeping the last good configuration", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** What the most recent edit did (empty until the file changes). */
    public Optional<Report> lastReport() {
        return lastReport;
    }

    /** Checks the file once; empty if its content did not change since the last check. */
    public synchronized Optional<Report> checkNow() {
        byte[] bytes = readQuietly();
        if (bytes == null || Arrays.equals(bytes, lastBytes)) {
            return Optional.empty();
        }
        // An editor or script may still be writing the file (truncate, then write): apply it only once two
        // reads a moment apart agree, so a half-written file is never taken as the new configuration.
        try {
            Thread.sleep(SETTLE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (!Arrays.equals(bytes, readQuietly())) {
            return Optional.empty(); // still changing: the next poll looks again
        }
        lastBytes = bytes;
        lastReport = Optional.of(reload(bytes));
        return lastReport;
    }

    private Report reload(byte[] bytes) {
        Map<String, String> values = parse(bytes);
        Fs3Settings settings;
        try {
            settings = Fs3Settings.bind(values);
        } catch (ConfigException e) {
            LOG.error("config reload: {} rejected, keeping the last good configuration:\n  - {}", file,
                    String.join("\n  - ", e.problems()));
            return new Report(List.of(), List.of(), Optional.of(String.join("; ", e.problems())));
        }
        Report report = diff(effective(values));
        lastValues = effective(values);
        apply.accept(settings);
        if (report.applied().isEmpty() && report.restartNeeded().isEmpty()) {
            LOG.info("config reload: {} changed, no setting changed", file);
        }
        return report;
    }

    private Report diff(Map<String, String> next) {
        List<String> applied = new ArrayList<>();
        List<String> restart = new ArrayList<>();
        next.forEach((key, value) -> {
            String before = lastValues.get(key);
            if (value.equals(before)) {
                return;
            }
            String change = key + " changed " + shown(key, before) + " -> " + shown(key, value);
            if (live.test(key)) {
                applied.add(key);
                LOG.info("config reload: {} (applied)", change);
            } else {
                restart.add(key);
                LOG.warn("config reload: {}: restart needed", change);
            }
        });
        return new Report(applied, restart, Optional.empty());
    }

    private static String shown(String key, String value) {
        if (SECRET.matcher(key).find()) {
            return "(hidden)";
        }
        return value.isEmpty() ? "(unset)" : value.replaceAll("//[^/@]*@", "//");
    }

    /** Every documented key's effective value: the file's, or the command line's, or the default. */
    private Map<String, String> effective(Map<String, String> values) {
        Map<String, String> effective = new LinkedHashMap<>();
        for (ConfigKey k : Fs3Settings.documentedKeys()) {
            String v = values.get(k.name());
            effective.put(k.name(), v == null || v.isBlank() ? k.defaultValue() : v.trim());
        }
        return effective;
    }

    private Map<String, String> parse(byte[] bytes) {
        java.util.Properties p = new java.util.Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            // Properties.load only fails on malformed \\u escapes: report through binding as an unknown key
            return Map.of("(unreadable " + file + ": " + e.getMessage() + ")", "");
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        values.putAll(overrides);
        return values;
    }

    private byte[] readQuietly() {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            if (lastBytes != null) {
                LOG.warn("config reload: cannot read {} ({}); keeping the last good configuration", file, e.toString());
                lastBytes = null;
            }
            return null;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
