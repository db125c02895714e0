package io.fs3.server.xml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.xml.ser.ToXmlGenerator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The one XmlMapper (thread-safe, built once) and S3's timestamp format. */
public final class S3Xml {
    public static final String NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static final XmlMapper MAPPER = build();
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private S3Xml() {
    }

    /** S3's listing timestamp, e.g. 2009-10-12T17:50:30.000Z. */
    public static String timestamp(Instant t) {
        return ISO_MILLIS.format(t);
    }

    private static XmlMapper build() {
        // Request bodies come from clients: no DTDs, no external entities (XXE).
        javax.xml.stream.XMLInputFactory input = javax.xml.stream.XMLInputFactory.newFactory();
        input.setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);
        input.setProperty(javax.xml.stream.XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XmlMapper m = new XmlMapper(new com.fasterxml.jackson.dataformat.xml.XmlFactory(input,
                javax.xml.stream.XMLOutputFactory.newFactory()));
        m.configure(ToXmlGenerator.Feature.WRITE_XML_DECLARATION, true);
        m.configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false);
        m.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return m;
    }
}
