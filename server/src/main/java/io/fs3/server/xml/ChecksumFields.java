package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.Map;

/** The Checksum* elements of multipart responses (only those present), from lower-case algorithm → base64. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"ChecksumCRC32", "ChecksumCRC32C", "ChecksumCRC64NVME", "ChecksumSHA1", "ChecksumSHA256"})
public record ChecksumFields(@JacksonXmlProperty(localName = "ChecksumCRC32") String crc32,
                             @JacksonXmlProperty(localName = "ChecksumCRC32C") String crc32c,
                             @JacksonXmlProperty(localName = "ChecksumCRC64NVME") String crc64nvme,
                             @JacksonXmlProperty(localName = "ChecksumSHA1") String sha1,
                             @JacksonXmlProperty(localName = "ChecksumSHA256") String sha256) {
    public static ChecksumFields of(Map<String, String> checksums) {
        return new ChecksumFields(checksums.get("crc32"), checksums.get("crc32c"), checksums.get("crc64nvme"),
                checksums.get("sha1"), checksums.get("sha256"));
    }
}
