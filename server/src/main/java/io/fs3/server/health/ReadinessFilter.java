package io.fs3.server.health;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.ops.Reserved;
import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import java.util.Objects;

/**
 * While the storage root is unusable, every S3 request gets 503 ServiceUnavailable (which SDKs retry) instead
 * of an empty listing or NoSuchBucket from the bare mount point. Costs one volatile read.
 */
@PreMatching
@Priority(200) // after RequestIds and metering, before authentication
public final class ReadinessFilter implements ContainerRequestFilter {
    private final RootProbe probe;

    public ReadinessFilter(RootProbe probe) {
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public void filter(ContainerRequestContext ctx) {
        if (Reserved.isReserved(ctx) || probe.status().up()) {
            return;
        }
        throw S3Exception.of(S3Error.SERVICE_UNAVAILABLE,
                "The storage behind this endpoint is unavailable. Please retry.").withHeader("Retry-After", "5");
    }
}
