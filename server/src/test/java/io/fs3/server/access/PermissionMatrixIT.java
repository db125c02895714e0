package io.fs3.server.access;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AccessControlPolicy;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who may do what, over real HTTP with the AWS SDK: alice owns bucket "matrix" and granted bob READ, WRITE and
 * READ_ACP on it; carol has no grant; anonymous requests carry no signature. Each cell is one request.
 */
class PermissionMatrixIT {
    @TempDir
    static Path dir;
    static MultiUserServer server;
    static Map<String, S3Client> clients;

    enum Action {
        HEAD_BUCKET((s, who) -> s.headBucket(b -> b.bucket("matrix"))),
        LIST_OBJECTS((s, who) -> s.listObjectsV2(b -> b.bucket("matrix"))),
        PUT_OBJECT((s, who) -> s.putObject(b -> b.bucket("matrix").key("by-" + who), RequestBody.fromString(who))),
        DELETE_OBJECT((s, who) -> s.deleteObject(b -> b.bucket("matrix").key("victim-" + who))),
        GET_BUCKET_ACL((s, who) -> s.getBucketAcl(b -> b.bucket("matrix"))),
        PUT_BUCKET_ACL((s, who) -> s.putBucketAcl(b -> b.bucket("matrix").grantRead("id=bob").grantWrite("id=bob")
                .grantReadACP("id=bob"))),
        GET_OBJECT((s, who) -> s.getObjectAsBytes(b -> b.bucket("matrix").key("doc.txt"))),
        HEAD_OBJECT((s, who) -> s.headObject(b -> b.bucket("matrix").key("doc.txt"))),
        GET_OBJECT_ACL((s, who) -> s.getObjectAcl(b -> b.bucket("matrix").key("doc.txt"))),
        PUT_OBJECT_ACL((s, who) -> s.putObjectAcl(b -> b.bucket("matrix").key("doc.txt").acl(ObjectCannedACL.PRIVATE))),
        PUT_BUCKET_TAGGING((s, who) -> s.putBucketTagging(b -> b.bucket("matrix")
                .tagging(t -> t.tagSet(tag -> tag.key("team").value("a"))))),
        DELETE_BUCKET((s, who) -> s.deleteBucket(b -> b.bucket("matrix-empty")));

        final BiConsumer<S3Client, String> call;

        Action(BiConsumer<S3Client, String> call) {
            this.call = call;
        }
    }

    @BeforeAll
    static void start() throws Exception {
        server = MultiUserServer.start(dir, Map.of(), "alice", "bob", "carol");
        clients = Map.of("alice", server.client("alice"), "bob", server.client("bob"), "carol", server.client("carol"),
                "anonymous", server.anonymous(), "admin", server.client("admin"));
        S3Client alice = clients.get("alice");
        alice.createBucket(b -> b.bucket("matrix").grantRead("id=bob").grantWrite("id=bob").grantReadACP("id=bob"));
        alice.createBucket(b -> b.bucket("matrix-empty").grantFullControl("id=bob"));
        alice.putObject(b -> b.bucket("matrix").key("doc.txt"), RequestBody.fromString("alice's document"));
        for (String who : List.of("alice", "bob", "carol", "anonymous")) {
            alice.putObject(b -> b.bucket("matrix").key("victim-" + who), RequestBody.fromString("x"));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        clients.values().forEach(S3Client::close);
        server.close();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cells = new ArrayList<>();
        for (Action a : Action.values()) {
            boolean bobMay = switch (a) {
                case HEAD_BUCKET, LIST_OBJECTS, PUT_OBJECT, DELETE_OBJECT, GET_BUCKET_ACL, GET_OBJECT, HEAD_OBJECT -> true;
                default -> false;
            };
            cells.add(Arguments.of("carol", a, false));
            cells.add(Arguments.of("anonymous", a, false));
            cells.add(Arguments.of("bob", a, bobMay));
        }
        // the owner last: PutObjectAcl and DeleteBucket change the state the other cells look at
        for (Action a : Action.values()) {
            cells.add(Arguments.of("alice", a, true));
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> allowed={2}")
    @MethodSource("matrix")
    void permissionMatrix(String who, Action action, boolean allowed) {
        S3Client client = clients.get(who);
        if (allowed) {
            assertThatCode(() -> action.call.accept(client, who)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> action.call.accept(client, who)).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.statusCode()).isEqualTo(403);
                if (e.awsErrorDetails().errorCode() != null) { // HEAD responses have no body
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                }
            });
        }
    }

    @Test
    void listBucketsShowsOwnedAndGrantedBucketsOnly() {
        assertThat(names(clients.get("alice"))).contains("matrix");
        assertThat(names(clients.get("bob"))).contains("matrix");
        assertThat(names(clients.get("carol"))).doesNotContain("matrix");
        assertThat(clients.get("carol").listBuckets().owner().id()).isEqualTo("carol");
        assertThat(names(clients.get("admin"))).contains("matrix");
        assertThatThrownBy(() -> clients.get("anonymous").listBuckets()).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void aMissingKeyIsNoSuchKeyOnlyForThoseWhoMayReadTheBucket() {
        for (String outsider : List.of("carol", "anonymous")) {
            assertThatThrownBy(() -> clients.get(outsider).getObject(b -> b.bucket("matrix").key("nothing-here")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                    });
        }
        assertThatThrownBy(() -> clients.get("bob").getObject(b -> b.bucket("matrix").key("nothing-here")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey"));
    }

    @Test
    void publicReadBucketLetsAnyoneReadAndListButNotWrite() throws Exception {
        S3Client alice = clients.get("alice");
        alice.createBucket(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ));
        alice.putObject(b -> b.bucket("public").key("readme.txt"), RequestBody.fromString("hello world"));
        S3Client anonymous = clients.get("anonymous");
        assertThat(anonymous.getObjectAsBytes(b -> b.bucket("public").key("readme.txt")).asUtf8String()).isEqualTo("hello world");
        assertThat(anonymous.listObjectsV2(b -> b.bucket("public")).contents()).extracting(o -> o.key()).contains("readme.txt");
        assertThat(rawGet("/public/readme.txt").body()).isEqualTo("hello world");
        assertThatThrownBy(() -> anonymous.putObject(b -> b.bucket("public").key("x"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> clients.get("carol").deleteObject(b -> b.bucket("public").key("readme.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(names(clients.get("carol"))).contains("public");
    }

    @Test
    void publicReadWriteBucketTakesAnonymousUploadsOwnedByTheBucketOwner() {
        clients.get("alice").createBucket(b -> b.bucket("dropbox").acl(BucketCannedACL.PUBLIC_READ_WRITE));
        S3Client anonymous = clients.get("anonymous");
        anonymous.putObject(b -> b.bucket("dropbox").key("drop.txt"), RequestBody.fromString("anonymous upload"));
        assertThat(clients.get("alice").getObjectAsBytes(b -> b.bucket("dropbox").key("drop.txt")).asUtf8String())
                .isEqualTo("anonymous upload");
        assertThatThrownBy(() -> anonymous.getObjectAcl(b -> b.bucket("dropbox").key("drop.txt")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(clients.get("alice").getObjectAcl(b -> b.bucket("dropbox").key("drop.txt")).owner().id()).isEqualTo("alice");
    }

    @Test
    void anObjectAclPublishesOneObjectOfAPrivateBucket() throws Exception {
        S3Client alice = clients.get("alice");
        alice.createBucket(b -> b.bucket("private-with-one-public"));
        alice.putObject(b -> b.bucket("private-with-one-public").key("open.txt").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("open"));
        alice.putObject(b -> b.bucket("private-with-one-public").key("closed.txt"), RequestBody.fromString("closed"));
        assertThat(rawGet("/private-with-one-public/open.txt").statusCode()).isEqualTo(200);
        assertThat(rawGet("/private-with-one-public/closed.txt").statusCode()).isEqualTo(403);
        assertThat(rawGet("/private-with-one-public?list-type=2").statusCode()).isEqualTo(403);
        List<Grant> grants = alice.getObjectAcl(b -> b.bucket("private-with-one-public").key("open.txt")).grants();
        assertThat(grants).anyMatch(g -> g.grantee().type() == Type.GROUP && g.permission() == Permission.READ
                && g.grantee().uri().endsWith("/AllUsers"));
        // overwriting the object without ACL headers makes it private again, as in S3
        alice.putObject(b -> b.bucket("private-with-one-public").key("open.txt"), RequestBody.fromString("again"));
        assertThat(rawGet("/private-with-one-public/open.txt").statusCode()).isEqualTo(403);
    }

    @Test
    void aMultipartUploadKeepsTheAclAndOwnerOfItsCreateRequest() throws Exception {
        S3Client alice = clients.get("alice");
        alice.createBucket(b -> b.bucket("mpu-acl"));
        String id = alice.createMultipartUpload(b -> b.bucket("mpu-acl").key("open.bin").acl(ObjectCannedACL.PUBLIC_READ))
                .uploadId();
        String etag = alice.uploadPart(b -> b.bucket("mpu-acl").key("open.bin").uploadId(id).partNumber(1),
                RequestBody.fromString("public via multipart")).eTag();
        alice.completeMultipartUpload(b -> b.bucket("mpu-acl").key("open.bin").uploadId(id)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(etag))));
        assertThat(rawGet("/mpu-acl/open.bin").body()).isEqualTo("public via multipart");
        assertThat(alice.getObjectAcl(b -> b.bucket("mpu-acl").key("open.bin")).grants())
                .anySatisfy(g -> assertThat(g.grantee().uri()).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers"));

        // bob (granted WRITE on "matrix") owns what he uploads in parts, as with a single PUT
        S3Client bob = clients.get("bob");
        String bobs = bob.createMultipartUpload(b -> b.bucket("matrix").key("bobs-parts.bin")).uploadId();
        String bobsEtag = bob.uploadPart(b -> b.bucket("matrix").key("bobs-parts.bin").uploadId(bobs).partNumber(1),
                RequestBody.fromString("bob")).eTag();
        bob.completeMultipartUpload(b -> b.bucket("matrix").key("bobs-parts.bin").uploadId(bobs)
                .multipartUpload(m -> m.parts(p -> p.partNumber(1).eTag(bobsEtag))));
        assertThat(bob.getObjectAcl(b -> b.bucket("matrix").key("bobs-parts.bin")).owner().id()).isEqualTo("bob");
        alice.deleteObject(b -> b.bucket("matrix").key("bobs-parts.bin"));

        // a bad grant refuses the upload before it exists
        assertThatThrownBy(() -> alice.createMultipartUpload(b -> b.bucket("mpu-acl").key("bad").grantRead("id=nobody-known")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
        assertThat(alice.listMultipartUploads(b -> b.bucket("mpu-acl")).uploads()).isEmpty();
    }

    @Test
    void aGranteeOwnsWhatItWritesAndTheBucketOwnerKeepsControl() {
        S3Client bob = clients.get("bob");
        bob.putObject(b -> b.bucket("matrix").key("bobs.txt"), RequestBody.fromString("bob"));
        assertThat(bob.getObjectAcl(b -> b.bucket("matrix").key("bobs.txt")).owner().id()).isEqualTo("bob");
        bob.putObjectAcl(b -> b.bucket("matrix").key("bobs.txt").grantRead("id=carol"));
        assertThat(clients.get("carol").getObjectAsBytes(b -> b.bucket("matrix").key("bobs.txt")).asUtf8String()).isEqualTo("bob");
        assertThat(clients.get("alice").getObjectAcl(b -> b.bucket("matrix").key("bobs.txt")).grants()).hasSize(2);
        clients.get("alice").deleteObject(b -> b.bucket("matrix").key("bobs.txt"));
    }

    @Test
    void aclDocumentsGrantAndRevoke() {
        S3Client alice = clients.get("alice");
        alice.createBucket(b -> b.bucket("xml-acl"));
        alice.putObject(b -> b.bucket("xml-acl").key("k"), RequestBody.fromString("v"));
        S3Client carol = clients.get("carol");
        assertThatThrownBy(() -> carol.listObjectsV2(b -> b.bucket("xml-acl"))).isInstanceOf(S3Exception.class);
        var owner = alice.getBucketAcl(b -> b.bucket("xml-acl")).owner();
        alice.putBucketAcl(b -> b.bucket("xml-acl").accessControlPolicy(AccessControlPolicy.builder().owner(owner)
                .grants(Grant.builder().grantee(Grantee.builder().type(Type.CANONICAL_USER).id("carol").build())
                        .permission(Permission.READ).build()).build()));
        assertThat(carol.listObjectsV2(b -> b.bucket("xml-acl")).contents()).hasSize(1);
        assertThat(carol.getObjectAsBytes(b -> b.bucket("xml-acl").key("k")).asUtf8String()).isEqualTo("v");
        assertThat(alice.getBucketAcl(b -> b.bucket("xml-acl")).grants()).extracting(g -> g.grantee().id())
                .containsExactly("alice", "carol");
        alice.putBucketAcl(b -> b.bucket("xml-acl").acl(BucketCannedACL.PRIVATE));
        assertThatThrownBy(() -> carol.listObjectsV2(b -> b.bucket("xml-acl"))).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> alice.putBucketAcl(b -> b.bucket("xml-acl").grantRead("id=nobody-known")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    }

    @Test
    void authenticatedReadIsForSignedInUsersOnly() throws Exception {
        clients.get("alice").createBucket(b -> b.bucket("members").acl(BucketCannedACL.AUTHENTICATED_READ));
        clients.get("alice").putObject(b -> b.bucket("members").key("m.txt"), RequestBody.fromString("m"));
        assertThat(clients.get("carol").getObjectAsBytes(b -> b.bucket("members").key("m.txt")).asUtf8String()).isEqualTo("m");
        assertThat(rawGet("/members/m.txt").statusCode()).isEqualTo(403);
    }

    @Test
    void aBucketNameIsTakenByItsOwner() {
        assertThatThrownBy(() -> clients.get("carol").createBucket(b -> b.bucket("matrix")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketAlreadyExists");
                });
        assertThatCode(() -> clients.get("alice").createBucket(b -> b.bucket("matrix"))).doesNotThrowAnyException();
        assertThat(clients.get("alice").getBucketAcl(b -> b.bucket("matrix")).owner().id()).isEqualTo("alice");
    }

    @Test
    void presignedUrlsActWithTheSignersPermissions() throws Exception {
        for (String who : List.of("bob", "carol")) {
            try (var presigner = software.amazon.awssdk.services.s3.presigner.S3Presigner.builder()
                    .endpointOverride(server.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                    .credentialsProvider(server.keys(who).provider())
                    .serviceConfiguration(software.amazon.awssdk.services.s3.S3Configuration.builder()
                            .pathStyleAccessEnabled(true).build()).build()) {
                URI url = presigner.presignGetObject(p -> p.signatureDuration(Duration.ofDays(7))
                        .getObjectRequest(g -> g.bucket("matrix").key("doc.txt"))).url().toURI();
                int status = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                assertThat(status).as(who).isEqualTo(who.equals("bob") ? 200 : 403);
            }
        }
    }

    @Test
    void theAdminMayDoEverything() {
        S3Client admin = clients.get("admin");
        assertThat(admin.getObjectAsBytes(b -> b.bucket("matrix").key("doc.txt")).asUtf8String()).isEqualTo("alice's document");
        assertThat(admin.getBucketAcl(b -> b.bucket("matrix")).owner().id()).isEqualTo("alice");
    }

    private static List<String> names(S3Client client) {
        return client.listBuckets().buckets().stream().map(Bucket::name).toList();
    }

    private static HttpResponse<String> rawGet(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.endpoint() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
