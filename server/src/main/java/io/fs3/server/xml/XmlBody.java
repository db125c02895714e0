package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * Marker for response DTOs that {@link XmlBodyWriter} serialises as S3 XML. The S3 namespace is written
 * as a plain xmlns attribute of the root: Jackson's namespaced root would give every child element
 * {@code xmlns=""}, taking it out of the namespace for namespace-aware parsers.
 */
public interface XmlBody {
    @JacksonXmlProperty(isAttribute = true, localName = "xmlns")
    default String xmlns() {
        return S3Xml.NAMESPACE;
    }
}
