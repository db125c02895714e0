package io.fs3.server.op;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import io.fs3.multipart.CompleteRequest;
import io.fs3.multipart.CompleteResult;
import io.fs3.multipart.Completion;
import io.fs3.multipart.MultipartUploads;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.http.Etag;
import io.fs3.server.http.S3Request;
import io.fs3.server.xml.ChecksumFields;
import io.fs3.server.xml.CompleteMultipartUploadResult;
import io.fs3.server.xml.ErrorBody;
import io.fs3.server.xml.S3Xml;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * CompleteMultipartUpload. Claim and validation run first, so a refused request gets its proper status.
 * Assembly then runs on its own thread; if it outlasts the keep-alive interval the response is committed
 * as 200 and a space is sent every interval until the result document, or an Error document, follows.
 * AWS: "Amazon S3 periodically sends white space characters to keep the connection from timing out. [...]
 * a 200 OK response can contain either a success or an error."
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html
 */
public final class MultipartCompleteOp implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCompleteOp.class);
    private static final byte[] DECLARATION = "<?xml version='1.0' encoding='UTF-8'?>\n".getBytes(StandardCharsets.UTF_8);
    private static final ObjectWriter WITHOUT_DECLARATION = S3Xml.MAPPER.writer()
            .without(ToXmlGenerator.Feature.WRITE_XML_DECLARATION);
    private final MultipartUploads uploads;
    private final Duration keepAlive;
    private final ExecutorService assemblers = Executors.newCachedThreadPool(
            new ThreadFactoryBuilder().setNameFormat("fs3-multipart-complete-%d").setDaemon(true).build());

    public MultipartCompleteOp(MultipartUploads uploads, Duration keepAliveInterval) {
        this.uploads = uploads;
        this.keepAlive = keepAliveInterval;
    }

    public Response complete(S3Request req, String requestId) {
        CompleteRequest request = new CompleteRequest(MultipartCompleteBody.parse(req.body()), objectSize(req));
        Completion completion = uploads.prepareComplete(req.bucket(), req.key(), MultipartArgs.uploadId(req), request);
        Future<CompleteResult> assembly = assemblers.submit(completion::finish);
        try {
            return Response.ok(result(req, assembly.get(keepAlive.toMillis(), TimeUnit.MILLISECONDS)), "application/xml")
                    .build();
        } catch (TimeoutException e) {
            return Response.ok((StreamingOutput) out -> keepAlive(out, req, requestId, assembly), "application/xml").build();
        } catch (ExecutionException e) {
            throw asS3(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), e);
        }
    }

    /** The declaration at once (it must start the document), a space each interval, then the result or an Error. */
    private void keepAlive(OutputStream out, S3Request req, String requestId, Future<CompleteResult> assembly)
            throws IOException {
        out.write(DECLARATION);
        out.flush();
        while (true) {
            try {
                CompleteResult r = assembly.get(keepAlive.toMillis(), TimeUnit.MILLISECONDS);
                out.write(WITHOUT_DECLARATION.writeValueAsBytes(result(req, r)));
                return;
            } catch (TimeoutException e) {
                out.write(' ');
                out.flush();
            } catch (ExecutionException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                S3Exception s3 = asS3(e instanceof ExecutionException ? e.getCause() : e);
                if (s3.error().status() >= 500) {
                    LOG.error("request_id={} error={} after keep-alive", requestId, s3.error().code(), s3.getCause());
                }
                String rendered = new String(ErrorBody.render(s3.withResource(req.rawKey()), requestId), StandardCharsets.UTF_8);
                out.write(rendered.substring(rendered.indexOf("?>") + 2).strip().getBytes(StandardCharsets.UTF_8));
                return;
            }
        }
    }

    private static CompleteMultipartUploadResult result(S3Request req, CompleteResult r) {
        String host = req.header("Host");
        String location = (host == null ? "" : "http://" + host) + "/" + UriEncoding.encode(req.bucket().value(), false)
                + "/" + UriEncoding.encode(req.rawKey(), true);
        return new CompleteMultipartUploadResult(location, req.bucket().value(), req.rawKey(), Etag.quote(r.etag()),
                ChecksumFields.of(r.checksums()), r.checksumType() == null ? null : r.checksumType().name());
    }

    /** x-amz-mp-object-size (the SDK's async client sends it): the object's size in bytes, or null. */
    private static Long objectSize(S3Request req) {
        String v = req.header("x-amz-mp-object-size");
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw S3Exception.of(S3Error.INVALID_ARGUMENT, "Invalid x-amz-mp-object-size header.")
                    .withDetail("ArgumentName", "x-amz-mp-object-size").withDetail("ArgumentValue", v);
        }
    }

    private static S3Exception asS3(Throwable t) {
        return t instanceof S3Exception s3 ? s3 : S3Exception.of(S3Error.INTERNAL_ERROR, S3Error.INTERNAL_ERROR.message(), t);
    }

    /** Lets running assemblies finish (they publish or give the upload back) for a few seconds. */
    @Override
    public void close() throws InterruptedException {
        assemblers.shutdown();
        assemblers.awaitTermination(10, TimeUnit.SECONDS);
    }
}
