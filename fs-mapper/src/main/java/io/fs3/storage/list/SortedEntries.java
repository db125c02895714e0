package io.fs3.storage.list;

import java.io.IOException;

/**
 * A forward-only view of one directory's entries in S3 key order, starting at a {@link Bound}.
 * Entries are sort names: the file name, with '/' appended for a directory.
 */
interface SortedEntries {
    /** The next entry, or null when there is none. */
    String next() throws IOException;

    /**
     * Moves forward to the first entry {@code bound} admits. The bound must admit nothing at or before
     * the last entry returned (listing only ever skips forward).
     */
    void skipTo(Bound bound);

    /** True if the directory has a (real, not symlinked) subdirectory named {@code name}. */
    boolean hasDirectory(String name) throws IOException;
}
