package io.fs3.server.authz;

import io.fs3.server.op.S3Operation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {
    @Test
    void everyOperationSaysWhatItNeeds() {
        assertThat(Arrays.stream(S3Operation.values()).filter(op -> op != S3Operation.UNSUPPORTED)
                .filter(op -> !Access.classified(op)).toList())
                .as("add these operations to Access's table").isEmpty();
    }

    @Test
    void readsDoNotCountAsWritesOnReadOnlyBuckets() {
        assertThat(Access.of(S3Operation.GET_OBJECT).write()).isFalse();
        assertThat(Access.of(S3Operation.LIST_OBJECTS_V2).write()).isFalse();
        assertThat(Access.of(S3Operation.GET_BUCKET_ACL).write()).isFalse();
        assertThat(Access.of(S3Operation.PUT_OBJECT).write()).isTrue();
        assertThat(Access.of(S3Operation.PUT_OBJECT_ACL).write()).isTrue();
        assertThat(Access.of(S3Operation.COMPLETE_MULTIPART_UPLOAD).write()).isTrue();
        assertThat(Access.of(S3Operation.UNSUPPORTED).scope()).isEqualTo(Access.Scope.BUCKET_OWNER);
    }
}
