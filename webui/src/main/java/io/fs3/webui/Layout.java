package io.fs3.webui;

import java.util.List;

/** The frame every page shares: head, top bar with the signed-in user, breadcrumbs, footer. */
final class Layout {
    static final String FOLDER_ICON = "<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M3 6.5A1.5 "
            + "1.5 0 0 1 4.5 5h4.8l2 2h8.2A1.5 1.5 0 0 1 21 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 17.5z\" "
            + "fill=\"#f2b93b\"/></svg>";
    static final String FILE_ICON = "<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M6 3h8l4 4v13a1 "
            + "1 0 0 1-1 1H6a1 1 0 0 1-1-1V4a1 1 0 0 1 1-1z\" fill=\"#e8edf3\" stroke=\"#8a99ab\"/><path d=\"M14 3v4h4\" "
            + "fill=\"none\" stroke=\"#8a99ab\"/></svg>";
    static final String BUCKET_ICON = "<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M4 6h16l-2 "
            + "13a2 2 0 0 1-2 1.7H8A2 2 0 0 1 6 19z\" fill=\"#5b8def\"/><ellipse cx=\"12\" cy=\"6\" rx=\"8\" ry=\"2.2\" "
            + "fill=\"#8fb1f5\"/></svg>";

    private final BrowserUrls urls;

    Layout(BrowserUrls urls) {
        this.urls = urls;
    }

    /** Everything up to and including the opening {@code <main>}. */
    void begin(HtmlOut out, String title, Viewer viewer, String returnTo) {
        out.raw("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .raw("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .raw("<meta name=\"referrer\" content=\"same-origin\">")
                .raw("<title>").text(title).raw(" · fs3</title>")
                .raw("<link rel=\"stylesheet\"").attr("href", urls.asset(Assets.STYLESHEET)).raw(">")
                .raw("<script defer").attr("src", urls.asset(Assets.SCRIPT)).raw("></script></head><body>")
                .raw("<header class=\"top\"><a class=\"brand\"").attr("href", urls.buckets())
                .raw("><span class=\"logo\">fs3</span><span class=\"brand-sub\">bucket browser</span></a>")
                .raw("<div class=\"user\">");
        if (viewer.signedIn()) {
            out.raw("<span class=\"who\" id=\"signed-in-as\">").text(viewer.accessKey()).raw("</span>")
                    .raw("<form method=\"post\" class=\"inline\"").attr("action", urls.logout()).raw(">")
                    .hidden("csrf", viewer.csrfToken())
                    .raw("<button type=\"submit\" class=\"link-button\" id=\"sign-out\">Sign out</button></form>");
        } else {
            out.raw("<a class=\"button small\" id=\"sign-in\"").attr("href", urls.login(returnTo)).raw(">Sign in</a>");
        }
        out.raw("</div></header><main>");
    }

    void crumbs(HtmlOut out, List<Crumb> crumbs) {
        out.raw("<nav class=\"crumbs\" aria-label=\"Breadcrumbs\"><ol>");
        for (Crumb c : crumbs) {
            out.raw("<li>");
            if (c.url() == null) {
                out.raw("<span aria-current=\"page\">").text(c.label()).raw("</span>");
            } else {
                out.link(c.url(), null, c.label());
            }
            out.raw("</li>");
        }
        out.raw("</ol></nav>");
    }

    void end(HtmlOut out) {
        out.raw("</main><footer>fs3 · S3 over a POSIX directory tree</footer></body></html>\n");
        out.flush();
    }

    /** A POST form button with the CSRF token and hidden fields; {@code confirm} asks first (via fs3.js). */
    void postButton(HtmlOut out, String action, Viewer viewer, String confirm, String label, String cls,
                    String... fields) {
        out.raw("<form method=\"post\" class=\"inline\"").attr("action", action);
        if (confirm != null) {
            out.attr("data-confirm", confirm);
        }
        out.raw(">").hidden("csrf", viewer.csrfToken());
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.hidden(fields[i], fields[i + 1]);
        }
        out.raw("<button type=\"submit\"").attr("class", cls).raw(">").text(label).raw("</button></form>");
    }
}
