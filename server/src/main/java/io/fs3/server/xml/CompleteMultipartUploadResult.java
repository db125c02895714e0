package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** CompleteMultipartUpload response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_CompleteMultipartUpload.html */
@JacksonXmlRootElement(localName = "CompleteMultipartUploadResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Location", "Bucket", "Key", "ETag"})
public record CompleteMultipartUploadResult(@JacksonXmlProperty(localName = "Location") String location,
                                            @JacksonXmlProperty(localName = "Bucket") String bucket,
                                            @JacksonXmlProperty(localName = "Key") String key,
                                            @JacksonXmlProperty(localName = "ETag") String etag,
                                            @JsonUnwrapped ChecksumFields checksums,
                                            @JacksonXmlProperty(localName = "ChecksumType") String checksumType)
        implements XmlBody {
}
