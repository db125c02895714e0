package io.fs3.server.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fs3.config.MetricsAccess;
import io.fs3.config.MetricsSettings;
import io.fs3.server.health.RootProbe;
import io.fs3.server.metrics.Fs3Metrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * fs3's own endpoints, without S3 authentication. Jersey picks the root resource whose template has the most
 * literal characters, so "/_fs3" wins over "/{bucket}" and "/{bucket}/{key}" (no bucket name starts with '_').
 * <ul>
 * <li>{@code /_fs3/live}: 200 while the process answers (a liveness probe must not restart fs3 for an NFS outage);
 * <li>{@code /_fs3/health}: 200 if the storage root is usable, else 503, with a JSON reason;
 * <li>{@code /_fs3/ready}: as health, and 503 once shutdown has begun (load balancers stop sending traffic);
 * <li>{@code /_fs3/metrics}: Prometheus text, if enabled and the client may read it.
 * </ul>
 */
@Path("/_fs3")
public final class OpsResource {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private final Fs3Metrics metrics;
    private final RootProbe probe;
    private final Supplier<MetricsSettings> metricsSettings;
    private final BooleanSupplier stopping;

    public OpsResource(Fs3Metrics metrics, RootProbe probe, Supplier<MetricsSettings> metricsSettings,
                       BooleanSupplier stopping) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.probe = Objects.requireNonNull(probe, "probe");
        this.metricsSettings = Objects.requireNonNull(metricsSettings, "metricsSettings");
        this.stopping = Objects.requireNonNull(stopping, "stopping");
    }

    @GET
    @Path("live")
    public Response live() {
        return json(200, Map.of("status", "UP"));
    }

    @GET
    @Path("health")
    public Response health() {
        RootProbe.Status root = probe.status();
        return status(root.up(), root.detail(), false);
    }

    @GET
    @Path("ready")
    public Response ready() {
        RootProbe.Status root = probe.status();
        boolean down = stopping.getAsBoolean();
        return status(root.up() && !down, down ? "shutting down" : root.detail(), down);
    }

    @GET
    @Path("metrics")
    public Response metrics(@Context HttpServletRequest request) {
        MetricsSettings s = metricsSettings.get();
        if (!s.enabled()) {
            return text(404, "metrics are disabled (fs3.metrics.enabled=false)\n");
        }
        if (s.access() == MetricsAccess.LOOPBACK && !isLoopback(request.getRemoteAddr())) {
            return text(403, "metrics are readable from loopback only (fs3.metrics.access=loopback)\n");
        }
        return Response.ok(metrics.scrape(), Fs3Metrics.CONTENT_TYPE).header("Cache-Control", "no-store").build();
    }

    private Response status(boolean up, String detail, boolean shuttingDown) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", up ? "UP" : "DOWN");
        body.put("storageRoot", probe.status().detail());
        if (!up) {
            body.put("reason", detail);
        }
        body.put("shuttingDown", shuttingDown);
        return json(up ? 200 : 503, body);
    }

    /** Only numeric addresses (what the connector reports) are accepted, so nothing is ever resolved by DNS. */
    static boolean isLoopback(String address) {
        if (address == null) {
            return false;
        }
        String a = address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!IPV4.matcher(a).matches() && a.indexOf(':') < 0) {
            return false;
        }
        try {
            return InetAddress.getByName(a).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static Response json(int status, Map<String, ?> body) {
        try {
            return Response.status(status).entity(JSON.writeValueAsString(body)).type("application/json")
                    .header("Cache-Control", "no-store").build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Response text(int status, String body) {
        return Response.status(status).entity(body).type("text/plain; charset=utf-8").build();
    }
}
