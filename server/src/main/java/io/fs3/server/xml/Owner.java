package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The Owner element of listings. */
@JsonPropertyOrder({"ID", "DisplayName"})
public record Owner(@JacksonXmlProperty(localName = "ID") String id,
                    @JacksonXmlProperty(localName = "DisplayName") String displayName) {
}
