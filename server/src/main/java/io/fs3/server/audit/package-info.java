/** Audit events to an HTTP webhook: bounded queue, batches, retries; never on the request path. */
package io.fs3.server.audit;
