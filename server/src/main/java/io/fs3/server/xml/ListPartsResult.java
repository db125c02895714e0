package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/** ListParts response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListParts.html */
@JacksonXmlRootElement(localName = "ListPartsResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Bucket", "Key", "UploadId", "PartNumberMarker", "NextPartNumberMarker", "MaxParts", "IsTruncated",
        "Part", "Initiator", "Owner", "StorageClass", "ChecksumAlgorithm", "ChecksumType"})
public record ListPartsResult(
        @JacksonXmlProperty(localName = "Bucket") String bucket,
        @JacksonXmlProperty(localName = "Key") String key,
        @JacksonXmlProperty(localName = "UploadId") String uploadId,
        @JacksonXmlProperty(localName = "PartNumberMarker") int partNumberMarker,
        @JacksonXmlProperty(localName = "NextPartNumberMarker") int nextPartNumberMarker,
        @JacksonXmlProperty(localName = "MaxParts") int maxParts,
        @JacksonXmlProperty(localName = "IsTruncated") boolean truncated,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Part") List<Part> parts,
        @JacksonXmlProperty(localName = "Initiator") Owner initiator,
        @JacksonXmlProperty(localName = "Owner") Owner owner,
        @JacksonXmlProperty(localName = "StorageClass") String storageClass,
        @JacksonXmlProperty(localName = "ChecksumAlgorithm") String checksumAlgorithm,
        @JacksonXmlProperty(localName = "ChecksumType") String checksumType) implements XmlBody {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"PartNumber", "LastModified", "ETag", "Size"})
    public record Part(@JacksonXmlProperty(localName = "PartNumber") int partNumber,
                       @JacksonXmlProperty(localName = "LastModified") String lastModified,
                       @JacksonXmlProperty(localName = "ETag") String etag,
                       @JacksonXmlProperty(localName = "Size") long size,
                       @JsonUnwrapped ChecksumFields checksums) {
    }
}
