package io.fs3.config;

/**
 * Where and how the HTTP endpoint listens.
 *
 * @param ioThreadReads  whether small object reads are answered on Jetty's I/O thread (see {@link IoThreadMode})
 * @param ioThreadWrites whether small PUTs whose body has arrived are stored on Jetty's I/O thread
 */
public record ServerSettings(String host, int port, long maxRequestHeaderSize, IoThreadMode ioThreadReads,
                             IoThreadMode ioThreadWrites) {
}
