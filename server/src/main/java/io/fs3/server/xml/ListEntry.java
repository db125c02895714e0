package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** One Contents element of ListObjects v1/v2. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"Key", "LastModified", "ETag", "Size", "Owner", "StorageClass"})
public record ListEntry(@JacksonXmlProperty(localName = "Key") String key,
                        @JacksonXmlProperty(localName = "LastModified") String lastModified,
                        @JacksonXmlProperty(localName = "ETag") String etag,
                        @JacksonXmlProperty(localName = "Size") long size,
                        @JacksonXmlProperty(localName = "Owner") Owner owner,
                        @JacksonXmlProperty(localName = "StorageClass") String storageClass) {
}
