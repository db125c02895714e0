/** The Prometheus meter registry of a server and the per-request meters. Other packages register their own meters on it. */
package io.fs3.server.metrics;
