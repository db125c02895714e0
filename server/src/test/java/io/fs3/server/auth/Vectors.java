package io.fs3.server.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the SigV4 vectors of fs3-src-test-data from the classpath. */
final class Vectors {
    private Vectors() {
    }

    /** One vector group: the request and the expected canonical request, string to sign, Authorization. */
    record Vector(String name, SignedRequest request, byte[] body, String creq, String sts, String authz) {
        /** The signed-header list of the expected canonical request (second-to-last line). */
        List<String> signedHeaders() {
            String[] lines = creq.split("\n", -1);
            return Arrays.asList(lines[lines.length - 2].split(";"));
        }

        String signature() {
            return authz.substring(authz.indexOf("Signature=") + "Signature=".length());
        }
    }

    static List<String> index(String dir) {
        List<String> names = new ArrayList<>();
        for (String line : read("/sigv4/" + dir + "/index.txt").split("\n")) {
            if (!line.isBlank()) {
                names.add(line.strip());
            }
        }
        return names;
    }

    static Vector load(String dir, String name) {
        String prefix = "/sigv4/" + dir + "/" + name + "/" + name;
        String req = read(prefix + ".req");
        String authz = exists(prefix + ".authz") ? read(prefix + ".authz") : null;
        int blank = req.indexOf("\n\n");
        String head = blank < 0 ? req : req.substring(0, blank);
        byte[] body = blank < 0 ? new byte[0] : req.substring(blank + 2).getBytes(StandardCharsets.UTF_8);
        return new Vector(name, parseHead(head), body, read(prefix + ".creq"), read(prefix + ".sts"), authz);
    }

    /** "METHOD URI HTTP/1.1" then "Name:value" lines (the URI may contain spaces, as in get-space). */
    private static SignedRequest parseHead(String head) {
        String[] lines = head.split("\n");
        String first = lines[0];
        String method = first.substring(0, first.indexOf(' '));
        String uri = first.substring(first.indexOf(' ') + 1, first.lastIndexOf(' '));
        int q = uri.indexOf('?');
        String path = q < 0 ? uri : uri.substring(0, q);
        String query = q < 0 ? null : uri.substring(q + 1);
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1));
        }
        return new SignedRequest(method, path, query, headers);
    }

    static String read(String resource) {
        try (InputStream in = Vectors.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean exists(String resource) {
        return Vectors.class.getResource(resource) != null;
    }
}
