package io.fs3.server.auth;

import io.fs3.config.Secret;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A small test-only SigV4 signer. The canonical request comes from {@link CanonicalRequest} (checked
 * against AWS's vectors elsewhere); key derivation, HMACs and the aws-chunked encoding are written
 * here independently with javax.crypto.
 */
final class TestSigner {
    static final String ACCESS_KEY = "AKIDFS3TEST";
    static final String SECRET = "fs3/test+secret=key";
    static final String REGION = "us-east-1";
    static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final String HOST = "127.0.0.1:9000";
    private static final DateTimeFormatter AMZ = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final String method;
    private final String rawPath;
    private String rawQuery;
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private String accessKey = ACCESS_KEY;
    private String secret = SECRET;
    private String region = REGION;
    private String service = "s3";
    private Instant time = NOW;
    private String payloadHash = EMPTY_SHA256;
    private String seedSignature;

    private TestSigner(String method, String rawPath) {
        this.method = method;
        this.rawPath = rawPath;
    }

    static TestSigner request(String method, String rawPath) {
        return new TestSigner(method, rawPath);
    }

    /** A verifier that knows {@link #ACCESS_KEY}/{@link #SECRET}, with a 15-minute skew and the clock at {@link #NOW}. */
    static SigV4Verifier verifier() {
        return verifier(NOW);
    }

    static SigV4Verifier verifier(Instant now) {
        CredentialStore store = ak -> ak.equals(ACCESS_KEY) ? Optional.of(Secret.of(SECRET)) : Optional.empty();
        return new SigV4Verifier(store, REGION, Duration.ofMinutes(15), Clock.fixed(now, ZoneOffset.UTC));
    }

    TestSigner query(String raw) {
        this.rawQuery = raw;
        return this;
    }

    TestSigner header(String name, String value) {
        headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        return this;
    }

    /** x-amz-content-sha256 value; null to omit the header. */
    TestSigner payload(String hash) {
        this.payloadHash = hash;
        return this;
    }

    TestSigner at(Instant instant) {
        this.time = instant;
        return this;
    }

    TestSigner credentials(String newAccessKey, String newSecret) {
        this.accessKey = newAccessKey;
        this.secret = newSecret;
        return this;
    }

    TestSigner region(String newRegion) {
        this.region = newRegion;
        return this;
    }

    TestSigner service(String newService) {
        this.service = newService;
        return this;
    }

    String amzDate() {
        return AMZ.format(time);
    }

    String scope() {
        return amzDate().substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
    }

    /** The signature of the last signHeader()/presign(): the seed of chunk signatures. */
    String seedSignature() {
        return seedSignature;
    }

    byte[] signingKey() {
        byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), amzDate().substring(0, 8));
        k = hmac(k, region);
        k = hmac(k, service);
        return hmac(k, "aws4_request");
    }

    /** Signs every header present (plus host, x-amz-date, x-amz-content-sha256) into an Authorization header. */
    SignedRequest signHeader() {
        headers.putIfAbsent("Host", new ArrayList<>(List.of(HOST)));
        headers.putIfAbsent("x-amz-date", new ArrayList<>(List.of(amzDate())));
        if (payloadHash != null) {
            headers.putIfAbsent("x-amz-content-sha256", new ArrayList<>(List.of(payloadHash)));
        }
        List<String> signed = signedNames();
        SignedRequest unsigned = new SignedRequest(method, rawPath, rawQuery, headers);
        String creq = CanonicalRequest.build(unsigned, QueryParam.parse(rawQuery), signed,
                payloadHash == null ? EMPTY_SHA256 : payloadHash, false);
        seedSignature = sign(creq);
        Map<String, List<String>> all = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        all.putAll(headers);
        all.put("Authorization", List.of("AWS4-HMAC-SHA256 Credential=" + accessKey + "/" + scope()
                + ", SignedHeaders=" + String.join(";", signed) + ", Signature=" + seedSignature));
        return new SignedRequest(method, rawPath, rawQuery, all);
    }

    /** A presigned URL: X-Amz-* query parameters signing every header present plus host. */
    SignedRequest presign(long expiresSeconds) {
        headers.putIfAbsent("Host", new ArrayList<>(List.of(HOST)));
        List<String> signed = signedNames();
        String credential = UriEncoding.encode(accessKey + "/" + scope(), false);
        String auth = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + credential + "&X-Amz-Date=" + amzDate()
                + "&X-Amz-Expires=" + expiresSeconds + "&X-Amz-SignedHeaders=" + String.join("%3B", signed);
        String query = rawQuery == null ? auth : rawQuery + "&" + auth;
        SignedRequest unsigned = new SignedRequest(method, rawPath, query, headers);
        String creq = CanonicalRequest.build(unsigned, QueryParam.parse(query), signed, "UNSIGNED-PAYLOAD", true);
        seedSignature = sign(creq);
        return new SignedRequest(method, rawPath, query + "&X-Amz-Signature=" + seedSignature, headers);
    }

    private List<String> signedNames() {
        List<String> names = new ArrayList<>();
        for (String name : headers.keySet()) {
            names.add(name.toLowerCase(Locale.ROOT));
        }
        names.sort(null);
        return names;
    }

    private String sign(String creq) {
        String sts = "AWS4-HMAC-SHA256\n" + amzDate() + "\n" + scope() + "\n" + sha256Hex(creq.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(hmac(signingKey(), sts));
    }

    // ---- aws-chunked bodies ----

    /** Signed aws-chunked body chained from {@link #seedSignature()}; trailer lines may be empty. */
    byte[] signedChunks(byte[] data, int chunkSize, List<String> trailerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String previous = seedSignature;
        for (int off = 0; ; off += chunkSize) {
            int start = Math.min(off, data.length);
            int len = Math.min(chunkSize, data.length - start);
            byte[] chunk = java.util.Arrays.copyOfRange(data, start, start + len);
            String sts = "AWS4-HMAC-SHA256-PAYLOAD\n" + amzDate() + "\n" + scope() + "\n" + previous + "\n"
                    + EMPTY_SHA256 + "\n" + sha256Hex(chunk);
            previous = HexFormat.of().formatHex(hmac(signingKey(), sts));
            write(out, Integer.toHexString(len) + ";chunk-signature=" + previous + "\r\n");
            out.writeBytes(chunk);
            if (len == 0) {
                break;
            }
            write(out, "\r\n");
        }
        if (trailerLines.isEmpty()) {
            write(out, "\r\n");
            return out.toByteArray();
        }
        StringBuilder canonical = new StringBuilder();
        for (String line : trailerLines) {
            write(out, line + "\r\n");
            canonical.append(line).append('\n');
        }
        String sts = "AWS4-HMAC-SHA256-TRAILER\n" + amzDate() + "\n" + scope() + "\n" + previous + "\n"
                + sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
        write(out, "x-amz-trailer-signature:" + HexFormat.of().formatHex(hmac(signingKey(), sts)) + "\r\n\r\n");
        return out.toByteArray();
    }

    /** STREAMING-UNSIGNED-PAYLOAD-TRAILER body: {@code hex\r\ndata\r\n ... 0\r\ntrailers\r\n\r\n}. */
    static byte[] unsignedChunks(byte[] data, int chunkSize, List<String> trailerLines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int off = 0; off < data.length; off += chunkSize) {
            int len = Math.min(chunkSize, data.length - off);
            write(out, Integer.toHexString(len) + "\r\n");
            out.write(data, off, len);
            write(out, "\r\n");
        }
        write(out, "0\r\n");
        for (String line : trailerLines) {
            write(out, line + "\r\n");
        }
        write(out, "\r\n");
        return out.toByteArray();
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }
}
