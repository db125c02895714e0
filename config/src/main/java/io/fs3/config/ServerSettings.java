package io.fs3.config;

/** Where and how the HTTP endpoint listens. */
public record ServerSettings(String host, int port, long maxRequestHeaderSize) {
}
