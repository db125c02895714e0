package io.fs3.storage.list;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;

/**
 * ListObjectsV2 continuation tokens: opaque to clients and integrity-checked (as Ozone's
 * ContinueToken), so a client cannot steer a listing with a forged position. Format, URL-safe base64
 * without padding: version byte, 16-byte truncated HMAC-SHA256 of the position, the position in UTF-8.
 */
public final class ContinuationTokens {
    private static final byte VERSION = 1;
    private static final int MAC_BYTES = 16;
    private static final String ALGORITHM = "HmacSHA256";
    private static final String INCORRECT = "The continuation token provided is incorrect";

    private final SecretKeySpec key;

    /** @param key the HMAC key (at least 16 bytes; the server keeps a persistent random one) */
    public ContinuationTokens(byte[] key) {
        if (key == null || key.length < 16) {
            throw new IllegalArgumentException("continuation token key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The token for resuming strictly after {@code startAfter}. */
    public String encode(String startAfter) {
        byte[] position = startAfter.getBytes(StandardCharsets.UTF_8);
        ByteBuffer token = ByteBuffer.allocate(1 + MAC_BYTES + position.length);
        token.put(VERSION).put(mac(position)).put(position);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /**
     * The position a token of ours encodes.
     *
     * @throws S3Exception InvalidArgument if the token is garbled, forged or from another key
     */
    public String decode(String token) {
        byte[] raw;
        try {
            raw = Base64.getUrlDecoder().decode(token == null ? "" : token);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length < 1 + MAC_BYTES || raw[0] != VERSION) {
            throw invalid();
        }
        byte[] position = Arrays.copyOfRange(raw, 1 + MAC_BYTES, raw.length);
        if (!MessageDigest.isEqual(Arrays.copyOfRange(raw, 1, 1 + MAC_BYTES), mac(position))) {
            throw invalid();
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(position)).toString();
        } catch (CharacterCodingException e) {
            throw invalid(); // cannot happen for a token we signed; kept as a guard
        }
    }

    private byte[] mac(byte[] position) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM); // Mac is not thread-safe: one per call is cheap enough
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(position), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by every Java platform", e);
        }
    }

    private static S3Exception invalid() {
        return S3Exception.of(S3Error.INVALID_ARGUMENT, INCORRECT);
    }
}
