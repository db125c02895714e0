package io.fs3.storage.posix;

import io.fs3.storage.ContentHeaders;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContentTypesTest {
    @Test
    void guessesFromTheNameAndFallsBackToOctetStream() {
        assertThat(ContentTypes.guess("x.json")).isEqualTo("application/json");
        assertThat(ContentTypes.guess("X.CSS")).isEqualTo("text/css");
        assertThat(ContentTypes.guess("page.html")).isEqualTo("text/html");
        assertThat(ContentTypes.guess("o1234")).isEqualTo(ContentTypes.DEFAULT);
    }

    @Test
    void guessedHeadersAreSharedPerTypeAndCarryOnlyTheType() {
        ContentHeaders a = ContentTypes.guessedHeaders("a.json");
        assertThat(ContentTypes.guessedHeaders("other/b.json")).isSameAs(a);
        assertThat(a).isEqualTo(ContentHeaders.NONE.withContentType("application/json"));
        assertThat(ContentTypes.guessedHeaders("o1")).isNotSameAs(a)
                .isEqualTo(ContentHeaders.NONE.withContentType(ContentTypes.DEFAULT));
    }
}
