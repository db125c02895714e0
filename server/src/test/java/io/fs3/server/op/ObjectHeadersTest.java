package io.fs3.server.op;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ObjectHeadersTest {
    @Test
    void aPartCountSuffixMarksACompositeChecksum() {
        assertThat(ObjectHeaders.checksumType("AAAAAA==-12")).isEqualTo("COMPOSITE");
        assertThat(ObjectHeaders.checksumType("Kp3G0A==-1")).isEqualTo("COMPOSITE");
        assertThat(ObjectHeaders.checksumType("Kp3G0A==")).isEqualTo("FULL_OBJECT");
        assertThat(ObjectHeaders.checksumType("Kp3G0A==-")).isEqualTo("FULL_OBJECT");
        assertThat(ObjectHeaders.checksumType("-3")).isEqualTo("FULL_OBJECT");
    }
}
