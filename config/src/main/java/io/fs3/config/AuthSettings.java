package io.fs3.config;

import java.time.Duration;
import java.util.Optional;

/** The single credential and region; an absent key pair means "generate one and keep it in the data directory". */
public record AuthSettings(Optional<String> accessKey, Optional<Secret> secretKey, String region, Duration maxClockSkew) {
}
