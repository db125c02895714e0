package io.fs3.server.access;

import io.fs3.server.it.CliTool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signature V2 from the old clients that still use it, each as a user of the users file: s3cmd with
 * {@code signature_v2 = True} and boto3 with {@code signature_version='s3'} (header and presigned query).
 * (botocore 1.29 signs path-style sub-resource requests such as {@code ?acl} as {@code /bucket?acl?acl}, which
 * S3 itself refuses too, so the boto3 script sticks to object and listing calls.)
 */
class SigV2ClientsIT {
    private static final String S3CMD = "/usr/bin/s3cmd";
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;
    @TempDir
    static Path home;
    static MultiUserServer server;

    @BeforeAll
    static void start() throws Exception {
        server = MultiUserServer.start(dir, Map.of(), "alice", "carol");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static Path s3cmdConfig(String user) throws Exception {
        MultiUserServer.Keys keys = server.keys(user);
        String hostPort = server.endpoint().getHost() + ":" + server.endpoint().getPort();
        return Files.writeString(home.resolve("s3cfg-" + user), String.join("\n", "[default]",
                "access_key = " + keys.accessKey(), "secret_key = " + keys.secretKey(), "host_base = " + hostPort,
                "host_bucket = " + hostPort, "use_https = False", "signature_v2 = True", "bucket_location = us-east-1",
                "multipart_chunk_size_mb = 8", "check_ssl_certificate = False", ""));
    }

    private static CliTool.Result s3cmd(String user, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(S3CMD, "-c", s3cmdConfig(user).toString(), "--no-progress", "--debug"));
        cmd.addAll(List.of(args));
        return CliTool.run(home, Map.of(), cmd);
    }

    private static String ok(String user, String... args) throws Exception {
        CliTool.Result r = s3cmd(user, args);
        assertThat(r.exitCode()).as(String.join(" ", args) + "\n" + r.output()).isZero();
        assertThat(r.output()).as("s3cmd stayed on V2 (it falls back to V4 if V2 is refused)")
                .contains("Using signature v2").doesNotContain("Using signature v4");
        return r.output();
    }

    @Test
    void s3cmdWithSignatureV2WorksAsAUserWithThatUsersPermissions() throws Exception {
        CliTool.require(S3CMD);
        Path file = Files.writeString(home.resolve("v2.txt"), "signed with HMAC-SHA1");
        ok("alice", "mb", "s3://v2-alice");
        ok("alice", "put", file.toString(), "s3://v2-alice/dir/v2.txt");
        assertThat(ok("alice", "ls", "s3://v2-alice/dir/")).contains("s3://v2-alice/dir/v2.txt");
        ok("alice", "get", "--force", "s3://v2-alice/dir/v2.txt", home.resolve("v2.back").toString());
        assertThat(Files.readString(home.resolve("v2.back"))).isEqualTo("signed with HMAC-SHA1");

        CliTool.Result denied = s3cmd("carol", "ls", "s3://v2-alice/dir/");
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("AccessDenied");

        URI anonymous = URI.create(server.endpoint() + "/v2-alice/dir/v2.txt");
        assertThat(get(anonymous).statusCode()).isEqualTo(403);
        ok("alice", "setacl", "--acl-public", "s3://v2-alice/dir/v2.txt");
        assertThat(ok("alice", "info", "s3://v2-alice/dir/v2.txt")).containsPattern("ACL:\\s+\\*anon\\*: READ");
        assertThat(get(anonymous).body()).isEqualTo("signed with HMAC-SHA1");

        ok("alice", "del", "s3://v2-alice/dir/v2.txt");
        ok("alice", "rb", "s3://v2-alice");
    }

    @Test
    void boto3WithTheS3SignerSignsHeadersAndPresignedUrls() throws Exception {
        CliTool.require(PYTHON);
        MultiUserServer.Keys keys = server.keys("alice");
        Path script = Files.writeString(home.resolve("sigv2.py"), String.join("\n",
                "import sys, boto3",
                "from botocore.config import Config",
                "endpoint, ak, sk = sys.argv[1], sys.argv[2], sys.argv[3]",
                "s3 = boto3.client('s3', endpoint_url=endpoint, region_name='us-east-1', aws_access_key_id=ak,",
                "    aws_secret_access_key=sk, config=Config(signature_version='s3', s3={'addressing_style': 'path'},",
                "    retries={'max_attempts': 1}))",
                "s3.create_bucket(Bucket='boto-v2')",
                "s3.put_object(Bucket='boto-v2', Key='a b+c.txt', Body=b'boto v2', ContentType='text/plain',",
                "    Metadata={'color': 'blue'})",
                "head = s3.head_object(Bucket='boto-v2', Key='a b+c.txt')",
                "assert head['Metadata'] == {'color': 'blue'}, head['Metadata']",
                "assert s3.get_object(Bucket='boto-v2', Key='a b+c.txt')['Body'].read() == b'boto v2'",
                "keys = [o['Key'] for o in s3.list_objects(Bucket='boto-v2', Prefix='a')['Contents']]",
                "assert keys == ['a b+c.txt'], keys",
                "assert 'boto-v2' in [b['Name'] for b in s3.list_buckets()['Buckets']]",
                "s3.put_object(Bucket='boto-v2', Key='gone.txt', Body=b'x')",
                "s3.delete_object(Bucket='boto-v2', Key='gone.txt')",
                "print('URL=' + s3.generate_presigned_url('get_object', Params={'Bucket': 'boto-v2', 'Key': 'a b+c.txt'},",
                "    ExpiresIn=300))",
                "print('BOTO3 SIGV2 OK')", ""));
        CliTool.Result r = CliTool.run(home, Map.of(), List.of(PYTHON, script.toString(), server.endpoint().toString(),
                keys.accessKey(), keys.secretKey()));
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("BOTO3 SIGV2 OK");
        String url = r.output().lines().filter(l -> l.startsWith("URL=")).findFirst().orElseThrow().substring(4);
        assertThat(url).contains("AWSAccessKeyId=" + keys.accessKey()).contains("Signature=").contains("Expires=");
        HttpResponse<String> presigned = get(URI.create(url));
        assertThat(presigned.statusCode()).isEqualTo(200);
        assertThat(presigned.body()).isEqualTo("boto v2");
        assertThat(get(URI.create(url.replace("a%20b", "a%20B"))).statusCode()).as("the signature covers the key").isEqualTo(403);
    }

    private static HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}
