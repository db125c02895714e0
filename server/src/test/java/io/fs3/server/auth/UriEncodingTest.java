package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UriEncodingTest {

    @Test
    void encodeKeepsOnlyUnreservedCharacters() {
        String unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        assertEquals(unreserved, UriEncoding.encode(unreserved, false));
        assertEquals("a%20b%2Bc%2A%21%27%28%29", UriEncoding.encode("a b+c*!'()", false));
        assertEquals("%24%26%2C%3A%3B%3D%3F%40%23%25", UriEncoding.encode("$&,:;=?@#%", false));
    }

    @Test
    void encodeSlashDependsOnKeepSlash() {
        assertEquals("/a/b%20c/", UriEncoding.encode("/a/b c/", true));
        assertEquals("%2Fa%2Fb%20c%2F", UriEncoding.encode("/a/b c/", false));
    }

    @Test
    void encodeUsesUpperCaseHexOfUtf8Bytes() {
        assertEquals("%E1%88%B4", UriEncoding.encode("\u1234", false));
        assertEquals("%C3%BC%F0%9F%98%80", UriEncoding.encode("\u00fc\uD83D\uDE00", false));
    }

    @Test
    void decodePathDecodesOnceAndKeepsPlus() {
        assertEquals("a+b", UriEncoding.decodePath("a+b"));
        assertEquals("a/b", UriEncoding.decodePath("a%2Fb"));
        assertEquals("a/b", UriEncoding.decodePath("a%2fb"));
        assertEquals("100%", UriEncoding.decodePath("100%25"));
        assertEquals("%41", UriEncoding.decodePath("%2541"));
        assertEquals("a b", UriEncoding.decodePath("a%20b"));
        assertEquals("\u20ac", UriEncoding.decodePath("%E2%82%AC"));
        assertEquals("/ü/x", UriEncoding.decodePath("/ü/x"));
    }

    @Test
    void decodeMixesAsciiEscapesAndMultiByteCharactersExactly() {
        // the all-ASCII fast path and the UTF-8 path must agree with a plain UTF-8 decode of the bytes
        assertEquals("AK/20261122/us-east-1/s3/aws4_request",
                UriEncoding.decodeQueryComponent("AK%2F20261122%2Fus-east-1%2Fs3%2Faws4_request"));
        assertEquals("a\u0000b", UriEncoding.decodePath("a%00b"));
        assertEquals("\u00fc/\u20ac x", UriEncoding.decodeQueryComponent("%C3%BC%2F\u20ac+x"));
        assertThrows(S3Exception.class, () -> UriEncoding.decodePath("ok%FFok"));
        assertThrows(S3Exception.class, () -> UriEncoding.decodePath("ok%C3"));
    }

    @Test
    void decodeQueryComponentTreatsPlusAsSpace() {
        assertEquals("a b", UriEncoding.decodeQueryComponent("a+b"));
        assertEquals("a+b", UriEncoding.decodeQueryComponent("a%2Bb"));
        assertEquals("a b", UriEncoding.decodeQueryComponent("a%20b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"100%", "%", "%4", "%G1", "%C3%28", "%FF", "%E2%82", "a%2"})
    void decodePathRejectsMalformedEscapesAndUtf8(String raw) {
        S3Exception e = assertThrows(S3Exception.class, () -> UriEncoding.decodePath(raw));
        assertEquals(S3Error.INVALID_ARGUMENT, e.error());
        assertEquals("Invalid URI encoding", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"a+b", "a b", "100%", "a%2Fb", "dir/sub/file.txt", "a//b", "trailing/", "./..",
        "\u00fc/\u00df/\u65e5\u672c", "emoji \uD83D\uDE00", "?#[]@!$&'()*,;=", "%41", "tab\there", "~user/.hidden"})
    void hostileKeysRoundTrip(String key) {
        String path = "/bucket/" + key;
        String wire = UriEncoding.encode(path, true);
        assertEquals(path, UriEncoding.decodePath(wire));
        // The canonical URI of what an SDK sends is exactly the encoded path: no double encoding.
        assertEquals(wire, CanonicalRequest.canonicalUri(wire));
    }
}
