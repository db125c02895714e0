package io.fs3.multipart.posix;

import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompletedPart;
import io.fs3.multipart.Completion;
import io.fs3.multipart.CompletionPlan;
import io.fs3.multipart.PartInfo;
import io.fs3.multipart.UploadId;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast half of CompleteMultipartUpload: cheap checks, then the claim (rename to {@code …completing}:
 * one winner), then validation of the listed parts against their records. A request that breaks a rule
 * gives the upload back, so the client can fix it and complete again, as on S3.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
final class Completer {
    private final StagingLayout layout;
    private final CompletionTools tools;
    private final long minPartSize;

    Completer(StagingLayout layout, CompletionTools tools, long minPartSize) {
        this.layout = layout;
        this.tools = tools;
        this.minPartSize = minPartSize;
    }

    Completion prepare(PosixCompletion.Target target, UploadId id, CompleteRequest request) {
        Path bucketDir = target.bucketDir();
        Manifest manifest = Manifest.require(layout.upload(bucketDir, id), target.key(), id);
        CompletionPlan.checkShape(request.parts());
        tools.publisher().checkParents(bucketDir, target.path());
        if (Files.isDirectory(target.path(), LinkOption.NOFOLLOW_LINKS)) {
            throw S3Exception.of(S3Error.EXISTING_OBJECT_IS_DIRECTORY).withResource(target.key());
        }
        Claim claim = Claim.take(layout.upload(bucketDir, id), layout.completing(bucketDir, id));
        try {
            Map<Integer, PartRecord> records = new HashMap<>();
            Map<Integer, PartInfo> infos = new HashMap<>();
            for (CompletedPart p : request.parts()) {
                PartRecord.read(claim.dir(), p.number()).ifPresent(r -> {
                    records.put(p.number(), r);
                    infos.put(p.number(), r.info());
                });
            }
            List<PartInfo> ordered = CompletionPlan.validate(request.parts(), infos, minPartSize, request.expectedSize());
            List<PartRecord> parts = ordered.stream().map(i -> records.get(i.number())).toList();
            return new PosixCompletion(claim, target, manifest.upload(), parts, tools);
        } catch (RuntimeException e) {
            claim.restore();
            claim.close();
            throw e instanceof S3Exception s3 ? s3.withResource(target.key()) : e;
        }
    }
}
