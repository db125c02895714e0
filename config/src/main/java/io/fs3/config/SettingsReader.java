package io.fs3.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Reads typed values out of flat string properties. Every read registers the key with its default
 * and description (so docs and unknown-key detection come from the same calls), and every bad value
 * is collected instead of thrown, so {@link #finish()} reports all problems at once (Airlift-style).
 */
public final class SettingsReader {
    private final Map<String, String> values;
    private final Map<String, ConfigKey> known = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();

    public SettingsReader(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public String string(String key, String def, String description) {
        return read(key, def, description, s -> s);
    }

    public Optional<String> optionalString(String key, String description) {
        register(key, "", description);
        String v = values.get(key);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }

    public Optional<Secret> optionalSecret(String key, String description) {
        return optionalString(key, description).map(Secret::of);
    }

    public int integer(String key, int def, int min, int max, String description) {
        return read(key, Integer.toString(def), description, s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be between " + min + " and " + max);
            }
            return v;
        });
    }

    /** A count that defaults to {@code auto}, which stands for {@code autoValue} (computed by the caller). */
    public long countOrAuto(String key, long autoValue, long min, long max, String description) {
        return read(key, "auto", description, s -> {
            if (s.equalsIgnoreCase("auto")) {
                return autoValue;
            }
            long v = Long.parseLong(s);
            if (v < min || v > max) {
                throw new IllegalArgumentException("must be auto or between " + min + " and " + max);
            }
            return v;
        });
    }

    public int port(String key, int def, String description) {
        return integer(key, def, 0, 65535, description);
    }

    public boolean bool(String key, boolean def, String description) {
        return read(key, Boolean.toString(def), description, s -> switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false");
        });
    }

    /** A size such as 32MB, or auto for {@code autoValue}. */
    public long sizeOrAuto(String key, long autoValue, String description) {
        return read(key, "auto", description, s -> s.equalsIgnoreCase("auto") ? autoValue : ByteSize.parse(s));
    }

    public long byteSize(String key, String def, String description) {
        return read(key, def, description, ByteSize::parse);
    }

    public Duration duration(String key, String def, String description) {
        return read(key, def, description, DurationParser::parse);
    }

    public Path path(String key, String def, String description) {
        return read(key, def, description, s -> Path.of(s));
    }

    public <E extends Enum<E>> E choice(String key, E def, Class<E> type, String description) {
        return read(key, def.name().toLowerCase(Locale.ROOT), description, s -> {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.replace('-', '_'))) {
                    return e;
                }
            }
            throw new IllegalArgumentException("must be one of " + choices(type));
        });
    }

    /** Records a problem that is not about one key's syntax (e.g. the root does not exist). */
    public void problem(String message) {
        problems.add(message);
    }

    public List<ConfigKey> knownKeys() {
        return List.copyOf(known.values());
    }

    /** Fails with every collected problem, including keys nobody read (with a did-you-mean). */
    public void finish() {
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.containsKey(key)) {
                problems.add("unknown key '" + key + "'" + DidYouMean.suggest(key, known.keySet())
                        .map(s -> " (did you mean '" + s + "'?)").orElse(""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
    }

    private <T> T read(String key, String def, String description, Function<String, T> parse) {
        register(key, def, description);
        String raw = values.get(key);
        if (raw != null && !raw.isBlank()) {
            try {
                return parse.apply(raw.trim());
            } catch (RuntimeException e) {
                problems.add(key + ": invalid value '" + raw.trim() + "': " + e.getMessage());
            }
        }
        return parse.apply(def);
    }

    private void register(String key, String def, String description) {
        known.putIfAbsent(key, new ConfigKey(key, def, description));
    }

    private static <E extends Enum<E>> String choices(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join("|", names);
    }
}
