package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.List;

/**
 * The CompleteMultipartUpload request body: the parts, each with its number, ETag and any checksums.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html#API_CompleteMultipartUpload_RequestSyntax
 */
public record CompleteMultipartUploadRequest(
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Part") List<Part> parts) {

    public record Part(@JacksonXmlProperty(localName = "PartNumber") Integer partNumber,
                       @JacksonXmlProperty(localName = "ETag") String etag,
                       @JacksonXmlProperty(localName = "ChecksumCRC32") String crc32,
                       @JacksonXmlProperty(localName = "ChecksumCRC32C") String crc32c,
                       @JacksonXmlProperty(localName = "ChecksumCRC64NVME") String crc64nvme,
                       @JacksonXmlProperty(localName = "ChecksumSHA1") String sha1,
                       @JacksonXmlProperty(localName = "ChecksumSHA256") String sha256) {
    }
}
