package io.fs3.webui;

import io.fs3.storage.BucketName;
import io.fs3.storage.BucketSummary;
import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectMetadata;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PagesTest {
    private final WebUi ui = new WebUi(new TestEncoder());
    private final Viewer alice = new Viewer("alice", "t0k");

    private static String render(Page page) {
        StringWriter w = new StringWriter();
        page.writeTo(w);
        return w.toString();
    }

    @Test
    void objectPageEscapesMetadataAndTagsAndShowsShareLink() {
        ObjectMetadata m = new ObjectMetadata(ObjectKey.of("a/<i>x</i>.txt"), 4096, Instant.parse("2024-01-02T03:04:05Z"),
                "abc", new ContentHeaders("text/<plain>", null, null, null, null, null),
                Map.of("note", "<script>alert(1)</script>"), Map.of(), Map.of("t\"ag", "v&lue"));
        ObjectView v = new ObjectView("b", m, true, true, List.of(Duration.ofHours(1), Duration.ofDays(7)),
                new ObjectView.ShareLink("http://h/b/a?X-Amz-Signature=s&x=\"y", Duration.ofDays(7),
                        Instant.parse("2024-01-09T03:04:05Z")));
        String html = render(ui.object(v, alice));
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<i>x</i>").doesNotContain("text/<plain>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("t&quot;ag").contains("v&amp;lue")
                .contains("4.0 KiB (4096 bytes)").contains("2024-01-02 03:04 UTC")
                .contains("value=\"http://h/b/a?X-Amz-Signature=s&amp;x=&quot;y\"")
                .contains("<option value=\"604800\" selected>7 days</option>")
                .contains("href=\"/b/a/%3Ci%3Ex%3C/i%3E.txt?browser=true&amp;download=1\"")
                .contains("data-confirm=\"Delete “i&gt;.txt”?\"");
    }

    @Test
    void objectPageWithoutRightsHasNoActions() {
        ObjectMetadata m = new ObjectMetadata(ObjectKey.of("k"), 1, Instant.EPOCH, "e", ContentHeaders.NONE, Map.of(), Map.of());
        String html = render(ui.object(new ObjectView("b", m, false, false, List.of(), null), Viewer.ANONYMOUS));
        assertThat(html).doesNotContain("id=\"download\"").doesNotContain(">Delete<").doesNotContain("share-expiry")
                .contains("No user metadata.").contains("No tags.");
    }

    @Test
    void bucketListEscapesNamesAndLinksToFolders() {
        String html = render(ui.buckets(List.of(new BucketSummary(BucketName.of("Weird<b>"), Instant.EPOCH)), alice));
        assertThat(html).contains("&lt;b&gt;").doesNotContain("Weird<b>")
                .contains("href=\"/Weird%3Cb%3E?browser=true\"").contains("id=\"sign-out\"")
                .contains("name=\"csrf\" value=\"t0k\"");
    }

    @Test
    void loginPageEscapesTheReturnPathAndError() {
        String html = render(ui.login("/b?browser=true&x=\"><script>", "ak\"", "Bad <key>"));
        assertThat(html).contains("value=\"/b?browser=true&amp;x=&quot;&gt;&lt;script&gt;\"")
                .contains("Bad &lt;key&gt;").contains("value=\"ak&quot;\"").contains("type=\"password\"")
                .doesNotContain("<script>\"");
    }

    @Test
    void messagePageOffersSignInToAnonymousVisitors() {
        String html = render(ui.message(Viewer.ANONYMOUS, "Access denied", "No <access>.", "/b?browser=true"));
        assertThat(html).contains("No &lt;access&gt;.").contains("href=\"/_fs3/webui/login?next=%2Fb%3Fbrowser%3Dtrue\"");
        assertThat(render(ui.message(alice, "Access denied", "x", "/b"))).doesNotContain("/_fs3/webui/login?next");
    }

    @Test
    void everyPageIsResponsiveAndLoadsVersionedAssets() {
        String html = render(ui.login(null, null, null));
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .containsPattern("href=\"/_fs3/webui/static/fs3.css\\?v=[0-9a-f]{16}\"")
                .containsPattern("src=\"/_fs3/webui/static/fs3.js\\?v=[0-9a-f]{16}\"")
                .doesNotContain("onclick").doesNotContain("style=");
    }

    @Test
    void formatsSizesTimesAndDurations() {
        assertThat(Formats.size(0)).isEqualTo("0 B");
        assertThat(Formats.size(1023)).isEqualTo("1023 B");
        assertThat(Formats.size(1536)).isEqualTo("1.5 KiB");
        assertThat(Formats.size(150L << 20)).isEqualTo("150 MiB");
        assertThat(Formats.size(5L << 40)).isEqualTo("5.0 TiB");
        assertThat(Formats.time(Instant.parse("2024-12-31T23:59:59Z"))).isEqualTo("2024-12-31 23:59 UTC");
        assertThat(Formats.duration(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(Formats.duration(Duration.ofDays(7))).isEqualTo("7 days");
        assertThat(Formats.duration(Duration.ofMinutes(15))).isEqualTo("15 minutes");
    }

    @Test
    void assetsHaveStableVersionsAndTypes() {
        Assets assets = Assets.load();
        assertThat(assets.get(Assets.STYLESHEET)).hasValueSatisfying(a -> {
            assertThat(a.contentType()).startsWith("text/css");
            assertThat(a.version()).hasSize(16).isEqualTo(Assets.load().get(Assets.STYLESHEET).orElseThrow().version());
        });
        assertThat(assets.get("../../secret")).isEmpty();
    }
}
