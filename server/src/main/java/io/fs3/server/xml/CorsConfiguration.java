package io.fs3.server.xml;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.ArrayList;
import java.util.List;

/** The CORSConfiguration document. https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketCors.html */
@JacksonXmlRootElement(localName = "CORSConfiguration")
public final class CorsConfiguration implements XmlBody {
    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "CORSRule")
    public List<Rule> rules = new ArrayList<>();

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"ID", "AllowedOrigin", "AllowedMethod", "AllowedHeader", "ExposeHeader", "MaxAgeSeconds"})
    public static final class Rule {
        @JacksonXmlProperty(localName = "ID")
        public String id;

        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "AllowedOrigin")
        public List<String> allowedOrigins = new ArrayList<>();

        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "AllowedMethod")
        public List<String> allowedMethods = new ArrayList<>();

        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "AllowedHeader")
        public List<String> allowedHeaders = new ArrayList<>();

        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "ExposeHeader")
        public List<String> exposeHeaders = new ArrayList<>();

        @JacksonXmlProperty(localName = "MaxAgeSeconds")
        public Integer maxAgeSeconds;
    }
}
