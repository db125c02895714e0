package io.fs3.server.op;

import com.fasterxml.jackson.core.JacksonException;
import io.fs3.multipart.CompletedPart;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.xml.CompleteMultipartUploadRequest;
import io.fs3.server.xml.S3Xml;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Binds the CompleteMultipartUpload document, streamed and capped (10,000 parts with checksums stay well
 * under the cap); anything unparsable, or a part without a number, is MalformedXML.
 */
final class MultipartCompleteBody {
    static final long MAX_BYTES = 8L << 20;

    private MultipartCompleteBody() {
    }

    static List<CompletedPart> parse(InputStream body) {
        if (body == null) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        CompleteMultipartUploadRequest doc;
        Capped capped = new Capped(body);
        try {
            doc = S3Xml.MAPPER.readValue(capped, CompleteMultipartUploadRequest.class);
        } catch (IOException | RuntimeException e) {
            if (capped.exceeded) { // the XML parser wraps what the stream throws
                throw S3Exception.of(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED);
            }
            if (e instanceof S3Exception s3) {
                throw s3; // the body's own verification (signature, checksum) failed
            }
            throw S3Exception.of(e instanceof JacksonException ? S3Error.MALFORMED_XML : S3Error.INCOMPLETE_BODY);
        }
        if (doc == null || doc.parts() == null) {
            return List.of();
        }
        return doc.parts().stream().map(MultipartCompleteBody::part).toList();
    }

    private static CompletedPart part(CompleteMultipartUploadRequest.Part p) {
        if (p == null || p.partNumber() == null) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        Map<String, String> checksums = new TreeMap<>();
        put(checksums, "crc32", p.crc32());
        put(checksums, "crc32c", p.crc32c());
        put(checksums, "crc64nvme", p.crc64nvme());
        put(checksums, "sha1", p.sha1());
        put(checksums, "sha256", p.sha256());
        return new CompletedPart(p.partNumber(), p.etag(), checksums);
    }

    private static void put(Map<String, String> m, String algorithm, String value) {
        if (value != null && !value.isBlank()) {
            m.put(algorithm, value.trim());
        }
    }

    /** Refuses a document longer than {@link #MAX_BYTES} while it streams in. */
    private static final class Capped extends FilterInputStream {
        private long count;
        private boolean exceeded;

        Capped(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > MAX_BYTES) {
                exceeded = true;
                throw new IOException("CompleteMultipartUpload body over " + MAX_BYTES + " bytes");
            }
        }
    }
}
