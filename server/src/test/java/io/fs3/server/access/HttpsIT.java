package io.fs3.server.access;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS with a self-signed certificate made by keytool in the test: from a PKCS12 keystore next to plain
 * HTTP, and from PEM files with HTTP switched off; persistent connections over TLS.
 */
class HttpsIT {
    private static final String PASSWORD = "changeit";
    @TempDir
    static Path certs;
    static Path keystore;
    static KeyStore trust;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = certs.resolve("fs3.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "fs3", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("fs3", ks.getCertificate("fs3"));
        Files.writeString(certs.resolve("cert.pem"), pem("CERTIFICATE", ks.getCertificate("fs3").getEncoded()));
        Files.writeString(certs.resolve("key.pem"), pem("PRIVATE KEY", ks.getKey("fs3", PASSWORD.toCharArray()).getEncoded()));
    }

    @Test
    void keystoreServesHttpsBesidePlainHttp(@TempDir Path dir) throws Exception {
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of("fs3.tls.keystore", keystore.toString(),
                "fs3.tls.keystore-password", PASSWORD, "fs3.tls.port", "0"), "alice")) {
            URI https = server.server().httpsEndpoint().orElseThrow();
            assertThat(https.getScheme()).isEqualTo("https");
            assertThat(server.endpoint().getScheme()).isEqualTo("http");
            try (S3Client overTls = client(https, server.keys("alice"))) {
                overTls.createBucket(b -> b.bucket("secure"));
                overTls.putObject(b -> b.bucket("secure").key("k"), RequestBody.fromString("over TLS"));
            }
            try (S3Client plain = server.client("alice")) {
                assertThat(plain.getObjectAsBytes(b -> b.bucket("secure").key("k")).asUtf8String()).isEqualTo("over TLS");
            }
            assertThat(twoRequestsOnOneConnection(https)).containsExactly(200, 200);
        }
    }

    @Test
    void pemFilesServeHttpsOnly(@TempDir Path dir) throws Exception {
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of("fs3.http.enabled", "false",
                "fs3.tls.certificate", certs.resolve("cert.pem").toString(),
                "fs3.tls.private-key", certs.resolve("key.pem").toString(), "fs3.tls.port", "0"), "alice")) {
            URI endpoint = server.endpoint();
            assertThat(endpoint.getScheme()).isEqualTo("https");
            try (S3Client alice = client(endpoint, server.keys("alice"))) {
                alice.createBucket(b -> b.bucket("pem"));
                alice.putObject(b -> b.bucket("pem").key("k"), RequestBody.fromString("pem"));
                assertThat(alice.getObjectAsBytes(b -> b.bucket("pem").key("k")).asUtf8String()).isEqualTo("pem");
            }
            assertThat(twoRequestsOnOneConnection(endpoint)).containsExactly(200, 200);
        }
    }

    private static S3Client client(URI endpoint, MultiUserServer.Keys keys) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(keys.provider())
                .forcePathStyle(true)
                .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(tmf::getTrustManagers).build()).build();
    }

    /** HTTP/1.1 keep-alive over TLS: two requests, one after the other, on one socket. */
    private static List<Integer> twoRequestsOnOneConnection(URI endpoint) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, tmf.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int first = exchange(out, in, endpoint);
            int second = exchange(out, in, endpoint);
            return List.of(first, second);
        }
    }

    private static int exchange(OutputStream out, InputStream in, URI endpoint) throws IOException {
        out.write(("GET /_fs3/live HTTP/1.1\r\nHost: " + endpoint.getHost() + ":" + endpoint.getPort() + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        assertThat(head.toLowerCase()).doesNotContain("connection: close");
        int length = Integer.parseInt(head.toLowerCase().replaceAll("(?s).*content-length: *(\\d+).*", "$1"));
        assertThat(in.readNBytes(length)).hasSize(length);
        return status;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head);
            }
            head.write(b);
            String s = head.toString(StandardCharsets.US_ASCII);
            if (s.endsWith("\r\n\r\n")) {
                return s;
            }
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
