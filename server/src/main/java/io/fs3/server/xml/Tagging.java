package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

import java.util.ArrayList;
import java.util.List;

/** The Tagging document, both request and response. https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutObjectTagging.html */
@JacksonXmlRootElement(localName = "Tagging")
public final class Tagging implements XmlBody {
    @JacksonXmlElementWrapper(localName = "TagSet")
    @JacksonXmlProperty(localName = "Tag")
    public List<Tag> tagSet = new ArrayList<>();

    public static final class Tag {
        @JacksonXmlProperty(localName = "Key")
        public String key;

        @JacksonXmlProperty(localName = "Value")
        public String value;

        public Tag() {
        }

        public Tag(String key, String value) {
            this.key = key;
            this.value = value;
        }
    }
}
