package io.fs3.config;

/** Whether {@code /_fs3/metrics} answers, and to whom. */
public record MetricsSettings(boolean enabled, MetricsAccess access) {
}
