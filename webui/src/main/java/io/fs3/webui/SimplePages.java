package io.fs3.webui;

import io.fs3.storage.BucketSummary;

import java.io.Writer;
import java.util.List;

/** The small pages: the bucket list, sign-in, and messages (access denied, not found, …). */
final class SimplePages {
    private final BrowserUrls urls;
    private final Layout layout;

    SimplePages(BrowserUrls urls, Layout layout) {
        this.urls = urls;
        this.layout = layout;
    }

    void buckets(Writer w, List<BucketSummary> buckets, Viewer viewer) {
        HtmlOut out = new HtmlOut(w);
        layout.begin(out, "Buckets", viewer, urls.buckets());
        out.raw("<h1>Buckets</h1>");
        if (buckets.isEmpty()) {
            out.element("p", "muted", viewer.signedIn() ? "You have no buckets yet." : "No public buckets. Sign in to see yours.");
        } else {
            out.raw("<div class=\"table-wrap\"><table id=\"buckets\" class=\"listing\"><thead><tr><th>Name</th>")
                    .raw("<th class=\"col-time\">Created</th></tr></thead><tbody>");
            for (BucketSummary b : buckets) {
                String name = b.name().value();
                out.raw("<tr").attr("data-bucket", name).raw("><td class=\"name\"><a class=\"entry\"")
                        .attr("href", urls.folder(name, "")).raw(">").raw(Layout.BUCKET_ICON).raw("<span>").text(name)
                        .raw("</span></a></td><td class=\"col-time\"><time").attr("datetime", Formats.isoTime(b.created()))
                        .raw(">").text(Formats.time(b.created())).raw("</time></td></tr>");
            }
            out.raw("</tbody></table></div>");
        }
        layout.end(out);
    }

    /** The sign-in form; {@code next} is where to go afterwards, {@code error} a message or null. */
    void login(Writer w, String next, String accessKey, String error) {
        HtmlOut out = new HtmlOut(w);
        layout.begin(out, "Sign in", Viewer.ANONYMOUS, null);
        out.raw("<div class=\"narrow card\"><h1>Sign in</h1>");
        if (error != null) {
            out.raw("<p class=\"error\" id=\"login-error\" role=\"alert\">").text(error).raw("</p>");
        }
        out.raw("<form method=\"post\" class=\"login\"").attr("action", BrowserUrls.BASE + "/login").raw(">")
                .hidden(BrowserUrls.NEXT, next == null ? urls.buckets() : next)
                .raw("<label for=\"access-key\">Access key</label>")
                .raw("<input type=\"text\" id=\"access-key\" name=\"accessKey\" autocomplete=\"username\" required")
                .raw(" autocapitalize=\"off\" spellcheck=\"false\"").attr("value", accessKey == null ? "" : accessKey).raw(">")
                .raw("<label for=\"secret-key\">Secret key</label>")
                .raw("<input type=\"password\" id=\"secret-key\" name=\"secretKey\" autocomplete=\"current-password\" required>")
                .raw("<button type=\"submit\" class=\"primary\" id=\"sign-in-submit\">Sign in</button></form>")
                .raw("<p class=\"muted\">Use the access key and secret key of your S3 clients. Public buckets can be ")
                .link(urls.buckets(), null, "browsed without signing in").raw(".</p></div>");
        layout.end(out);
    }

    /** A message page, e.g. "Access denied"; offers sign-in (returning to {@code returnTo}) to anonymous viewers. */
    void message(Writer w, Viewer viewer, String title, String message, String returnTo) {
        HtmlOut out = new HtmlOut(w);
        layout.begin(out, title, viewer, returnTo);
        out.raw("<div class=\"narrow card\"><h1 id=\"message-title\">").text(title).raw("</h1>")
                .raw("<p id=\"message\">").text(message).raw("</p><p class=\"links\">");
        if (!viewer.signedIn() && returnTo != null) {
            out.link(urls.login(returnTo), "button primary", "Sign in").raw(" ");
        }
        out.link(urls.buckets(), "button", "All buckets").raw("</p></div>");
        layout.end(out);
    }
}
