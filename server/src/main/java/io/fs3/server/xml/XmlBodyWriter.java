package io.fs3.server.xml;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Writes every {@link XmlBody} with the shared mapper. */
@Provider
@Produces({"application/xml", "*/*"})
public final class XmlBodyWriter implements MessageBodyWriter<XmlBody> {
    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return XmlBody.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(XmlBody body, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                        MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        S3Xml.MAPPER.writeValue(out, body);
    }
}
