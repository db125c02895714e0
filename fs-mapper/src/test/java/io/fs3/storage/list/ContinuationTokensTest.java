package io.fs3.storage.list;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContinuationTokensTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final ContinuationTokens tokens = new ContinuationTokens(KEY);

    @Test
    void tokensRoundTripAnyKey() {
        for (String position : List.of("", "a", "photos/2024/", "a b+c%20d", "\uD83D\uDE00/\uE000", "x".repeat(1024))) {
            String token = tokens.encode(position);
            assertTrue(token.matches("[A-Za-z0-9_-]+"), "URL-safe without padding: " + token);
            assertEquals(position, tokens.decode(token));
        }
    }

    @Test
    void tokensAreOpaque() {
        String token = tokens.encode("photos/secret-name");
        assertTrue(!token.contains("photos"));
        assertNotEquals(tokens.encode("a"), tokens.encode("b"));
    }

    @Test
    void forgedTokenIsRejected() {
        String token = tokens.encode("photos/a");
        byte[] raw = Base64.getUrlDecoder().decode(token);
        byte[] payload = "photos/z".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(payload, 0, raw, raw.length - payload.length, payload.length);
        assertInvalid(Base64.getUrlEncoder().withoutPadding().encodeToString(raw));
    }

    @Test
    void tokenFromAnotherKeyIsRejected() {
        byte[] otherKey = "another key, also 32 bytes long!".getBytes(StandardCharsets.US_ASCII);
        ContinuationTokens other = new ContinuationTokens(otherKey);
        assertInvalid(other.encode("photos/a"));
    }

    @Test
    void garbledTokensAreRejected() {
        String token = tokens.encode("photos/a");
        List<String> garbled = List.of("", "!!!", "abc", "%%", token.substring(0, 10), token + "x",
                flipped(token, 5), flipped(token, token.length() - 1));
        for (String bad : garbled) {
            assertInvalid(bad);
        }
        assertInvalid(null);
    }

    @Test
    void shortKeysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ContinuationTokens(new byte[8]));
    }

    private static String flipped(String token, int at) {
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'B' ? 'C' : 'B') + token.substring(at + 1);
    }

    private void assertInvalid(String token) {
        S3Exception e = assertThrows(S3Exception.class, () -> tokens.decode(token), String.valueOf(token));
        assertEquals(S3Error.INVALID_ARGUMENT, e.error());
        assertEquals("The continuation token provided is incorrect", e.getMessage());
    }
}
