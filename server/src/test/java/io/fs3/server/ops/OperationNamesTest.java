package io.fs3.server.ops;

import io.fs3.server.op.S3Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OperationNamesTest {
    @Test
    void operationsAreNamedAsInTheAwsApiReference() {
        assertThat(OperationNames.of(S3Operation.GET_OBJECT)).isEqualTo("GetObject");
        assertThat(OperationNames.of(S3Operation.LIST_OBJECTS_V2)).isEqualTo("ListObjectsV2");
        assertThat(OperationNames.of(S3Operation.GET_BUCKET_LOCATION)).isEqualTo("GetBucketLocation");
        assertThat(OperationNames.of(S3Operation.LIST_BUCKETS)).isEqualTo("ListBuckets");
    }

    @Test
    void bucketAndKeyAreDecodedFromTheRawPath() {
        assertThat(RequestListener.bucketAndKey("/b/a%20b/c%2Fd")).containsExactly("b", "a b/c/d");
        assertThat(RequestListener.bucketAndKey("/b/")).containsExactly("b", null);
        assertThat(RequestListener.bucketAndKey("/")).containsExactly(null, null);
    }
}
