package io.fs3.config;

/**
 * Where and how the HTTP endpoint listens.
 *
 * @param ioThreadReads whether small object reads are answered on Jetty's I/O thread (see {@link IoThreadReads})
 */
public record ServerSettings(String host, int port, long maxRequestHeaderSize, IoThreadReads ioThreadReads) {
}
