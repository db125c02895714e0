package io.fs3.storage.list;

/** Entries served from a complete sorted snapshot: seeking is a binary search. */
final class SnapshotEntries implements SortedEntries {
    private final DirectorySnapshot snapshot;
    private final int end;
    private int pos;

    /** Entries that {@code from} admits and that start with {@code within} (a name prefix, or ""). */
    SnapshotEntries(DirectorySnapshot snapshot, Bound from, String within) {
        this.snapshot = snapshot;
        this.pos = snapshot.seek(from, 0);
        // Names starting with `within` are one contiguous run; it ends where pastPrefix starts.
        this.end = within.isEmpty() ? snapshot.size() : snapshot.seek(Bound.pastPrefix(within), pos);
    }

    @Override
    public String next() {
        return pos < end ? snapshot.sortName(pos++) : null;
    }

    @Override
    public void skipTo(Bound bound) {
        pos = snapshot.seek(bound, pos);
    }

    @Override
    public boolean hasDirectory(String name) {
        return snapshot.contains(name + "/");
    }
}
