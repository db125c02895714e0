package io.fs3.server.access;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Virtual-host-style requests ({@code bucket.s3.fs3.test}) from the AWS SDK with path style off, signed
 * with SigV4 over the Host the client used; names under the test domain resolve to loopback in the client.
 */
class VirtualHostIT {
    private static final String DOMAIN = "s3.fs3.test";

    @Test
    void bucketInTheHostNameAndPathStyleBothWork(@TempDir Path dir) throws Exception {
        try (MultiUserServer server = MultiUserServer.start(dir, Map.of("fs3.http.virtual-host-domains", DOMAIN), "alice")) {
            URI endpoint = URI.create("http://" + DOMAIN + ":" + server.endpoint().getPort());
            try (S3Client vhost = S3Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(server.keys("alice").provider()).forcePathStyle(false)
                    .httpClient(ApacheHttpClient.builder().dnsResolver(VirtualHostIT::loopback).build()).build();
                 S3Client pathStyle = server.client("alice")) {
                vhost.createBucket(b -> b.bucket("vhost-bucket"));
                vhost.putObject(b -> b.bucket("vhost-bucket").key("dir/a b+c.txt"), RequestBody.fromString("virtual"));
                assertThat(vhost.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("dir/a b+c.txt")).asUtf8String()).isEqualTo("virtual");
                assertThat(vhost.listObjectsV2(b -> b.bucket("vhost-bucket").prefix("dir/")).contents()).extracting(S3Object::key)
                        .containsExactly("dir/a b+c.txt");
                assertThat(vhost.getBucketAcl(b -> b.bucket("vhost-bucket")).owner().id()).isEqualTo("alice");
                assertThat(vhost.listBuckets().buckets()).extracting(b -> b.name()).containsExactly("vhost-bucket");
                assertThat(pathStyle.getObjectAsBytes(b -> b.bucket("vhost-bucket").key("dir/a b+c.txt")).asUtf8String())
                        .isEqualTo("virtual");
                vhost.deleteObject(b -> b.bucket("vhost-bucket").key("dir/a b+c.txt"));
                vhost.deleteBucket(b -> b.bucket("vhost-bucket"));
                assertThat(pathStyle.listBuckets().buckets()).isEmpty();
            }
        }
    }

    private static InetAddress[] loopback(String host) throws UnknownHostException {
        if (host.equals(DOMAIN) || host.endsWith("." + DOMAIN)) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        throw new UnknownHostException(host);
    }
}
