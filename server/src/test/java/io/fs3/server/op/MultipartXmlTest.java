package io.fs3.server.op;

import io.fs3.multipart.CompletedPart;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.xml.ChecksumFields;
import io.fs3.server.xml.CompleteMultipartUploadResult;
import io.fs3.server.xml.S3Xml;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The multipart XML: the CompleteMultipartUpload body as clients send it, and the result document. */
class MultipartXmlTest {
    @Test
    void completeBodyWithNamespaceQuotesAndChecksumsIsBound() {
        List<CompletedPart> parts = MultipartCompleteBody.parse(stream("""
                <?xml version="1.0" encoding="UTF-8"?>
                <CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Part><ETag>"aa"</ETag><PartNumber>1</PartNumber><ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>
                  <Part><PartNumber>3</PartNumber><ETag>bb</ETag></Part>
                </CompleteMultipartUpload>"""));
        assertThat(parts).containsExactly(new CompletedPart(1, "\"aa\"", Map.of("crc32", "AAAAAA==")),
                new CompletedPart(3, "bb", Map.of()));
        assertThat(MultipartCompleteBody.parse(stream("<CompleteMultipartUpload/>"))).isEmpty();
    }

    @Test
    void brokenOrOversizedBodiesAreRefused() {
        expect(() -> MultipartCompleteBody.parse(stream("<CompleteMultipartUpload><Part>")), S3Error.MALFORMED_XML);
        expect(() -> MultipartCompleteBody.parse(stream("")), S3Error.MALFORMED_XML);
        expect(() -> MultipartCompleteBody.parse(stream("<CompleteMultipartUpload><Part><ETag>x</ETag></Part>"
                + "</CompleteMultipartUpload>")), S3Error.MALFORMED_XML);
        String part = "<Part><PartNumber>1</PartNumber><ETag>" + "e".repeat(1000) + "</ETag></Part>";
        String huge = "<CompleteMultipartUpload>" + part.repeat((int) (MultipartCompleteBody.MAX_BYTES / part.length()) + 1)
                + "</CompleteMultipartUpload>";
        expect(() -> MultipartCompleteBody.parse(stream(huge)), S3Error.MAX_MESSAGE_LENGTH_EXCEEDED);
    }

    @Test
    void resultDocumentCarriesTheNamespaceAndOnlyPresentChecksums() throws Exception {
        String xml = S3Xml.MAPPER.writeValueAsString(new CompleteMultipartUploadResult("http://h/b/k", "b", "k", "\"e-2\"",
                ChecksumFields.of(Map.of("crc32c", "AAAAAA==-2")), "COMPOSITE"));
        assertThat(xml).contains("<CompleteMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Location>http://h/b/k</Location><Bucket>b</Bucket><Key>k</Key><ETag>\"e-2\"</ETag>"
                + "<ChecksumCRC32C>AAAAAA==-2</ChecksumCRC32C><ChecksumType>COMPOSITE</ChecksumType>"
                + "</CompleteMultipartUploadResult>");
    }

    private static void expect(Runnable r, S3Error error) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(error));
    }

    private static InputStream stream(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
