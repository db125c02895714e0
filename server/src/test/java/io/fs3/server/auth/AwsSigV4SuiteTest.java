package io.fs3.server.auth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS's published SigV4 test suite (service "service"), run through the service-agnostic functions.
 * The path-normalisation groups are not stored: S3 never normalises the canonical URI (see the
 * vectors' README).
 */
class AwsSigV4SuiteTest {
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SUITE = "aws-sig-v4-test-suite";

    static List<String> vectors() {
        return Vectors.index(SUITE);
    }

    @Test
    void suiteIsPresent() {
        assertTrue(vectors().size() >= 20, "expected the stored AWS vectors on the classpath");
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void canonicalRequestMatches(String name) {
        Vectors.Vector v = Vectors.load(SUITE, name);
        String payloadHash = TestSigner.sha256Hex(v.body());
        String creq = CanonicalRequest.build(v.request(), QueryParam.parse(v.request().rawQuery()), v.signedHeaders(),
                payloadHash, false);
        assertEquals(v.creq(), creq);
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void stringToSignAndSignatureMatch(String name) {
        Vectors.Vector v = Vectors.load(SUITE, name);
        String scope = SigV4Signing.scope("20150830", "us-east-1", "service");
        assertEquals(v.sts(), SigV4Signing.stringToSign("20150830T123600Z", scope, v.creq()));
        byte[] key = SigV4Signing.signingKey(SECRET, "20150830", "us-east-1", "service");
        assertEquals(v.signature(), SigV4Signing.signature(key, v.sts()));
    }

    @Test
    void signingKeyMatchesAwsDocumentation() {
        // "Examples of how to derive a signing key for Signature Version 4" (AWS General Reference).
        byte[] key = SigV4Signing.signingKey(SECRET, "20150830", "us-east-1", "iam");
        assertEquals("c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9", Crypto.hex(key));
    }
}
