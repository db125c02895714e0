package io.fs3.server.logging;

import io.fs3.server.ops.RequestRecord;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogLineTest {
    private static RequestRecord record(String key, String user, String error) {
        return new RequestRecord(Instant.parse("2026-01-02T03:04:05.678Z"), "ABC123", user, "GetObject", "GET",
                "photos", key, 404, error, 0, 243, 1_234_567, "127.0.0.1", "aws-sdk-java/2.56 md/io#sync");
    }

    @Test
    void oneKeyValueLinePerRequestWithDashForAbsentValues() {
        assertThat(AccessLogLine.format(record("cat.jpg", null, "NoSuchKey"))).isEqualTo(
                "time=2026-01-02T03:04:05.678Z request_id=ABC123 client=127.0.0.1 user=- op=GetObject method=GET "
                        + "bucket=photos key=cat.jpg status=404 error=NoSuchKey bytes_in=0 bytes_out=243 "
                        + "duration_ms=1.235 user_agent=\"aws-sdk-java/2.56 md/io#sync\"");
    }

    @Test
    void keysCannotForgeLinesOrFields() {
        String line = AccessLogLine.format(record("a\nstatus=200 \"x\"\\\u0001", "AK", null));
        assertThat(line).doesNotContain("\n").contains("key=\"a\\nstatus=200 \\\"x\\\"\\\\\\u0001\"");
        assertThat(line).contains(" error=- ");
    }

    @Test
    void aLiteralDashOrEmptyValueIsQuoted() {
        assertThat(AccessLogLine.format(record("-", "AK", null))).contains(" key=\"-\" ");
        assertThat(AccessLogLine.format(record("", "AK", null))).contains(" key=\"\" ");
    }
}
