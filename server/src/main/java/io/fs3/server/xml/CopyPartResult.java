package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** UploadPartCopy response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_UploadPartCopy.html */
@JacksonXmlRootElement(localName = "CopyPartResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"LastModified", "ETag"})
public record CopyPartResult(@JacksonXmlProperty(localName = "LastModified") String lastModified,
                             @JacksonXmlProperty(localName = "ETag") String etag,
                             @JsonUnwrapped ChecksumFields checksums) implements XmlBody {
}
