/**
 * Running fs3 as a service: {@link io.fs3.server.ops.OpsRuntime} wires metrics, health, the access log, the audit
 * webhook, log levels, server limits and configuration reload; {@link io.fs3.server.ops.RequestListener} turns
 * every finished S3 request into one {@link io.fs3.server.ops.RequestRecord} for them; {@code /_fs3/} endpoints
 * live in {@link io.fs3.server.ops.OpsResource}. Knows nothing of S3 operations beyond their names, and nothing
 * of the filesystem beyond the storage root.
 */
package io.fs3.server.ops;
