package io.fs3.server.ops;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OpsResourceTest {
    @Test
    void onlyNumericLoopbackAddressesCountAsLocal() {
        assertThat(OpsResource.isLoopback("127.0.0.1")).isTrue();
        assertThat(OpsResource.isLoopback("127.5.6.7")).isTrue();
        assertThat(OpsResource.isLoopback("::1")).isTrue();
        assertThat(OpsResource.isLoopback("[::1]")).isTrue();
        assertThat(OpsResource.isLoopback("10.0.0.1")).isFalse();
        assertThat(OpsResource.isLoopback("2001:db8::1")).isFalse();
        assertThat(OpsResource.isLoopback("localhost")).as("names are never resolved").isFalse();
        assertThat(OpsResource.isLoopback(null)).isFalse();
    }
}
