package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;

/** GetBucketLocation response; empty for us-east-1, as AWS answers. */
@JacksonXmlRootElement(localName = "LocationConstraint")
public record LocationConstraint(@JacksonXmlText String region) implements XmlBody {
}
