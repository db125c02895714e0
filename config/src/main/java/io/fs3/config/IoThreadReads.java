package io.fs3.config;

/**
 * Whether small GetObject/HeadObject answers run on Jetty's I/O thread: always, never, or unless some served
 * directory is on a filesystem that may stall (network or FUSE), where one slow call would hold up every
 * connection of that thread.
 */
public enum IoThreadReads {
    AUTO, ON, OFF
}
