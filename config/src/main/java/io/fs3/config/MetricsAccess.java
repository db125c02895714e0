package io.fs3.config;

/** Who may scrape metrics: clients on a loopback address only, or any client. */
public enum MetricsAccess {
    LOOPBACK, ANY
}
