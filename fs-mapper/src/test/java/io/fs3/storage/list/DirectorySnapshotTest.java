package io.fs3.storage.list;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DirectorySnapshotTest {
    private static final List<String> NAMES =
            List.of("a-b", "a.txt", "a/", "a0", "ab/", "b", "\uE000", "\uD83D\uDE00/");

    private static DirectorySnapshot snapshot() {
        List<byte[]> bytes = new ArrayList<>();
        for (int i = NAMES.size() - 1; i >= 0; i--) {
            bytes.add(NAMES.get(i).getBytes(StandardCharsets.UTF_8));
        }
        return DirectorySnapshot.of(bytes);
    }

    @Test
    void sortsByUtf8BytesWithDirectoriesAsNameSlash() {
        DirectorySnapshot s = snapshot();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            names.add(s.sortName(i));
        }
        assertEquals(NAMES, names);
    }

    @Test
    void seeksWithEachKindOfBound() {
        DirectorySnapshot s = snapshot();
        assertEquals(2, s.seek(Bound.atLeast("a/"), 0));
        assertEquals(3, s.seek(Bound.after("a/"), 0));
        assertEquals(3, s.seek(Bound.after("a/zzz"), 0));
        assertEquals(5, s.seek(Bound.pastPrefix("a"), 0));
        assertEquals(3, s.seek(Bound.pastPrefix("a/"), 0));
        assertEquals(7, s.seek(Bound.pastPrefix("\uE000"), 0));
        assertEquals(8, s.seek(Bound.after("\uD83D\uDE00/"), 0));
        assertEquals(6, s.seek(Bound.atLeast("b"), 6));
        assertEquals(0, s.seek(Bound.ALL, 0));
    }

    @Test
    void containsExactSortNames() {
        DirectorySnapshot s = snapshot();
        assertTrue(s.contains("ab/"));
        assertFalse(s.contains("ab"));
        assertFalse(s.contains("a"));
        assertTrue(s.contains("\uD83D\uDE00/"));
    }
}
