package io.fs3.server.post;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import org.apache.commons.fileupload2.core.AbstractFileUpload;
import org.apache.commons.fileupload2.core.DiskFileItem;
import org.apache.commons.fileupload2.core.DiskFileItemFactory;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.RequestContext;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a multipart/form-data POST as a stream: form fields (small, bounded) up to the "file" part,
 * whose content is handed on as a stream without being buffered. Fields after the file are ignored, as S3 does.
 */
final class PostFormUpload {
    static final int MAX_FIELD_BYTES = 20 * 1024;
    static final int MAX_FIELDS = 1000;

    record Form(Map<String, String> fields, String fileName, String fileContentType, InputStream file) {
    }

    private PostFormUpload() {
    }

    static Form read(String contentType, long contentLength, InputStream body) {
        try {
            FileItemInputIterator items = new StreamingUpload().getItemIterator(context(contentType, contentLength, body));
            Map<String, String> fields = new TreeMap<>();
            while (items.hasNext()) {
                FileItemInput item = items.next();
                String name = item.getFieldName() == null ? "" : item.getFieldName().toLowerCase(Locale.ROOT);
                if (!item.isFormField() || name.equals("file")) {
                    return new Form(fields, item.getName(), item.getContentType(), item.getInputStream());
                }
                if (fields.size() >= MAX_FIELDS) {
                    throw S3Exception.of(S3Error.MALFORMED_POST_REQUEST);
                }
                fields.put(name, readField(item.getInputStream()));
            }
            throw S3Exception.of(S3Error.INCORRECT_NUMBER_OF_FILES);
        } catch (FileUploadException e) {
            throw S3Exception.of(S3Error.MALFORMED_POST_REQUEST);
        } catch (IOException e) {
            throw S3Exception.of(S3Error.INCOMPLETE_BODY);
        }
    }

    private static String readField(InputStream in) throws IOException {
        byte[] value = in.readNBytes(MAX_FIELD_BYTES + 1); // a form field, bounded; never the file
        if (value.length > MAX_FIELD_BYTES) {
            throw S3Exception.of(S3Error.MAX_MESSAGE_LENGTH_EXCEEDED, "A form field is larger than 20 KB.");
        }
        return new String(value, StandardCharsets.UTF_8);
    }

    private static RequestContext context(String contentType, long contentLength, InputStream body) {
        return new RequestContext() {
            @Override
            public String getCharacterEncoding() {
                return StandardCharsets.UTF_8.name();
            }

            @Override
            public long getContentLength() {
                return contentLength;
            }

            @Override
            public String getContentType() {
                return contentType;
            }

            @Override
            public InputStream getInputStream() {
                return body;
            }

            @Override
            public boolean isMultipartRelated() {
                return false;
            }
        };
    }

    /** commons-fileupload's streaming API over a plain request context (no servlet coupling). */
    private static final class StreamingUpload extends AbstractFileUpload<RequestContext, DiskFileItem, DiskFileItemFactory> {
        @Override
        public FileItemInputIterator getItemIterator(RequestContext request) throws FileUploadException, IOException {
            return super.getItemIterator(request);
        }

        @Override
        public Map<String, List<DiskFileItem>> parseParameterMap(RequestContext request) throws FileUploadException {
            throw new UnsupportedOperationException("fs3 only streams POST uploads");
        }

        @Override
        public List<DiskFileItem> parseRequest(RequestContext request) throws FileUploadException {
            throw new UnsupportedOperationException("fs3 only streams POST uploads");
        }
    }
}
