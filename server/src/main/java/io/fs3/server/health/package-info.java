/** Readiness of the storage root, probed off the request path, and the gate that answers 503 while it is down. */
package io.fs3.server.health;
