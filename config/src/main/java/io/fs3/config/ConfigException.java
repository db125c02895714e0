package io.fs3.config;

import java.util.List;

/** Thrown once with every problem found in the configuration, so an operator fixes them in one pass. */
public final class ConfigException extends RuntimeException {
    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("Invalid fs3 configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
