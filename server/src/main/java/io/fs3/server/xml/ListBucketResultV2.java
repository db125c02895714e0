package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/** ListObjectsV2 response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html */
@JacksonXmlRootElement(localName = "ListBucketResult")
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Name", "Prefix", "Delimiter", "MaxKeys", "KeyCount", "IsTruncated", "EncodingType",
        "ContinuationToken", "NextContinuationToken", "StartAfter", "Contents", "CommonPrefixes"})
public record ListBucketResultV2(
        @JacksonXmlProperty(localName = "Name") String name,
        @JacksonXmlProperty(localName = "Prefix") String prefix,
        @JacksonXmlProperty(localName = "Delimiter") String delimiter,
        @JacksonXmlProperty(localName = "MaxKeys") int maxKeys,
        @JacksonXmlProperty(localName = "KeyCount") int keyCount,
        @JacksonXmlProperty(localName = "IsTruncated") boolean truncated,
        @JacksonXmlProperty(localName = "EncodingType") String encodingType,
        @JacksonXmlProperty(localName = "ContinuationToken") String continuationToken,
        @JacksonXmlProperty(localName = "NextContinuationToken") String nextContinuationToken,
        @JacksonXmlProperty(localName = "StartAfter") String startAfter,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "Contents") List<ListEntry> contents,
        @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "CommonPrefixes") List<CommonPrefix> commonPrefixes)
        implements XmlBody {
}
