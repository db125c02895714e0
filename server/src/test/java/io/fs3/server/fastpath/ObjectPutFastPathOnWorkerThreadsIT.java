package io.fs3.server.fastpath;

import org.junit.jupiter.api.BeforeAll;

import java.util.Map;

/** Every test of {@link ObjectPutFastPathIT} again with direct PUTs stored on worker threads (as with fsync on). */
class ObjectPutFastPathOnWorkerThreadsIT extends ObjectPutFastPathIT {
    @BeforeAll
    static void start() throws Exception { // hides the parent's: one server, started this way
        startWith(Map.of("fs3.http.io-thread-writes", "off"));
    }
}
