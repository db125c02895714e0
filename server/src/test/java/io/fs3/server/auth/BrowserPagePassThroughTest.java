package io.fs3.server.auth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which unsigned requests the SigV4 filter hands to the bucket browser (its cookie decides), and which it does not. */
class BrowserPagePassThroughTest {
    @ParameterizedTest(name = "{0} {1}?{2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET|/|browser=true|true",
        "GET|/bucket|browser=true&prefix=a%2F|true",
        "GET|/bucket/key|prefix=x&browser|true",
        "GET|/bucket/key|%62rowser=true|true",
        "GET|/bucket|list-type=2|false",
        "GET|/bucket|browsers=true|false",
        "HEAD|/bucket/key|browser=true|false",
        "PUT|/bucket/key|browser=true|false",
        "DELETE|/bucket/key|browser=true|false",
        "GET|/bucket/key||false",
    })
    void onlyGetsWithABrowserParameterPass(String method, String path, String query, boolean passes) {
        SignedRequest r = new SignedRequest(method, path, query, Map.of());
        assertThat(SigV4AuthFilter.isBrowserPage(r)).isEqualTo(passes);
    }
}
