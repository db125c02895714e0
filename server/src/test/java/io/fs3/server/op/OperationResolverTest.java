package io.fs3.server.op;

import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.op.OperationResolver.Scope;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationResolverTest {
    @ParameterizedTest(name = "{0} {1} ?{2} copy={3} -> {4}")
    @CsvSource({
            "GET, SERVICE, , false, LIST_BUCKETS",
            "GET, BUCKET, , false, LIST_OBJECTS_V1",
            "GET, BUCKET, list-type, false, LIST_OBJECTS_V2",
            "GET, BUCKET, location, false, GET_BUCKET_LOCATION",
            "GET, BUCKET, versioning, false, GET_BUCKET_VERSIONING",
            "GET, BUCKET, tagging, false, GET_BUCKET_TAGGING",
            "PUT, BUCKET, tagging, false, PUT_BUCKET_TAGGING",
            "DELETE, BUCKET, tagging, false, DELETE_BUCKET_TAGGING",
            "GET, BUCKET, cors, false, GET_BUCKET_CORS",
            "PUT, BUCKET, cors, false, PUT_BUCKET_CORS",
            "DELETE, BUCKET, cors, false, DELETE_BUCKET_CORS",
            "GET, BUCKET, acl, false, GET_BUCKET_ACL",
            "PUT, BUCKET, acl, false, PUT_BUCKET_ACL",
            "GET, OBJECT, acl, false, GET_OBJECT_ACL",
            "PUT, OBJECT, acl, false, PUT_OBJECT_ACL",
            "PUT, BUCKET, , false, CREATE_BUCKET",
            "DELETE, BUCKET, , false, DELETE_BUCKET",
            "HEAD, BUCKET, , false, HEAD_BUCKET",
            "POST, BUCKET, delete, false, DELETE_OBJECTS",
            "POST, BUCKET, , false, POST_OBJECT",
            "GET, OBJECT, , false, GET_OBJECT",
            "HEAD, OBJECT, , false, HEAD_OBJECT",
            "PUT, OBJECT, , false, PUT_OBJECT",
            "PUT, OBJECT, , true, COPY_OBJECT",
            "DELETE, OBJECT, , false, DELETE_OBJECT",
            "GET, OBJECT, tagging, false, GET_OBJECT_TAGGING",
            "PUT, OBJECT, tagging, false, PUT_OBJECT_TAGGING",
            "DELETE, OBJECT, tagging, false, DELETE_OBJECT_TAGGING",
    })
    void everyRowResolves(String method, Scope scope, String param, boolean copy, S3Operation expected) {
        Map<String, String> query = new HashMap<>();
        if (param != null) {
            query.put(param, "");
        }
        query.put("prefix", "ignored-argument");
        assertThat(OperationResolver.resolve(method, scope, query, copy)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE", "HEAD", "POST"})
    void unknownSubresourceIsNotImplementedOnEveryVerb(String method) {
        for (Scope scope : new Scope[]{Scope.BUCKET, Scope.OBJECT}) {
            assertThatThrownBy(() -> OperationResolver.resolve(method, scope, Map.of("policy", ""), false))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.error()).isEqualTo(S3Error.NOT_IMPLEMENTED);
                        assertThat(e.details().get("Operation")).endsWith("Policy");
                    });
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "TRACE", "PROPFIND"})
    void unknownMethodsAreMethodNotAllowed(String method) {
        assertThatThrownBy(() -> OperationResolver.resolve(method, Scope.OBJECT, Map.of(), false))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.error()).isEqualTo(S3Error.METHOD_NOT_ALLOWED));
    }

    @org.junit.jupiter.api.Test
    void putAclNeverFallsThroughToPutObject() {
        assertThat(OperationResolver.resolve("PUT", Scope.OBJECT, Map.of("acl", ""), false)).isEqualTo(S3Operation.PUT_OBJECT_ACL);
        assertThat(OperationResolver.resolve("PUT", Scope.BUCKET, Map.of("acl", ""), false)).isEqualTo(S3Operation.PUT_BUCKET_ACL);
        assertThatThrownBy(() -> OperationResolver.resolve("DELETE", Scope.OBJECT, Map.of("acl", ""), false))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.error()).isIn(S3Error.NOT_IMPLEMENTED);
                    assertThat(e.getMessage()).contains("DeleteObjectAcl");
                });
        assertThat(OperationResolver.awsName("GET", Scope.BUCKET, "lifecycle", false)).isEqualTo("GetBucketLifecycle");
        assertThat(OperationResolver.awsName("PUT", Scope.OBJECT, "legal-hold", false)).isEqualTo("PutObjectLegalhold");
    }
}
