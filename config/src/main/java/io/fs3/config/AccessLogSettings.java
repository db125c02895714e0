package io.fs3.config;

import java.nio.file.Path;
import java.util.Optional;

/** One line per request, to {@code file} (rotated by size, keeping {@code maxFiles} old files) or to stdout. */
public record AccessLogSettings(boolean enabled, Optional<Path> file, long maxFileSize, int maxFiles) {
}
