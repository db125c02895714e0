package io.fs3.server.op;

import io.fs3.server.op.OperationResolver.Scope;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The multipart rows of the resolver's table: each request shape reaches its operation, whatever the query order. */
class MultipartResolverTest {
    @Test
    void multipartRequestsResolveToTheirOperations() {
        assertThat(resolve("POST", Scope.OBJECT, false, "uploads", "")).isEqualTo(S3Operation.CREATE_MULTIPART_UPLOAD);
        assertThat(resolve("POST", Scope.OBJECT, false, "uploadId", "x")).isEqualTo(S3Operation.COMPLETE_MULTIPART_UPLOAD);
        assertThat(resolve("PUT", Scope.OBJECT, false, "partNumber", "1", "uploadId", "x")).isEqualTo(S3Operation.UPLOAD_PART);
        assertThat(resolve("PUT", Scope.OBJECT, false, "uploadId", "x", "partNumber", "1")).isEqualTo(S3Operation.UPLOAD_PART);
        assertThat(resolve("PUT", Scope.OBJECT, true, "partNumber", "1", "uploadId", "x"))
                .isEqualTo(S3Operation.UPLOAD_PART_COPY);
        assertThat(resolve("GET", Scope.OBJECT, false, "uploadId", "x", "max-parts", "2")).isEqualTo(S3Operation.LIST_PARTS);
        assertThat(resolve("DELETE", Scope.OBJECT, false, "uploadId", "x")).isEqualTo(S3Operation.ABORT_MULTIPART_UPLOAD);
        assertThat(resolve("GET", Scope.BUCKET, false, "uploads", "", "prefix", "a")).isEqualTo(S3Operation.LIST_MULTIPART_UPLOADS);
    }

    @Test
    void partNumberOnGetAndHeadIsAnArgumentOfTheRead() {
        assertThat(resolve("GET", Scope.OBJECT, false, "partNumber", "2")).isEqualTo(S3Operation.GET_OBJECT);
        assertThat(resolve("HEAD", Scope.OBJECT, false, "partNumber", "2")).isEqualTo(S3Operation.HEAD_OBJECT);
    }

    private static S3Operation resolve(String method, Scope scope, boolean copy, String... query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            q.put(query[i], query[i + 1]);
        }
        return OperationResolver.resolve(method, scope, q, copy);
    }
}
