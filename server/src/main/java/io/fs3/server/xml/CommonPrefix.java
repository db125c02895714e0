package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** One CommonPrefixes element. */
public record CommonPrefix(@JacksonXmlProperty(localName = "Prefix") String prefix) {
}
