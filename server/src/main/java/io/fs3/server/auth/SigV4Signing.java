package io.fs3.server.auth;

import java.nio.charset.StandardCharsets;

/** The pure SigV4 functions: scope, string to sign, signing key, signatures (service-agnostic). */
public final class SigV4Signing {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String TERMINATOR = "aws4_request";
    static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";

    private SigV4Signing() {
    }

    /** {@code yyyymmdd/region/service/aws4_request}. */
    public static String scope(String date, String region, String service) {
        return date + '/' + region + '/' + service + '/' + TERMINATOR;
    }

    public static String stringToSign(String amzDate, String scope, String canonicalRequest) {
        return ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + Crypto.sha256Hex(canonicalRequest);
    }

    /** kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"). */
    public static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] k = Crypto.hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        k = Crypto.hmac(k, region);
        k = Crypto.hmac(k, service);
        return Crypto.hmac(k, TERMINATOR);
    }

    /** Lower-case hex HMAC-SHA256 of the string to sign. */
    public static String signature(byte[] signingKey, String stringToSign) {
        return Crypto.hmacHex(signingKey, stringToSign);
    }

    /** String to sign of one aws-chunked chunk; {@code previous} is the seed or previous chunk signature. */
    public static String chunkStringToSign(String amzDate, String scope, String previous, String chunkSha256Hex) {
        return CHUNK_ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + previous + '\n' + Crypto.EMPTY_SHA256
                + '\n' + chunkSha256Hex;
    }

    /** String to sign of the trailer: hash over the trailer lines as {@code name:value\n}. */
    public static String trailerStringToSign(String amzDate, String scope, String previous,
                                             String trailerSha256Hex) {
        return TRAILER_ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + previous + '\n' + trailerSha256Hex;
    }
}
