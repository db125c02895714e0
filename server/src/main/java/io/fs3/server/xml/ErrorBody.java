package io.fs3.server.xml;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.fs3.s3.S3Exception;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The S3 error document: Code, Message, extra details (e.g. StringToSign), Resource, RequestId, HostId.
 * https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html
 */
public final class ErrorBody {
    private ErrorBody() {
    }

    public static byte[] render(S3Exception e, String requestId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Code", e.error().code());
        fields.put("Message", e.getMessage());
        fields.putAll(e.details());
        if (e.resource() != null) {
            fields.put("Resource", e.resource());
        }
        fields.put("RequestId", requestId);
        fields.put("HostId", requestId);
        try {
            return S3Xml.MAPPER.writer().withRootName("Error").writeValueAsBytes(fields);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
