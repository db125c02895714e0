package io.fs3.config;

/**
 * Whether a kind of small request is answered on Jetty's I/O thread, without a hand-off to a worker thread:
 * always, never, or where nothing it does may stall for long (see the settings that use it). On the I/O
 * thread, one slow filesystem call holds up every connection that thread serves.
 */
public enum IoThreadMode {
    AUTO, ON, OFF
}
