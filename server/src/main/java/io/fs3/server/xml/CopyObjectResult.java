package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** CopyObject response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_CopyObject.html */
@JacksonXmlRootElement(localName = "CopyObjectResult")
@JsonPropertyOrder({"LastModified", "ETag"})
public record CopyObjectResult(@JacksonXmlProperty(localName = "LastModified") String lastModified,
                               @JacksonXmlProperty(localName = "ETag") String etag) implements XmlBody {
}
