package io.fs3.multipart;

/** A claimed, validated CompleteMultipartUpload whose bytes have not moved yet. */
public interface Completion {
    /** The object's size once assembled. */
    long size();

    /**
     * Assembles the listed parts, publishes the object atomically and removes the staging directory; on
     * failure the upload is given back unchanged (it can be completed again). Call exactly once.
     */
    CompleteResult finish();
}
