package io.fs3.server.fastpath;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PlainPutTest {
    @Test
    void onlyHeadersWhoseMeaningTheDirectPathReproducesQualify() {
        for (String plain : new String[] {"Host", "User-Agent", "Authorization", "Content-Length", "Content-Type",
                "Content-MD5", "Cache-Control", "Content-Disposition", "Content-Language", "Expires", "Expect",
                "X-Amz-Date", "x-amz-content-sha256", "x-amz-meta-colour", "X-Amz-Meta-N", "amz-sdk-invocation-id",
                "x-amz-checksum-crc32", "X-Amz-Checksum-SHA256", "x-amz-checksum-crc64nvme", "x-amz-sdk-checksum-algorithm",
                "x-amz-storage-class", "Content-Encoding", "x-amz-trailer", "x-amz-decoded-content-length"}) {
            assertThat(PlainPut.plainHeader(plain)).as(plain).isTrue();
        }
        // each of these changes what is stored or who may store it: Jersey handles them
        for (String other : new String[] {"Transfer-Encoding", "If-None-Match", "If-Match",
                "Origin", "x-amz-meta-", "x-amz-acl", "x-amz-grant-read", "x-amz-tagging", "x-amz-copy-source",
                "x-amz-checksum-type", "x-amz-checksum-mode",
                "x-amz-server-side-encryption", "x-amz-expected-bucket-owner",
                "X-Amz-Security-Token", "x-amz-object-lock-mode"}) {
            assertThat(PlainPut.plainHeader(other)).as(other).isFalse();
        }
    }
}
