package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** GetBucketVersioning for a bucket that never had versioning: an empty configuration, as AWS answers. */
@JacksonXmlRootElement(localName = "VersioningConfiguration")
public record VersioningConfiguration() implements XmlBody {
}
