package io.fs3.webui;

import io.fs3.storage.ContentHeaders;
import io.fs3.storage.ObjectMetadata;

import java.io.Writer;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/** One object: download and delete, its properties, user metadata, tags, and a shareable presigned link. */
final class ObjectPage {
    private final BrowserUrls urls;
    private final Layout layout;

    ObjectPage(BrowserUrls urls, Layout layout) {
        this.urls = urls;
        this.layout = layout;
    }

    void render(Writer w, ObjectView v, Viewer viewer) {
        HtmlOut out = new HtmlOut(w);
        String key = v.metadata().key().value();
        String name = key.substring(key.lastIndexOf('/', key.length() - 1) + 1);
        layout.begin(out, name, viewer, urls.object(v.bucket(), key));
        layout.crumbs(out, Crumb.forPath(urls, v.bucket(), key, false));
        out.raw("<div class=\"title-row\"><h1 id=\"object-name\">").text(name).raw("</h1><div class=\"actions\">");
        if (v.canDownload()) {
            out.raw("<a class=\"button primary\" id=\"download\" download").attr("href", urls.download(v.bucket(), key))
                    .raw(">Download</a>");
        }
        if (v.canDelete()) {
            String parent = key.substring(0, key.lastIndexOf('/') + 1);
            layout.postButton(out, urls.delete(), viewer, "Delete “" + name + "”?", "Delete", "danger",
                    "bucket", v.bucket(), "key", key, "prefix", parent);
        }
        out.raw("</div></div>");
        properties(out, v.metadata());
        table(out, "Metadata", "metadata", v.metadata().userMetadata(), "No user metadata.");
        table(out, "Tags", "tags", v.metadata().tags(), "No tags.");
        if (v.canShare()) {
            share(out, v, key);
        }
        layout.end(out);
    }

    private static void properties(HtmlOut out, ObjectMetadata m) {
        out.raw("<section><h2>Properties</h2><dl class=\"props\" id=\"properties\">");
        prop(out, "Key", m.key().value());
        prop(out, "Size", Formats.size(m.size()) + (m.size() >= 1024 ? " (" + m.size() + " bytes)" : ""));
        prop(out, "Last modified", Formats.time(m.lastModified()));
        prop(out, "ETag", m.etag());
        ContentHeaders c = m.content();
        prop(out, "Content-Type", c.contentType());
        prop(out, "Content-Encoding", c.contentEncoding());
        prop(out, "Content-Disposition", c.contentDisposition());
        prop(out, "Content-Language", c.contentLanguage());
        prop(out, "Cache-Control", c.cacheControl());
        prop(out, "Expires", c.expires());
        if (m.checksums() != null) {
            new TreeMap<>(m.checksums()).forEach((alg, value) -> prop(out, "Checksum " + alg, value));
        }
        if (!m.partSizes().isEmpty()) {
            prop(out, "Parts", Integer.toString(m.partSizes().size()));
        }
        out.raw("</dl></section>");
    }

    private static void prop(HtmlOut out, String label, String value) {
        if (value != null && !value.isEmpty()) {
            out.element("dt", null, label).element("dd", null, value);
        }
    }

    private static void table(HtmlOut out, String title, String id, Map<String, String> entries, String none) {
        out.raw("<section><h2>").text(title).raw("</h2>");
        if (entries == null || entries.isEmpty()) {
            out.element("p", "muted", none).raw("</section>");
            return;
        }
        out.raw("<table class=\"kv\"").attr("id", id).raw("><thead><tr><th>Name</th><th>Value</th></tr></thead><tbody>");
        new TreeMap<>(entries).forEach((k, v) -> out.raw("<tr>").element("td", null, k).element("td", null, v).raw("</tr>"));
        out.raw("</tbody></table></section>");
    }

    private void share(HtmlOut out, ObjectView v, String key) {
        out.raw("<section><h2>Share</h2><form class=\"share-form\" method=\"get\"")
                .attr("action", urls.objectPath(v.bucket(), key)).raw(">").hidden(BrowserUrls.BROWSER, "true")
                .raw("<label for=\"share-expiry\">Link valid for</label><select id=\"share-expiry\"")
                .attr("name", BrowserUrls.SHARE).raw(">");
        for (Duration d : v.shareChoices()) {
            boolean selected = v.share() != null && d.equals(v.share().validFor());
            out.raw("<option").attr("value", Long.toString(d.getSeconds())).raw(selected ? " selected>" : ">")
                    .text(Formats.duration(d)).raw("</option>");
        }
        out.raw("</select><button type=\"submit\" id=\"create-link\">Create link</button></form>");
        if (v.share() != null) {
            out.raw("<div class=\"share\"><input type=\"text\" id=\"share-url\" readonly aria-label=\"Shareable link\"")
                    .attr("value", v.share().url()).raw("><button type=\"button\" id=\"copy-link\">Copy</button></div>")
                    .raw("<p class=\"muted\">Anyone with this link can download the object until <time")
                    .attr("datetime", Formats.isoTime(v.share().expires())).raw(">")
                    .text(Formats.time(v.share().expires())).raw("</time>.</p>");
        }
        out.raw("</section>");
    }
}
