package io.fs3.server.browse;

import io.fs3.webui.Page;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Pages as responses, with the headers every browser page gets. */
final class HtmlResponses {
    /**
     * Scripts, styles and connections only from fs3 itself and no inline script at all: even a markup bug
     * could not run injected code. Uploads are same-origin XHRs; forms only post to fs3.
     */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private HtmlResponses() {
    }

    static Response page(int status, Page page) {
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            page.writeTo(w);
            w.flush();
        };
        return secure(Response.status(status).type("text/html; charset=utf-8").entity(body)).build();
    }

    /** 303 See Other: after a form post (so reload does not post again), or to a presigned URL. */
    static Response.ResponseBuilder seeOther(String location) {
        return secure(Response.seeOther(URI.create(location)));
    }

    private static Response.ResponseBuilder secure(Response.ResponseBuilder r) {
        return r.header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CSP)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }
}
