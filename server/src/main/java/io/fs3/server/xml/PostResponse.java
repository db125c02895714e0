package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** PostObject response body for success_action_status=201. */
@JacksonXmlRootElement(localName = "PostResponse")
@JsonPropertyOrder({"Location", "Bucket", "Key", "ETag"})
public record PostResponse(@JacksonXmlProperty(localName = "Location") String location,
                           @JacksonXmlProperty(localName = "Bucket") String bucket,
                           @JacksonXmlProperty(localName = "Key") String key,
                           @JacksonXmlProperty(localName = "ETag") String etag) implements XmlBody {
}
