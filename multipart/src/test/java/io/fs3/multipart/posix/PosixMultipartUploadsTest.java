package io.fs3.multipart.posix;

import io.fs3.config.MetadataMode;
import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompleteResult;
import io.fs3.multipart.CompletedPart;
import io.fs3.multipart.MultipartEtag;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartsPage;
import io.fs3.multipart.UploadId;
import io.fs3.multipart.UploadsPage;
import io.fs3.multipart.UploadsQuery;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ListRequest;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.fs3.multipart.posix.TestUploads.BUCKET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PosixMultipartUploadsTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @EnumSource(value = MetadataMode.class, names = {"XATTR", "SIDECAR"})
    void completePublishesTheListedPartsWithTheMultipartEtagAndPartSizes(MetadataMode mode) throws Exception {
        TestUploads t = new TestUploads(root, mode);
        UploadId id = t.create("dir/obj.txt");
        PartInfo p1 = t.part("dir/obj.txt", id, 1, "first-");
        PartInfo p2 = t.part("dir/obj.txt", id, 2, "not listed-");
        PartInfo p3 = t.part("dir/obj.txt", id, 3, "third");
        CompleteResult r = t.complete("dir/obj.txt", id, p1, p3);
        assertThat(Files.readString(root.resolve("b/dir/obj.txt"))).isEqualTo("first-third");
        assertThat(r.etag()).isEqualTo(MultipartEtag.of(List.of(p1.etag(), p3.etag())));
        ObjectMetadata m = t.backend.objects().head(BUCKET, ObjectKey.of("dir/obj.txt"));
        assertThat(m.etag()).isEqualTo(r.etag());
        assertThat(m.partSizes()).containsExactly(6L, 5L);
        assertThat(m.content().contentType()).isEqualTo("text/plain");
        assertThat(m.userMetadata()).containsEntry("color", "blue");
        assertThat(t.backend.lister().list(BUCKET, new ListRequest(null, null, null, 100)).objects())
                .singleElement().satisfies(o -> assertThat(o.etag()).isEqualTo(r.etag()));
        assertThat(p2.size()).isEqualTo(11);
        assertThat(t.stagingRoot()).isEmptyDirectory();
    }

    @Test
    void aPartUploadedAgainReplacesTheFirstWhole() throws Exception {
        TestUploads t = new TestUploads(root);
        UploadId id = t.create("k");
        t.part("k", id, 1, "old bytes");
        PartInfo again = t.part("k", id, 1, "new!");
        PartsPage page = t.uploads.listParts(BUCKET, ObjectKey.of("k"), id, 0, 100);
        assertThat(page.parts()).singleElement().satisfies(p -> assertThat(p.etag()).isEqualTo(again.etag()));
        try (var files = Files.list(t.stagingRoot().resolve(id + ".mpu"))) {
            assertThat(files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("part-00001.")).count())
                    .as("the replaced part's data is removed").isEqualTo(1);
        }
        t.complete("k", id, again);
        assertThat(Files.readString(root.resolve("b/k"))).isEqualTo("new!");
    }

    @Test
    void aRefusedCompleteLeavesTheUploadCompletable() throws Exception {
        TestUploads t = new TestUploads(root);
        UploadId id = t.create("k");
        PartInfo p1 = t.part("k", id, 1, "ab"); // below the 4-byte minimum
        PartInfo p2 = t.part("k", id, 2, "cd");
        assertThatThrownBy(() -> t.complete("k", id, p1, p2)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.ENTITY_TOO_SMALL));
        PartInfo bigger = t.part("k", id, 1, "abcd");
        t.complete("k", id, bigger, p2);
        assertThat(Files.readString(root.resolve("b/k"))).isEqualTo("abcdcd");
    }

    @Test
    void unknownUploadsAndOtherKeysAreNoSuchUpload() throws Exception {
        TestUploads t = new TestUploads(root);
        UploadId id = t.create("k");
        assertThatThrownBy(() -> t.part("other", id, 1, "x")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.NO_SUCH_UPLOAD));
        assertThatThrownBy(() -> UploadId.parse("../../etc")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.NO_SUCH_UPLOAD));
        t.uploads.abort(BUCKET, ObjectKey.of("k"), id);
        assertThatThrownBy(() -> t.part("k", id, 1, "x")).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.NO_SUCH_UPLOAD));
        assertThatThrownBy(() -> t.uploads.abort(BUCKET, ObjectKey.of("k"), id)).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.error()).isEqualTo(S3Error.NO_SUCH_UPLOAD));
        assertThat(t.stagingRoot()).isEmptyDirectory();
    }

    @Test
    void listPartsPagesByPartNumber() throws Exception {
        TestUploads t = new TestUploads(root);
        UploadId id = t.create("k");
        for (int n : new int[]{1, 2, 3, 5, 8}) {
            t.part("k", id, n, "part" + n);
        }
        PartsPage first = t.uploads.listParts(BUCKET, ObjectKey.of("k"), id, 0, 2);
        assertThat(first.parts()).extracting(PartInfo::number).containsExactly(1, 2);
        assertThat(first.truncated()).isTrue();
        PartsPage second = t.uploads.listParts(BUCKET, ObjectKey.of("k"), id, first.nextMarker(), 2);
        assertThat(second.parts()).extracting(PartInfo::number).containsExactly(3, 5);
        PartsPage last = t.uploads.listParts(BUCKET, ObjectKey.of("k"), id, second.nextMarker(), 2);
        assertThat(last.parts()).extracting(PartInfo::number).containsExactly(8);
        assertThat(last.truncated()).isFalse();
    }

    @Test
    void listUploadsOrdersByKeyThenInitiationAndRollsUpPrefixes() throws Exception {
        TestUploads t = new TestUploads(root);
        UploadId a1 = t.create("a");
        t.clock.advance(java.time.Duration.ofSeconds(1));
        UploadId a2 = t.create("a");
        t.create("dir/x");
        t.create("dir/y");
        UploadId z = t.create("z");
        UploadsPage all = t.uploads.listUploads(BUCKET, new UploadsQuery(null, "/", null, null, 1000));
        assertThat(all.uploads()).extracting(u -> u.key() + ":" + u.id())
                .containsExactly("a:" + a1, "a:" + a2, "z:" + z);
        assertThat(all.commonPrefixes()).containsExactly("dir/");
        UploadsPage p1 = t.uploads.listUploads(BUCKET, new UploadsQuery(null, "/", null, null, 2));
        assertThat(p1.truncated()).isTrue();
        assertThat(p1.nextKeyMarker()).isEqualTo("a");
        assertThat(p1.nextUploadIdMarker()).isEqualTo(a2.value());
        UploadsPage p2 = t.uploads.listUploads(BUCKET, new UploadsQuery(null, "/", p1.nextKeyMarker(),
                p1.nextUploadIdMarker(), 1));
        assertThat(p2.commonPrefixes()).containsExactly("dir/");
        assertThat(p2.nextKeyMarker()).isEqualTo("dir/");
        UploadsPage p3 = t.uploads.listUploads(BUCKET, new UploadsQuery(null, "/", p2.nextKeyMarker(), null, 1));
        assertThat(p3.uploads()).extracting(u -> u.key()).containsExactly("z");
        assertThat(p3.truncated()).isFalse();
        assertThat(t.uploads.listUploads(BUCKET, new UploadsQuery("dir/", null, null, null, 10)).uploads())
                .extracting(u -> u.key()).containsExactly("dir/x", "dir/y");
    }

    @Test
    void uploadsSurviveANewInstanceOnTheSameRoot() throws Exception {
        TestUploads a = new TestUploads(root);
        UploadId id = a.create("k");
        PartInfo p1 = a.part("k", id, 1, "from A ");
        TestUploads b = new TestUploads(root);
        PartInfo p2 = b.part("k", id, 2, "from B");
        a.uploads.prepareComplete(BUCKET, ObjectKey.of("k"), id, new CompleteRequest(List.of(
                new CompletedPart(1, p1.etag(), Map.of()), new CompletedPart(2, p2.etag(), Map.of())), 13L)).finish();
        assertThat(Files.readString(root.resolve("b/k"))).isEqualTo("from A from B");
    }

    @Test
    void theAclGivenAtCreationIsRecordedWithTheCompletedObjectEvenAfterARestart() throws Exception {
        TestUploads a = new TestUploads(root);
        UploadId id = a.uploads.create(BUCKET, ObjectKey.of("acl.txt"), new NewUpload(ContentHeaders.NONE, Map.of(),
                Map.of(), null, null, "owner=bob;grants=AllUsers:READ")).id();
        PartInfo p1 = a.part("acl.txt", id, 1, "data");
        TestUploads b = new TestUploads(root); // the manifest, not memory, carries it
        b.uploads.prepareComplete(BUCKET, ObjectKey.of("acl.txt"), id, new CompleteRequest(List.of(
                new CompletedPart(1, p1.etag(), Map.of())), 4L)).finish();
        assertThat(b.backend.objectAcls().read(BUCKET, ObjectKey.of("acl.txt"))).contains("owner=bob;grants=AllUsers:READ");
        UploadId plain = b.create("plain.txt");
        PartInfo q1 = b.part("plain.txt", plain, 1, "x");
        b.complete("plain.txt", plain, q1);
        assertThat(b.backend.objectAcls().read(BUCKET, ObjectKey.of("plain.txt"))).isEmpty();
    }
}
