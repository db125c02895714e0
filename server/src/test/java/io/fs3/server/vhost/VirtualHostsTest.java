package io.fs3.server.vhost;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class VirtualHostsTest {
    private final VirtualHosts hosts = new VirtualHosts(List.of("s3.example.com", "S3.Other.Test"));

    @Test
    void bucketIsTheLabelsBeforeAConfiguredDomain() {
        assertThat(hosts.bucketOf("photos.s3.example.com")).contains("photos");
        assertThat(hosts.bucketOf("photos.s3.example.com:9000")).contains("photos");
        assertThat(hosts.bucketOf("my.dotted.bucket.s3.example.com")).contains("my.dotted.bucket");
        assertThat(hosts.bucketOf("Logs.S3.Other.Test.")).contains("logs");
    }

    @Test
    void everythingElseIsPathStyle() {
        assertThat(hosts.bucketOf("s3.example.com")).isEmpty();
        assertThat(hosts.bucketOf("127.0.0.1:9000")).isEmpty();
        assertThat(hosts.bucketOf("[::1]:9000")).isEmpty();
        assertThat(hosts.bucketOf("evil-s3.example.com")).isEmpty();
        assertThat(hosts.bucketOf(null)).isEmpty();
        assertThat(new VirtualHosts(List.of()).bucketOf("photos.s3.example.com")).isEqualTo(Optional.empty());
    }
}
