package io.fs3.server.fastpath;

import io.fs3.server.auth.SigV4Verifier;
import io.fs3.server.authz.AclAuthorizer;
import io.fs3.server.health.RootProbe;
import io.fs3.server.ops.RequestSink;
import io.fs3.storage.ObjectStore;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the direct paths share with the Jersey path, so that they check and record a request the same way:
 * the signature verifier, the authorizer, the object store, the readiness probe, the request sinks
 * (metrics, access log, audit), the virtual-host test (such requests are Jersey's) and the meter registry.
 */
public record DirectPathServices(SigV4Verifier verifier, AclAuthorizer authorizer, ObjectStore objects,
                                 RootProbe probe, List<RequestSink> sinks, Predicate<String> isVirtualHost,
                                 MeterRegistry registry) {
    public DirectPathServices {
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(objects, "objects");
        Objects.requireNonNull(probe, "probe");
        sinks = List.copyOf(sinks);
        Objects.requireNonNull(isVirtualHost, "isVirtualHost");
        Objects.requireNonNull(registry, "registry");
    }
}
