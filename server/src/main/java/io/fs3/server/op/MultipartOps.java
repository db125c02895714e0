package io.fs3.server.op;

import io.fs3.multipart.MultipartUploads;
import io.fs3.server.xml.Owner;
import io.fs3.storage.ObjectStore;

import java.time.Duration;

/** The multipart operations, built together from the multipart role and handed to the resources as one. */
public record MultipartOps(MultipartUploadOp uploads, MultipartPartOp parts, MultipartCompleteOp complete,
                           MultipartListOp lists) implements AutoCloseable {

    public static MultipartOps of(MultipartUploads uploads, ObjectStore objects, Owner owner, Duration keepAliveInterval,
                                  AclOps acls) {
        return new MultipartOps(new MultipartUploadOp(uploads, acls::uploadAcl), new MultipartPartOp(uploads, objects),
                new MultipartCompleteOp(uploads, keepAliveInterval), new MultipartListOp(uploads, owner));
    }

    @Override
    public void close() throws InterruptedException {
        complete.close();
    }
}
