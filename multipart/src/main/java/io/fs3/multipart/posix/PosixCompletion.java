package io.fs3.multipart.posix;

import io.fs3.multipart.ChecksumType;
import io.fs3.multipart.CompleteResult;
import io.fs3.multipart.Completion;
import io.fs3.multipart.MultipartEtag;
import io.fs3.multipart.NewUpload;
import io.fs3.multipart.PartInfo;
import io.fs3.s3.S3Error;
import io.fs3.storage.StoredMetadata;
import io.fs3.storage.cache.FileStat;
import io.fs3.storage.meta.MetadataCodec;
import io.fs3.storage.posix.FsErrors;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A claimed upload being completed: assemble into a temp file inside the claimed directory (same
 * filesystem, removed with it), attach metadata to its inode (or sidecar), publish by rename, remove the
 * staging. A crash at any point leaves the old object or the new one; the janitor removes the claimed
 * directory of a dead process. Any failure before publishing gives the upload back.
 */
final class PosixCompletion implements Completion {
    /** Part sizes longer than this (encoded) are not stored; GET ?partNumber then sees one part. */
    private static final int MAX_PART_SIZES_CHARS = 1024;
    private final Claim claim;
    private final Target target;
    private final NewUpload upload;
    private final List<PartRecord> parts;
    private final long size;
    private final CompletionTools tools;

    /** Where the object goes: its bucket directory, key and path. */
    record Target(Path bucketDir, String key, Path path) {
    }

    PosixCompletion(Claim claim, Target target, NewUpload upload, List<PartRecord> parts, CompletionTools tools) {
        this.claim = claim;
        this.target = target;
        this.upload = upload;
        this.parts = List.copyOf(parts);
        this.size = parts.stream().mapToLong(p -> p.info().size()).sum();
        this.tools = tools;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public CompleteResult finish() {
        Path temp = claim.dir().resolve("assembled." + UUID.randomUUID());
        boolean published = false;
        try {
            tools.assembler().assemble(claim.dir(), parts, temp, size);
            List<PartInfo> infos = parts.stream().map(PartRecord::info).toList();
            String etag = MultipartEtag.of(infos.stream().map(PartInfo::etag).toList());
            Map<String, String> checksums = tools.checksums().of(upload.checksumAlgorithm(), upload.checksumType(), infos);
            FileStat stat = FileStat.of(temp);
            tools.metadataStore().write(target.bucketDir(), target.key(), temp, new StoredMetadata(etag, stat.stamp(),
                    upload.content(), upload.userMetadata(), checksums, upload.tags(), partSizes(infos), upload.acl()));
            tools.publisher().publish(target.bucketDir(), temp, target.path(), false, size);
            published = true;
            tools.metadataLoader().invalidate(target.bucketDir(), target.key());
            claim.removeStaging();
            ChecksumType type = checksums.isEmpty() ? null : upload.checksumType();
            return new CompleteResult(etag, size, checksums, type);
        } catch (IOException e) {
            throw FsErrors.translate(e, S3Error.NO_SUCH_UPLOAD, target.key());
        } finally {
            if (!published) {
                PartWriter.deleteQuietly(temp);
                claim.restore();
            }
            claim.close();
        }
    }

    private static List<Long> partSizes(List<PartInfo> infos) {
        List<Long> sizes = infos.stream().map(PartInfo::size).toList();
        return MetadataCodec.encodePartSizes(sizes).length() <= MAX_PART_SIZES_CHARS ? sizes : List.of();
    }
}
