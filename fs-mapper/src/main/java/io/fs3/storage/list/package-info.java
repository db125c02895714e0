/**
 * The listing engine: S3 ListObjects semantics over a POSIX directory tree. {@link
 * io.fs3.storage.list.PosixLister} walks in S3 key order by seeking, never re-walking earlier pages;
 * {@link io.fs3.storage.list.ListingCache} keeps sorted, stat-validated directory snapshots;
 * {@link io.fs3.storage.list.EntryResolver} (the storage layer) turns entries into objects;
 * {@link io.fs3.storage.list.ContinuationTokens} makes the resume position opaque and tamper-evident.
 * Knows nothing of HTTP or XML.
 */
package io.fs3.storage.list;
