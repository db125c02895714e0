package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.List;

/** ListBuckets response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListBuckets.html */
@JacksonXmlRootElement(localName = "ListAllMyBucketsResult")
@JsonPropertyOrder({"Owner", "Buckets"})
public record ListAllMyBucketsResult(
        @JacksonXmlProperty(localName = "Owner") Owner owner,
        @JacksonXmlElementWrapper(localName = "Buckets") @JacksonXmlProperty(localName = "Bucket") List<Bucket> buckets)
        implements XmlBody {

    @JsonPropertyOrder({"Name", "CreationDate", "BucketRegion"})
    public record Bucket(@JacksonXmlProperty(localName = "Name") String name,
                         @JacksonXmlProperty(localName = "CreationDate") String creationDate,
                         @JacksonXmlProperty(localName = "BucketRegion") String bucketRegion) {
    }
}
