package io.fs3.server.logging;

import io.fs3.config.AccessLogSettings;
import io.fs3.server.ops.RequestRecord;
import io.fs3.server.ops.RequestSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The access log: one {@link AccessLogLine} per S3 request, to stdout or to a size-rotated file. Settings can
 * change at any time (configuration reload); a write failure is logged once and never fails a request.
 */
public final class AccessLog implements RequestSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AccessLog.class);
    private final PrintStream stdout;
    private volatile AccessLogSettings settings;
    private RotatingFile file;
    private boolean failing;

    public AccessLog(AccessLogSettings settings, PrintStream stdout) {
        this.stdout = Objects.requireNonNull(stdout, "stdout");
        configure(settings);
    }

    /** Applies new settings; the file is reopened only if it or its rotation changed. */
    public synchronized void configure(AccessLogSettings next) {
        Objects.requireNonNull(next, "settings");
        boolean fileChanged = settings == null || !next.file().equals(settings.file())
                || next.maxFileSize() != settings.maxFileSize() || next.maxFiles() != settings.maxFiles()
                || next.enabled() != settings.enabled();
        settings = next;
        if (!fileChanged) {
            return;
        }
        closeFile();
        if (next.enabled() && next.file().isPresent()) {
            try {
                file = new RotatingFile(next.file().get(), next.maxFileSize(), next.maxFiles());
                failing = false;
            } catch (IOException e) {
                LOG.error("access log: cannot open {}: {}; lines are not written until this is fixed",
                        next.file().get(), e.toString());
            }
        }
    }

    @Override
    public void finished(RequestRecord record) {
        if (!settings.enabled()) {
            return;
        }
        String line = AccessLogLine.format(record);
        synchronized (this) {
            if (!settings.enabled()) {
                return;
            }
            if (settings.file().isEmpty()) {
                stdout.println(line);
            } else if (file != null) {
                try {
                    file.writeLine(line);
                } catch (IOException e) {
                    reportFailure(e);
                }
            }
        }
    }

    private synchronized void reportFailure(IOException e) {
        if (!failing) {
            failing = true;
            LOG.error("access log: write failed: {}", e.toString());
        }
    }

    private void closeFile() {
        if (file != null) {
            try {
                file.close();
            } catch (IOException e) {
                LOG.warn("access log: close failed: {}", e.toString());
            }
            file = null;
        }
    }

    @Override
    public synchronized void close() {
        closeFile();
    }
}
