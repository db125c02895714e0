package io.fs3.server.logging;

import io.fs3.config.LogLevel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

class LogLevelsTest {
    private final LogLevels levels = new LogLevels();

    @AfterEach
    void restore() {
        levels.apply(LogLevel.INFO);
    }

    @Test
    void levelChangesReachExistingAndNewFs3LoggersOnly() {
        Logger existing = LoggerFactory.getLogger("io.fs3.server.levels.Existing");
        Logger jetty = LoggerFactory.getLogger("org.eclipse.jetty.levels.Probe");
        assertThat(existing.isDebugEnabled()).isFalse();

        assertThat(levels.apply(LogLevel.DEBUG)).isTrue();
        assertThat(existing.isDebugEnabled()).isTrue();
        assertThat(LoggerFactory.getLogger("io.fs3.server.levels.CreatedLater").isDebugEnabled()).isTrue();
        assertThat(jetty.isDebugEnabled()).isFalse();

        levels.apply(LogLevel.WARN);
        assertThat(existing.isInfoEnabled()).isFalse();
        assertThat(existing.isWarnEnabled()).isTrue();
    }
}
