package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding as SigV4 and S3 use it.
 *
 * <p>{@link #encode} is SigV4's {@code UriEncode}: every UTF-8 byte except the unreserved characters
 * {@code A-Z a-z 0-9 - . _ ~} becomes {@code %XX} (upper-case hex); '/' is kept when asked.
 *
 * <p>{@link #decodePath} decodes a raw request path exactly once. A '+' in a path is a literal plus
 * (only query strings use form encoding), so S3 keys such as {@code a+b}, {@code a%2Fb} and
 * {@code 100%25} round-trip.
 */
public final class UriEncoding {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final String INVALID = "Invalid URI encoding";

    private UriEncoding() {
    }

    /** SigV4 UriEncode of {@code s}; '/' is left alone when {@code keepSlash}. */
    public static String encode(String s, boolean keepSlash) {
        if (isAllUnreserved(s, keepSlash)) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (isUnreserved(c) || (keepSlash && c == '/')) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return out.toString();
    }

    /**
     * Percent-decodes a raw path once as UTF-8; '+' stays '+'.
     *
     * @throws S3Exception INVALID_ARGUMENT "Invalid URI encoding" on a malformed escape or invalid UTF-8
     */
    public static String decodePath(String raw) {
        return decode(raw, false);
    }

    /**
     * Decodes one name or value of a query string: like {@link #decodePath}, but '+' means a space
     * (form encoding), which is how S3 and MinIO read query strings. SDKs never send a bare '+':
     * they sign and send a space as {@code %20} and a plus as {@code %2B}.
     */
    public static String decodeQueryComponent(String raw) {
        return decode(raw, true);
    }

    private static String decode(String raw, boolean plusIsSpace) {
        if (raw.indexOf('%') < 0 && (!plusIsSpace || raw.indexOf('+') < 0)) {
            return raw;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        boolean ascii = true;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == '%') {
                byte b = (byte) ((hexValue(raw, i + 1) << 4) | hexValue(raw, i + 2));
                ascii &= b >= 0;
                bytes.put(b);
                i += 3;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
                i++;
            } else if (c < 0x80) {
                bytes.put((byte) c);
                i++;
            } else {
                ascii = false;
                int end = i + Character.charCount(raw.codePointAt(i));
                bytes.put(raw.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        bytes.flip();
        if (ascii) {
            // Only bytes below 0x80: valid UTF-8 whatever their order, one char each.
            return new String(bytes.array(), 0, bytes.limit(), StandardCharsets.US_ASCII);
        }
        return strictUtf8(bytes);
    }

    private static int hexValue(String s, int index) {
        int v = index < s.length() ? Crypto.hexDigit(s.charAt(index)) : -1;
        if (v < 0) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, INVALID);
        }
        return v;
    }

    private static String strictUtf8(ByteBuffer bytes) {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, INVALID, e);
        }
    }

    private static boolean isAllUnreserved(String s, boolean keepSlash) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!isUnreserved(c) && !(keepSlash && c == '/')) {
                return false;
            }
        }
        return true;
    }

    /** SigV4's unreserved characters: A-Z a-z 0-9 - . _ ~ */
    static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }
}
