package io.fs3.multipart.posix;

import io.fs3.multipart.Checksummer;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.PartSource;
import io.fs3.multipart.UploadId;
import io.fs3.s3.ContentMd5;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.storage.posix.AtomicWriter;
import io.fs3.storage.posix.FsErrors;
import io.fs3.storage.posix.StreamedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * UploadPart and UploadPartCopy: the bytes stream through {@link AtomicWriter} into a temp file (verified,
 * constant memory), move into the upload's directory under a fresh name, and take effect when the part's
 * record is renamed over the previous one. An upload aborted or claimed meanwhile makes the moves fail:
 * NoSuchUpload, and nothing of the part remains. https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPart.html
 */
final class PartWriter {
    private final AtomicWriter writer;
    private final StagingLayout layout;
    private final Checksummer checksummer;
    private final Clock clock;

    PartWriter(AtomicWriter writer, StagingLayout layout, Checksummer checksummer, Clock clock) {
        this.writer = writer;
        this.layout = layout;
        this.checksummer = checksummer;
        this.clock = clock;
    }

    PartInfo write(Path bucketDir, String key, UploadId id, int number, InputStream body, long length,
                   String contentMd5, Supplier<Map<String, String>> verifiedChecksums) {
        Path dir = layout.upload(bucketDir, id);
        String algorithm = Manifest.require(dir, key, id).upload().checksumAlgorithm();
        byte[] expectedMd5 = ContentMd5.decode(contentMd5);
        // The upload's algorithm is computed here too, so the object checksum exists even for parts sent without it.
        Checksummer.Hasher own = algorithm == null ? null : checksummer.newHasher(algorithm);
        Path temp = null;
        try {
            temp = writer.tempPath(bucketDir); // stream() creates the temp directory if it is missing
            StreamedFile streamed = writer.stream(own == null ? body : new HashingInputStream(body, own), temp, length);
            if (expectedMd5 != null && !MessageDigest.isEqual(expectedMd5, streamed.md5())) {
                throw S3Exception.of(S3Error.BAD_DIGEST).withResource(key);
            }
            Map<String, String> checksums = new TreeMap<>(verifiedChecksums.get());
            if (own != null) {
                checksums.putIfAbsent(algorithm, Base64.getEncoder().encodeToString(own.digest()));
            }
            PartInfo info = new PartInfo(number, HexFormat.of().formatHex(streamed.md5()), streamed.size(),
                    clock.instant(), checksums);
            commit(bucketDir, dir, temp, info);
            return info;
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_UPLOAD, key);
        } finally {
            deleteQuietly(temp);
        }
    }

    PartInfo copy(Path bucketDir, String key, UploadId id, int number, PartSource source) {
        FileChannel ch = source.source().channel();
        InputStream in = ch == null ? InputStream.nullInputStream() : new ChannelRangeStream(ch, source.first(), source.length());
        return write(bucketDir, key, id, number, in, source.length(), null, Map::of);
    }

    /** Data first, then the record by rename: the record is the commit, and never names missing or other bytes. */
    private void commit(Path bucketDir, Path dir, Path data, PartInfo info) throws IOException {
        Optional<PartRecord> previous = PartRecord.read(dir, info.number());
        String dataName = StagingLayout.newDataName(info.number());
        Path recordTemp = writer.newTempFile(bucketDir);
        try {
            Files.move(data, dir.resolve(dataName), StandardCopyOption.ATOMIC_MOVE);
            try (FileChannel out = FileChannel.open(recordTemp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                out.write(ByteBuffer.wrap(new PartRecord(dataName, info).encode()));
                if (writer.fsync()) {
                    out.force(true);
                }
            }
            Files.move(recordTemp, dir.resolve(StagingLayout.recordName(info.number())),
                    StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            writer.syncDirectory(dir);
        } finally {
            deleteQuietly(recordTemp);
        }
        previous.ifPresent(p -> deleteQuietly(dir.resolve(p.dataFile()))); // the replaced part's bytes
    }

    static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // leftovers inside an upload go with it; temp files are swept
            }
        }
    }
}
