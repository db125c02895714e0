package io.fs3.server.ops;

/** Something that wants to know about every S3 request: metrics, the access log, the audit webhook. */
public interface RequestSink {
    /** A request arrived (before routing). */
    default void started() {
    }

    /** The request finished and its response was written (or failed). Must not block. */
    void finished(RequestRecord record);
}
