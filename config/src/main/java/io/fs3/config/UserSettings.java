package io.fs3.config;

import java.time.Duration;

/**
 * Many users on one volume: {@code file} holds users and access keys (a relative name is resolved next to
 * the configuration file, or in ROOT/.fs3/ without one), {@code admin} names the user who owns directories
 * nobody created through S3 and to whom the {@code fs3.auth.*} key belongs, and the file is re-read every
 * {@code reloadInterval} (and checked before each authentication).
 */
public record UserSettings(String admin, String file, Duration reloadInterval) {
}
