package io.fs3.server.browse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebUiResourceTest {
    @ParameterizedTest
    @ValueSource(strings = {"//evil.example/x", "/\\evil.example", "https://evil.example/", "evil", "/a b", "/a\r\nSet-Cookie:x",
        "/{x}"})
    void signInNeverRedirectsOffSite(String next) {
        assertThat(WebUiResource.safeNext(next)).isEqualTo("/?browser=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/?browser=true", "/b?browser=true&prefix=a%2F", "/b/k%20x?browser=true&share=3600"})
    void signInReturnsToPagesOnThisServer(String next) {
        assertThat(WebUiResource.safeNext(next)).isEqualTo(next);
    }
}
