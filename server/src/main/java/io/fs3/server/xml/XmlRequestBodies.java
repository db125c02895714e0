package io.fs3.server.xml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fs3.s3.ContentMd5;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Reads small XML request bodies (Delete, Tagging, CORSConfiguration, ...) with a size cap, verifies
 * Content-MD5 when sent, and binds them with the shared mapper (DTDs and external entities off).
 */
public final class XmlRequestBodies {
    /** AWS caps these documents well below this; anything larger is refused without being buffered. */
    public static final int MAX_BYTES = 1024 * 1024;

    private XmlRequestBodies() {
    }

    public static byte[] read(InputStream body, String contentMd5) {
        if (body == null) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = body.read(buf)) >= 0) {
                out.write(buf, 0, n);
                if (out.size() > MAX_BYTES) {
                    throw S3Exception.of(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED);
                }
            }
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INCOMPLETE_BODY);
        }
        byte[] bytes = out.toByteArray();
        if (contentMd5 != null && !MessageDigest.isEqual(md5(bytes), ContentMd5.decode(contentMd5))) {
            throw S3Exception.of(S3Error.BAD_DIGEST);
        }
        return bytes;
    }

    public static <T> T parse(byte[] xml, Class<T> type) {
        if (xml.length == 0) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
        try {
            T value = S3Xml.MAPPER.readValue(xml, type);
            if (value == null) {
                throw S3Exception.of(S3Error.MALFORMED_XML);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        } catch (IOException e) {
            throw S3Exception.of(S3Error.MALFORMED_XML);
        }
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
