package io.fs3.server.metrics;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.fs3.server.ops.OpsTesting.get;
import static org.assertj.core.api.Assertions.assertThat;

class MetricsAccessIT {
    @Test
    void disabledMetricsAnswer404ButHealthStillAnswers(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, Map.of("fs3.metrics.enabled", "false"))) {
            assertThat(get(server.endpoint().resolve("/_fs3/metrics")).statusCode()).isEqualTo(404);
            assertThat(get(server.endpoint().resolve("/_fs3/health")).statusCode()).isEqualTo(200);
        }
    }
}
