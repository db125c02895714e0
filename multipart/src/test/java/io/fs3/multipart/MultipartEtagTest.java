package io.fs3.multipart;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MultipartEtagTest {
    @Test
    void etagIsMd5OfConcatenatedBinaryPartMd5sWithPartCount() throws Exception {
        List<Fixtures.Line> lines = Fixtures.read("etags.txt");
        assertThat(lines).hasSizeGreaterThanOrEqualTo(5);
        for (Fixtures.Line line : lines) {
            List<String> md5s = Arrays.asList(line.input().split(","));
            assertThat(MultipartEtag.of(md5s)).as(line.input()).isEqualTo(line.expected());
        }
    }

    @Test
    void partOrderChangesTheEtag() {
        String a = "79b281060d337b9b2b84ccf390adcf74";
        String b = "7aea2552dfe7eb84b9443b6fc9ba6e01";
        assertThat(MultipartEtag.of(List.of(a, b))).isNotEqualTo(MultipartEtag.of(List.of(b, a)));
    }
}
