package io.fs3.server.fastpath;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FastPathRequestTest {
    @Test
    void onlyNoQueryOrPresignParametersQualify() {
        assertThat(FastPathRequest.onlyPresignParams(null)).isTrue();
        assertThat(FastPathRequest.onlyPresignParams("")).isTrue();
        assertThat(FastPathRequest.onlyPresignParams("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=20261206T000000Z"
                + "&X-Amz-SignedHeaders=host&X-Amz-Expires=60&X-Amz-Credential=a%2Fb&X-Amz-Signature=00")).isTrue();
        // anything that routes elsewhere or changes the answer goes to Jersey
        assertThat(FastPathRequest.onlyPresignParams("X-Amz-Signature=00&response-content-type=text/html")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("partNumber=1")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("versionId=null")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("acl")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("browser=true")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("X-Amz-Signature")).as("no value").isFalse();
        assertThat(FastPathRequest.onlyPresignParams("x-amz-signature=00")).as("S3 spells them X-Amz-").isFalse();
        assertThat(FastPathRequest.onlyPresignParams("X-Amz-Signature=00&")).isFalse();
        assertThat(FastPathRequest.onlyPresignParams("X-Amz-Date&tagging=x")).isFalse();
    }

    @Test
    void headersThatChangeTheAnswerGoToJersey() {
        for (String plain : new String[] {"Host", "User-Agent", "Authorization", "Accept", "Accept-Encoding",
                "X-Amz-Date", "x-amz-content-sha256", "x-amz-checksum-mode", "amz-sdk-invocation-id", "Connection"}) {
            assertThat(FastPathRequest.plainHeader(plain, "x")).as(plain).isTrue();
        }
        for (String changing : new String[] {"Range", "If-Match", "If-None-Match", "If-Modified-Since",
                "if-unmodified-since", "Origin", "Transfer-Encoding", "Content-Length", "Content-Type", "Expect",
                "x-amz-copy-source", "x-amz-expected-bucket-owner", "x-amz-server-side-encryption-customer-algorithm",
                "x-amz-request-payer", "X-Amz-Security-Token"}) {
            assertThat(FastPathRequest.plainHeader(changing, "x")).as(changing).isFalse();
        }
        assertThat(FastPathRequest.plainHeader("Content-Length", "0")).isTrue();
        assertThat(FastPathRequest.plainHeader("Content-Length", "5")).isFalse();
    }
}
