package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/** DeleteObjects response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_DeleteObjects.html */
@JacksonXmlRootElement(localName = "DeleteResult")
@JsonPropertyOrder({"Deleted", "Error"})
public record DeleteResult(
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Deleted") List<Deleted> deleted,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Error") List<Failed> errors)
        implements XmlBody {

    public record Deleted(@JacksonXmlProperty(localName = "Key") String key) {
    }

    @JsonPropertyOrder({"Key", "Code", "Message"})
    public record Failed(@JacksonXmlProperty(localName = "Key") String key,
                         @JacksonXmlProperty(localName = "Code") String code,
                         @JacksonXmlProperty(localName = "Message") String message) {
    }
}
