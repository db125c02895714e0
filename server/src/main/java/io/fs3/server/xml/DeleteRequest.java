package io.fs3.server.xml;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

import java.util.ArrayList;
import java.util.List;

/** DeleteObjects request body: {@code <Delete><Quiet/><Object><Key/></Object>...</Delete>}. */
public final class DeleteRequest {
    @JacksonXmlProperty(localName = "Quiet")
    public boolean quiet;

    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "Object")
    public List<Entry> objects = new ArrayList<>();

    public static final class Entry {
        @JacksonXmlProperty(localName = "Key")
        public String key;

        @JacksonXmlProperty(localName = "VersionId")
        public String versionId;
    }
}
