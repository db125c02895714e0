package io.fs3.config;

/** Level of fs3's own log lines. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, OFF
}
