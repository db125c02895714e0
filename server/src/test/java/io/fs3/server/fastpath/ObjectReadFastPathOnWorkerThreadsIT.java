package io.fs3.server.fastpath;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** Every test of {@link ObjectReadFastPathIT} again with direct answers on worker threads (as on NFS). */
class ObjectReadFastPathOnWorkerThreadsIT extends ObjectReadFastPathIT {
    @BeforeAll
    static void start() throws Exception { // hides the parent's: one server, started this way
        startWith(Map.of("fs3.http.io-thread-reads", "off"));
    }
}
