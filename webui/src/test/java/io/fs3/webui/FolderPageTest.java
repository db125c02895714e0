package io.fs3.webui;

import io.fs3.storage.ListPage;
import io.fs3.storage.ObjectSummary;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FolderPageTest {
    private static final String SCRIPT_KEY = "docs/<script>alert(1)</script>";
    private static final String IMG_KEY = "docs/\"><img src=x onerror=alert(1)>";
    private final WebUi ui = new WebUi(new TestEncoder());
    private final Viewer alice = new Viewer("alice", "tok\"en");

    private String render(FolderView view, Viewer viewer) {
        StringWriter w = new StringWriter();
        ui.folder(view, viewer).writeTo(w);
        return w.toString();
    }

    private static FolderView view(List<ObjectSummary> objects, List<String> prefixes, String token,
                                   FolderView.Actions actions) {
        return new FolderView("b", "docs/", "", new ListPage(objects, prefixes, token != null, null),
                Map.of(), token, 1, null, actions);
    }

    private static ObjectSummary obj(String key, long size) {
        return new ObjectSummary(key, size, Instant.parse("2024-05-01T12:34:56Z"), "e");
    }

    @Test
    void keysThatLookLikeMarkupAreEscapedEverywhere() {
        String html = render(view(List.of(obj(SCRIPT_KEY, 1), obj(IMG_KEY, 2)), List.of("docs/<b>x</b>/"), null,
                new FolderView.Actions(true, true, Map.of())), alice);
        assertThat(html).doesNotContain("<script>alert").doesNotContain("<img src=x").doesNotContain("<b>x</b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
                .contains("&lt;b&gt;x&lt;/b&gt;/");
        // Links carry the key percent-encoded, never raw.
        assertThat(html).contains("href=\"/b/docs/%3Cscript%3Ealert%281%29%3C/script%3E?browser=true\"");
        // The CSRF token is escaped inside its attribute too.
        assertThat(html).contains("value=\"tok&quot;en\"");
    }

    @Test
    void linksToAwkwardKeysArePercentEncoded() {
        String key = "docs/a b#c?d%e+f ü😀";
        String html = render(view(List.of(obj(key, 3)), List.of(), null, FolderView.Actions.NONE), Viewer.ANONYMOUS);
        assertThat(html).contains("href=\"/b/docs/a%20b%23c%3Fd%25e%2Bf%20%C3%BC%F0%9F%98%80?browser=true\"")
                .contains("<span>a b#c?d%e+f ü😀</span>");
    }

    @Test
    void foldersComeFirstAndTheFolderMarkerItselfIsHidden() {
        String html = render(view(List.of(obj("docs/", 0), obj("docs/a.txt", 2048)), List.of("docs/z/"), null,
                FolderView.Actions.NONE), Viewer.ANONYMOUS);
        assertThat(html.indexOf("data-key=\"docs/z/\"")).isLessThan(html.indexOf("data-key=\"docs/a.txt\""));
        assertThat(html).doesNotContain("data-key=\"docs/\"").contains("2.0 KiB")
                .contains("href=\"/b?browser=true&amp;prefix=docs%2Fz%2F\"");
    }

    @Test
    void nextPageLinkCarriesTokenFilterAndPageSize() {
        FolderView v = new FolderView("b", "docs/", "fi le", new ListPage(List.of(obj("docs/fi le1", 1)), List.of(), true,
                "docs/fi le1"), Map.of(), "TOKEN-1", 2, 50, FolderView.Actions.NONE);
        String html = render(v, Viewer.ANONYMOUS);
        assertThat(html).contains("Page 2")
                .contains("href=\"/b?browser=true&amp;prefix=docs%2F&amp;filter=fi%20le&amp;token=TOKEN-1&amp;page=3&amp;page-size=50\"")
                .contains("id=\"next-page\"").contains(">First page<");
    }

    @Test
    void anonymousViewersGetNoForms() {
        String html = render(view(List.of(obj("docs/a", 1)), List.of(), null,
                new FolderView.Actions(true, true, Map.of("policy", "p"))), Viewer.ANONYMOUS);
        assertThat(html).doesNotContain("upload-form").doesNotContain("csrf").doesNotContain(">Delete<")
                .contains("id=\"sign-in\"");
    }

    @Test
    void uploadFormCarriesSignedFieldsAndThePrefix() {
        String html = render(view(List.of(), List.of(), null,
                new FolderView.Actions(false, false, Map.of("policy", "eyJ9", "x-amz-signature", "abc"))), alice);
        assertThat(html).contains("id=\"upload-form\"").contains("data-prefix=\"docs/\"").contains("action=\"/b\"")
                .contains("name=\"policy\" value=\"eyJ9\"").contains("name=\"x-amz-signature\" value=\"abc\"")
                .contains("id=\"upload-bar\"").contains("This folder is empty.");
    }
}
