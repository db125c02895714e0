package io.fs3.multipart.posix;

import io.fs3.config.MultipartSettings;
import io.fs3.multipart.Checksummer;
import io.fs3.multipart.ChecksumType;
import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.Completion;
import io.fs3.multipart.CompletionPlan;
import io.fs3.multipart.CrcCombine;
import io.fs3.multipart.MultipartUploads;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.ObjectChecksums;
import io.fs3.multipart.PartBody;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartSource;
import io.fs3.multipart.PartsPage;
import io.fs3.multipart.UploadId;
import io.fs3.multipart.UploadInfo;
import io.fs3.multipart.UploadsPage;
import io.fs3.multipart.UploadsQuery;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.posix.AtomicWriter;
import io.fs3.storage.posix.FsErrors;
import io.fs3.storage.posix.KeyMapper;
import io.fs3.storage.posix.PosixBackend;
import io.fs3.storage.posix.Publisher;
import io.micrometer.core.instrument.MeterRegistry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;

/**
 * Multipart uploads in the bucket's own tree: buckets and keys resolve through fs-mapper's
 * {@link KeyMapper} (so staging is never reachable through a key), parts go through {@link PartWriter},
 * completion through {@link Completer}, listings through {@link UploadLister}.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/mpuoverview.html
 */
public final class PosixMultipartUploads implements MultipartUploads {
    private final KeyMapper keys;
    private final AtomicWriter writer;
    private final StagingLayout layout;
    private final PartWriter parts;
    private final Completer completer;
    private final UploadLister lister;
    private final Publisher publisher;
    private final Clock clock;

    public PosixMultipartUploads(PosixBackend backend, MultipartSettings settings, Checksummer checksummer, Clock clock) {
        this.keys = backend.keys();
        this.writer = backend.writer();
        this.layout = new StagingLayout(keys.reservedDir(), settings.stagingSuffix());
        this.parts = new PartWriter(writer, layout, checksummer, clock);
        this.publisher = backend.publisher();
        CompletionTools tools = new CompletionTools(new Assembler(settings.kernelCopy(), writer.fsync()),
                new ObjectChecksums(checksummer), backend.metadataStore(), publisher, backend.metadataLoader());
        this.completer = new Completer(layout, tools, settings.minPartSize());
        this.lister = new UploadLister(layout);
        this.clock = clock;
    }

    /** The janitor for the same tree and settings. */
    public StagingJanitor janitor(MultipartSettings settings, MeterRegistry registry) {
        return new StagingJanitor(keys.root(), layout, settings.expiry(), settings.sweepInterval(), clock, registry);
    }

    /**
     * CreateMultipartUpload: the staging directory, then its manifest by rename; until the manifest lands
     * the upload does not exist (a crash in between leaves a directory the sweep expires like any upload).
     */
    @Override
    public UploadInfo create(BucketName bucket, ObjectKey key, NewUpload upload) {
        Path bucketDir = keys.requireBucket(bucket);
        Path target = keys.objectPath(bucketDir, key);
        if (key.isFolder()) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "Keys ending in '/' are directories and cannot be uploaded in parts.")
                    .withResource(key.value());
        }
        if (upload.checksumType() == ChecksumType.FULL_OBJECT && CrcCombine.of(upload.checksumAlgorithm()) == null) {
            throw S3Exception.of(S3Error.INVALID_REQUEST, "The FULL_OBJECT checksum type is only available for CRC checksums.");
        }
        publisher.checkParents(bucketDir, target);
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY).withResource(key.value());
        }
        UploadId id = UploadId.generate(clock.instant());
        Manifest manifest = new Manifest(key.value(), clock.instant(), upload);
        Path temp = null;
        try {
            temp = writer.newTempFile(bucketDir);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(manifest.encode()));
                if (writer.fsync()) {
                    out.force(true);
                }
            }
            Path dir = Files.createDirectories(layout.upload(bucketDir, id));
            Files.move(temp, dir.resolve(StagingLayout.MANIFEST), StandardCopyOption.ATOMIC_MOVE);
            writer.syncDirectory(dir);
            writer.syncDirectory(layout.root(bucketDir));
            return manifest.info(id);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_BUCKET, key.value());
        } finally {
            PartWriter.deleteQuietly(temp);
        }
    }

    @Override
    public PartInfo uploadPart(BucketName bucket, ObjectKey key, UploadId id, int partNumber, PartBody body) {
        CompletionPlan.checkPartNumber(partNumber);
        return parts.write(keys.requireBucket(bucket), key.value(), id, partNumber, body.body(), body.length(),
                body.contentMd5(), body.verifiedChecksums());
    }

    @Override
    public PartInfo copyPart(BucketName bucket, ObjectKey key, UploadId id, int partNumber, PartSource source) {
        CompletionPlan.checkPartNumber(partNumber);
        return parts.copy(keys.requireBucket(bucket), key.value(), id, partNumber, source);
    }

    @Override
    public Completion prepareComplete(BucketName bucket, ObjectKey key, UploadId id, CompleteRequest request) {
        Path bucketDir = keys.requireBucket(bucket);
        Path target = keys.objectPath(bucketDir, key);
        return completer.prepare(new PosixCompletion.Target(bucketDir, key.value(), target), id, request);
    }

    /** AbortMultipartUpload: renamed out of reach first (a part arriving later fails), then deleted. */
    @Override
    public void abort(BucketName bucket, ObjectKey key, UploadId id) {
        Path bucketDir = keys.requireBucket(bucket);
        Path dir = layout.upload(bucketDir, id);
        Manifest.require(dir, key.value(), id);
        try {
            if (!Trees.discard(dir, layout.aborting(bucketDir, id))) {
                throw S3Exception.of(S3Error.NO_SUCH_UPLOAD).withResource(key.value()); // completed or aborted meanwhile
            }
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_UPLOAD, key.value());
        }
    }

    @Override
    public PartsPage listParts(BucketName bucket, ObjectKey key, UploadId id, int partNumberMarker, int maxParts) {
        return lister.parts(keys.requireBucket(bucket), key.value(), id, partNumberMarker, maxParts);
    }

    @Override
    public UploadsPage listUploads(BucketName bucket, UploadsQuery query) {
        return lister.uploads(keys.requireBucket(bucket), query);
    }

    private static void deleteTree(Path path) {
        if (path == null) {
            return;
        }
        try {
            Trees.delete(path);
        } catch (IOException ignored) {
            // the janitor sweeps what is left
        }
    }
}
