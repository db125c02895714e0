package io.fs3.config;

import java.nio.file.Path;

/** The served tree and how fs3 writes into it. */
public record StorageSettings(Path root, boolean fsync, MetadataMode metadata, String reservedDir) {
}
