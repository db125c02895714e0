package io.fs3.server.auth;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigV4AuthFilterTest {
    private final SigV4AuthFilter filter = new SigV4AuthFilter(TestSigner.verifier());

    /** A minimal ContainerRequestContext: method, request URI, headers, entity stream, properties. */
    private static final class FakeContext {
        final Map<String, Object> properties = new HashMap<>();
        final MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        InputStream entity;
        final ContainerRequestContext ctx;

        FakeContext(SignedRequest r, byte[] body) {
            r.headers().forEach((name, values) -> headers.put(name, List.copyOf(values)));
            entity = new ByteArrayInputStream(body);
            URI uri = URI.create("http://" + TestSigner.HOST + r.rawPath() + (r.rawQuery() == null ? "" : "?" + r.rawQuery()));
            UriInfo uriInfo = (UriInfo) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {UriInfo.class},
                    (p, m, a) -> switch (m.getName()) {
                        case "getRequestUri" -> uri;
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            ctx = (ContainerRequestContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ContainerRequestContext.class}, (p, m, a) -> switch (m.getName()) {
                        case "getMethod" -> r.method();
                        case "getUriInfo" -> uriInfo;
                        case "getHeaders" -> headers;
                        case "getEntityStream" -> entity;
                        case "setEntityStream" -> {
                            entity = (InputStream) a[0];
                            yield null;
                        }
                        case "setProperty" -> {
                            properties.put((String) a[0], a[1]);
                            yield null;
                        }
                        case "getProperty" -> properties.get((String) a[0]);
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }

    @Test
    void isAPreMatchingAuthenticationFilter() {
        assertNotNull(SigV4AuthFilter.class.getAnnotation(PreMatching.class));
        assertEquals(Priorities.AUTHENTICATION, SigV4AuthFilter.class.getAnnotation(Priority.class).value());
    }

    @Test
    void signedRequestGetsAccessKeyAndVerifiedStream() throws IOException {
        byte[] body = "hello, fs3".getBytes(StandardCharsets.UTF_8);
        SignedRequest r = TestSigner.request("PUT", "/bucket/a%2Bb%20c").query("x-id=PutObject")
                .payload(TestSigner.sha256Hex(body)).signHeader();
        FakeContext fake = new FakeContext(r, body);
        InputStream original = fake.entity;
        filter.filter(fake.ctx);
        assertEquals(TestSigner.ACCESS_KEY, fake.properties.get(SigV4AuthFilter.ACCESS_KEY_PROPERTY));
        assertEquals("fs3.accessKey", SigV4AuthFilter.ACCESS_KEY_PROPERTY);
        VerifiedPayload payload = assertInstanceOf(VerifiedPayload.class, fake.properties.get("fs3.payload"));
        assertSame(payload.stream(), fake.entity);
        assertTrue(fake.entity != original);
        assertArrayEquals(body, fake.entity.readAllBytes());
    }

    @Test
    void tamperedBodyFailsWhenRead() {
        SignedRequest r = TestSigner.request("PUT", "/bucket/k").payload(TestSigner.sha256Hex(new byte[] {1})).signHeader();
        FakeContext fake = new FakeContext(r, new byte[] {2});
        filter.filter(fake.ctx);
        S3Exception e = assertThrows(S3Exception.class, () -> fake.entity.readAllBytes());
        assertEquals(S3Error.CONTENT_SHA256_MISMATCH, e.error());
    }

    @Test
    void unsignedRequestPassesAsAnonymousForTheAuthorizer() {
        FakeContext fake = new FakeContext(new SignedRequest("GET", "/bucket", null, Map.of("Host", List.of("h"))),
                new byte[0]);
        InputStream original = fake.entity;
        filter.filter(fake.ctx);
        assertNull(fake.properties.get(SigV4AuthFilter.ACCESS_KEY_PROPERTY));
        assertNull(fake.properties.get(SigV4AuthFilter.PAYLOAD_PROPERTY));
        assertSame(original, fake.entity);
    }

    @Test
    void signaturesCoverTheUriAsReceivedBeforeAVirtualHostRewrite() {
        SignedRequest r = TestSigner.request("GET", "/key").signHeader();
        FakeContext fake = new FakeContext(new SignedRequest("GET", "/bucket/key", null, r.headers()), new byte[0]);
        fake.properties.put(SigV4AuthFilter.RECEIVED_URI_PROPERTY, URI.create("http://" + TestSigner.HOST + "/key"));
        filter.filter(fake.ctx);
        assertEquals(TestSigner.ACCESS_KEY, fake.properties.get(SigV4AuthFilter.ACCESS_KEY_PROPERTY));
    }

    @Test
    void badSignatureIsThrown() {
        SignedRequest r = TestSigner.request("GET", "/bucket").credentials(TestSigner.ACCESS_KEY, "wrong").signHeader();
        FakeContext fake = new FakeContext(r, new byte[0]);
        assertEquals(S3Error.SIGNATURE_DOES_NOT_MATCH,
                assertThrows(S3Exception.class, () -> filter.filter(fake.ctx)).error());
    }

    @Test
    void reservedPathsPassWithoutAuth() {
        FakeContext fake = new FakeContext(new SignedRequest("GET", "/_fs3/health", null, Map.of()), new byte[0]);
        InputStream original = fake.entity;
        filter.filter(fake.ctx);
        assertSame(original, fake.entity);
        assertTrue(fake.properties.isEmpty());
        // A path named like the prefix without the slash is not reserved: its signature is checked.
        SignedRequest bad = TestSigner.request("GET", "/_fs3").credentials(TestSigner.ACCESS_KEY, "wrong").signHeader();
        FakeContext notReserved = new FakeContext(bad, new byte[0]);
        assertEquals(S3Error.SIGNATURE_DOES_NOT_MATCH,
                assertThrows(S3Exception.class, () -> filter.filter(notReserved.ctx)).error());
    }
}
