/**
 * A direct path for the hottest S3 requests (GetObject of a small object, HeadObject) that skips the Jersey
 * stack but reuses its parts: the same signature verifier, authorizer, object store, response headers and
 * request sinks. It only ever answers successes of plain requests; anything else (errors included) goes on
 * to Jersey untouched, so there is one place where each S3 error is produced.
 */
package io.fs3.server.fastpath;
