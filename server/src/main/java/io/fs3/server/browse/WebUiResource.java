package io.fs3.server.browse;

import io.fs3.s3.S3Exception;
import io.fs3.storage.BucketName;
import io.fs3.storage.ObjectKey;
import io.fs3.webui.Assets;
import io.fs3.webui.BrowserUrls;
import io.fs3.webui.Viewer;
import io.fs3.webui.session.Session;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Optional;
import java.util.function.Function;

/**
 * The bucket browser's own endpoints under {@code /_fs3/webui/} (SigV4 does not apply under {@code /_fs3/}):
 * static assets, sign-in and sign-out, and the form actions (new folder, delete). Every POST needs the session's
 * CSRF token and a same-origin {@code Origin}; the pages themselves are served by {@link BrowseOp}.
 */
@Path(BrowserUrls.BASE)
public final class WebUiResource {
    private final BrowserParts parts;
    private final WebUiActions actions;

    WebUiResource(BrowserParts parts) {
        this.parts = parts;
        this.actions = new WebUiActions(parts);
    }

    /** Versioned URLs ({@code ?v=<hash>}) are immutable and cached for a year; others revalidate by ETag. */
    @GET
    @Path("static/{name}")
    public Response asset(@PathParam("name") String name, @QueryParam("v") String version,
                          @HeaderParam("If-None-Match") String ifNoneMatch) {
        Optional<Assets.Asset> asset = parts.ui().assets().get(name);
        if (asset.isEmpty()) {
            return Response.status(404).type("text/plain; charset=utf-8").entity("no such asset\n").build();
        }
        Assets.Asset a = asset.get();
        String etag = "\"" + a.version() + "\"";
        String caching = a.version().equals(version) ? "public, max-age=31536000, immutable" : "public, max-age=300";
        Response.ResponseBuilder r = etag.equals(ifNoneMatch) ? Response.notModified() : Response.ok(a.bytes(), a.contentType());
        return r.header("ETag", etag).header("Cache-Control", caching).header("X-Content-Type-Options", "nosniff").build();
    }

    @GET
    @Path("login")
    public Response loginPage(@QueryParam(BrowserUrls.NEXT) String next) {
        return HtmlResponses.page(200, parts.ui().login(safeNext(next), null, null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@Context ContainerRequestContext ctx, @FormParam("accessKey") String accessKey,
                          @FormParam("secretKey") String secretKey, @FormParam(BrowserUrls.NEXT) String next) {
        if (!BrowserSessions.sameOrigin(ctx)) {
            return HtmlResponses.page(403, parts.ui().login(safeNext(next), accessKey, "Sign in from fs3's own page."));
        }
        Optional<String> cookie = parts.sessions().signIn(accessKey, secretKey);
        if (cookie.isEmpty()) {
            return HtmlResponses.page(401, parts.ui().login(safeNext(next), accessKey,
                    "The access key or secret key is not right."));
        }
        return HtmlResponses.seeOther(safeNext(next))
                .header("Set-Cookie", parts.sessions().setCookie(cookie.get(), ctx.getSecurityContext().isSecure())).build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@Context ContainerRequestContext ctx, @FormParam("csrf") String csrf) {
        return withSession(ctx, csrf, null, session -> HtmlResponses.seeOther(parts.ui().urls().buckets())
                .header("Set-Cookie", parts.sessions().clearCookie(ctx.getSecurityContext().isSecure())).build());
    }

    @POST
    @Path("folder")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createFolder(@Context ContainerRequestContext ctx, @FormParam("csrf") String csrf,
                                 @FormParam("bucket") String bucket, @FormParam("prefix") String prefix,
                                 @FormParam("name") String name) {
        String folder = prefix == null ? "" : prefix;
        return withSession(ctx, csrf, bucket == null ? null : parts.ui().urls().folder(bucket, folder), session -> {
            actions.createFolder(session.accessKey(), BucketName.of(bucket), folder, name);
            return HtmlResponses.seeOther(parts.ui().urls().folder(bucket, folder)).build();
        });
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response delete(@Context ContainerRequestContext ctx, @FormParam("csrf") String csrf,
                           @FormParam("bucket") String bucket, @FormParam("key") String key) {
        String parent = key == null ? "" : WebUiActions.parent(key);
        return withSession(ctx, csrf, bucket == null ? null : parts.ui().urls().folder(bucket, parent), session -> {
            actions.delete(session.accessKey(), BucketName.of(bucket), ObjectKey.of(key));
            return HtmlResponses.seeOther(parts.ui().urls().folder(bucket, parent)).build();
        });
    }

    /** Runs a form action for a valid session with a matching CSRF token; errors become message pages. */
    private Response withSession(ContainerRequestContext ctx, String csrf, String returnTo,
                                 Function<Session, Response> action) {
        Optional<Session> session = parts.sessions().session(ctx);
        Viewer viewer = parts.sessions().viewer(session);
        if (session.isEmpty()) {
            return HtmlResponses.page(403, parts.ui().message(viewer, "Signed out",
                    "Your session has ended. Sign in and try again.", returnTo == null ? parts.ui().urls().buckets() : returnTo));
        }
        if (!BrowserSessions.sameOrigin(ctx) || !parts.sessions().csrfMatches(session.get(), csrf)) {
            return HtmlResponses.page(403, parts.ui().message(viewer, "Form expired",
                    "This form is not from your current session. Reload the page and try again.", returnTo));
        }
        try {
            return action.apply(session.get());
        } catch (S3Exception e) {
            return BrowseOp.errorPage(viewer, e, () -> returnTo, parts);
        }
    }

    /** Only a path on this server ("/…", not "//host"), so signing in can never redirect elsewhere. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            return "/?" + BrowserUrls.BROWSER + "=true";
        }
        try {
            java.net.URI.create(next);
            return next;
        } catch (IllegalArgumentException e) {
            return "/?" + BrowserUrls.BROWSER + "=true";
        }
    }
}
