package io.fs3.config;

import java.time.Duration;

/**
 * What fs3 tells operators and how it watches itself: log level, metrics, access log, audit webhook, the
 * storage-root health probe and the configuration reload interval (0 disables reloading).
 */
public record ObservabilitySettings(LogLevel logLevel, MetricsSettings metrics, AccessLogSettings accessLog,
                                    AuditSettings audit, Duration healthProbeInterval, Duration reloadInterval) {
}
