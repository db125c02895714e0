package io.fs3.server.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A browser-form POST policy: expiration and conditions ({"field": "v"}, ["eq", "$f", "v"],
 * ["starts-with", "$f", "prefix"], ["content-length-range", min, max]). Every form field except
 * the signature, the file, the policy and x-ignore-* ones must be covered by a condition.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 */
public final class PostPolicy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> EXEMPT = Set.of("x-amz-signature", "file", "policy");
    private final Instant expiration;
    private final List<JsonNode> conditions;
    private long minLength;
    private long maxLength = Long.MAX_VALUE;

    private PostPolicy(Instant expiration, List<JsonNode> conditions) {
        this.expiration = expiration;
        this.conditions = conditions;
    }

    public static PostPolicy parse(String base64) {
        try {
            JsonNode root = JSON.readTree(Base64.getDecoder().decode(base64.trim()));
            Instant expiration = Instant.parse(root.path("expiration").asText());
            List<JsonNode> conditions = new ArrayList<>();
            root.path("conditions").forEach(conditions::add);
            return new PostPolicy(expiration, conditions);
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw S3Exception.of(S3Error.MALFORMED_POST_REQUEST, "Invalid Policy: Invalid JSON.");
        }
    }

    /** Checks expiration and every condition against the (lower-cased) form fields. */
    public void check(Map<String, String> fields, Instant now) {
        if (!now.isBefore(expiration)) {
            throw denied("Invalid according to Policy: Policy expired.");
        }
        Set<String> covered = new HashSet<>();
        for (JsonNode c : conditions) {
            if (c.isObject()) {
                c.fields().forEachRemaining(e -> {
                    String name = e.getKey().toLowerCase(Locale.ROOT);
                    covered.add(name);
                    require(e.getValue().asText().equals(fields.get(name)), c);
                });
            } else if (c.isArray() && c.size() == 3) {
                checkArray(c, fields, covered);
            } else {
                throw denied("Invalid Policy: Invalid Condition: " + c);
            }
        }
        for (String field : fields.keySet()) {
            if (!covered.contains(field) && !EXEMPT.contains(field) && !field.startsWith("x-ignore-")) {
                throw denied("Invalid according to Policy: Extra input fields: " + field);
            }
        }
    }

    private void checkArray(JsonNode c, Map<String, String> fields, Set<String> covered) {
        String op = c.get(0).asText().toLowerCase(Locale.ROOT);
        if (op.equals("content-length-range")) {
            minLength = c.get(1).asLong();
            maxLength = c.get(2).asLong();
            return;
        }
        String ref = c.get(1).asText();
        if (!ref.startsWith("$")) {
            throw denied("Invalid Policy: Invalid Condition: " + c);
        }
        String name = ref.substring(1).toLowerCase(Locale.ROOT);
        covered.add(name);
        String actual = fields.get(name);
        String expected = c.get(2).asText();
        switch (op) {
            case "eq" -> require(expected.equals(actual), c);
            case "starts-with" -> require(actual != null && actual.startsWith(expected) || expected.isEmpty() && actual == null, c);
            default -> throw denied("Invalid Policy: Invalid Condition: " + c);
        }
    }

    public long minLength() {
        return minLength;
    }

    public long maxLength() {
        return maxLength;
    }

    private static void require(boolean ok, JsonNode condition) {
        if (!ok) {
            throw denied("Invalid according to Policy: Policy Condition failed: " + condition);
        }
    }

    static S3Exception denied(String message) {
        return S3Exception.of(S3Error.ACCESS_DENIED, message);
    }

    static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
