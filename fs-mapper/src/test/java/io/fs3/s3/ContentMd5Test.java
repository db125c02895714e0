package io.fs3.s3;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContentMd5Test {
    @Test
    void decodesTheDigestAndToleratesSurroundingSpace() throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5").digest("hello".getBytes(StandardCharsets.UTF_8));
        assertThat(ContentMd5.decode(" " + Base64.getEncoder().encodeToString(md5) + " ")).isEqualTo(md5);
        assertThat(ContentMd5.decode(null)).isNull();
    }

    @Test
    void anythingButSixteenBase64BytesIsInvalidDigest() {
        for (String bad : new String[] {"", "not base64!", Base64.getEncoder().encodeToString(new byte[15]),
                Base64.getEncoder().encodeToString(new byte[32]), "d41d8cd98f00b204e9800998ecf8427e"}) {
            assertThatThrownBy(() -> ContentMd5.decode(bad)).as(bad).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.error()).isEqualTo(S3Error.INVALID_DIGEST));
        }
    }
}
