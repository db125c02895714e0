package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/** ListObjects (v1) response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjects.html */
@JacksonXmlRootElement(localName = "ListBucketResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Name", "Prefix", "Marker", "NextMarker", "MaxKeys", "Delimiter", "IsTruncated", "EncodingType",
        "Contents", "CommonPrefixes"})
public record ListBucketResultV1(
        @JacksonXmlProperty(localName = "Name") String name,
        @JacksonXmlProperty(localName = "Prefix") String prefix,
        @JacksonXmlProperty(localName = "Marker") String marker,
        @JacksonXmlProperty(localName = "NextMarker") String nextMarker,
        @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
        @JacksonXmlProperty(localName = "Delimiter") String delimiter,
        @JacksonXmlProperty(localName = "IsTruncated") boolean truncated,
        @JacksonXmlProperty(localName = "EncodingType") String encodingType,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Contents") List<ListEntry> contents,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "CommonPrefixes") List<CommonPrefix> commonPrefixes)
        implements XmlBody {
}
