package io.fs3.config;

/** One documented configuration key: its name, default (as written in the file) and meaning. */
public record ConfigKey(String name, String defaultValue, String description) {
}
