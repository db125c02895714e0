package io.fs3.server.xml;

/** Marker for response DTOs that {@link XmlBodyWriter} serialises as S3 XML. */
public interface XmlBody {
}
