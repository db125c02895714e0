package io.fs3.multipart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** Reads the "inputs -> expected" lines of a fixture under src-test-data's multipart/ directory. */
final class Fixtures {
    record Line(String input, String expected) {
    }

    private Fixtures() {
    }

    static List<Line> read(String name) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                Fixtures.class.getResourceAsStream("/multipart/" + name), name), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> {
                int arrow = l.indexOf(" -> ");
                return new Line(l.substring(0, arrow), l.substring(arrow + 4));
            }).toList();
        }
    }
}
