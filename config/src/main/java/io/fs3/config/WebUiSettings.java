package io.fs3.config;

import java.time.Duration;

/** The bucket browser ({@code ?browser=true}): on or off, how long a sign-in lasts, entries per page. */
public record WebUiSettings(boolean enabled, Duration sessionDuration, int pageSize) {
}
