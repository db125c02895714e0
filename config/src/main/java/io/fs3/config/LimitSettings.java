package io.fs3.config;

import java.time.Duration;

/**
 * Protective limits of the HTTP endpoint: concurrent connections (0 = unlimited), the idle timeout (a connection
 * or a request body that stalls longer fails), the header timeout (a request head still arriving after this
 * long closes its connection; zero = none), and how long a shutdown waits for in-flight requests.
 */
public record LimitSettings(int maxConnections, Duration idleTimeout, Duration headerTimeout, Duration shutdownTimeout) {
}
