package io.fs3.config;

import java.time.Duration;

/**
 * Multipart uploads: the staging directory suffix, AWS's minimum part size, when abandoned uploads are
 * aborted and how often that is checked, how parts are assembled, and the keep-alive of long completes.
 */
public record MultipartSettings(String stagingSuffix, long minPartSize, Duration expiry, Duration sweepInterval,
                                boolean kernelCopy, Duration keepAliveInterval) {
}
