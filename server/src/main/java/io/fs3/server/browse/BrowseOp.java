package io.fs3.server.browse;

import io.fs3.config.WebUiSettings;
import io.fs3.s3.S3Error;
import io.fs3.s3.S3Exception;
import io.fs3.server.auth.CredentialStore;
import io.fs3.server.auth.UriEncoding;
import io.fs3.server.authz.Authorizer;
import io.fs3.server.http.S3Request;
import io.fs3.server.op.S3Operation;
import io.fs3.storage.BucketName;
import io.fs3.storage.BucketStore;
import io.fs3.storage.BucketSummary;
import io.fs3.storage.ObjectKey;
import io.fs3.storage.ObjectLister;
import io.fs3.storage.ObjectMetadata;
import io.fs3.storage.ObjectStore;
import io.fs3.storage.list.ContinuationTokens;
import io.fs3.webui.BrowserUrls;
import io.fs3.webui.ObjectView;
import io.fs3.webui.Viewer;
import io.fs3.webui.WebUi;
import io.fs3.webui.session.Session;
import io.fs3.webui.session.SessionCodec;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET ...?browser=true}: the bucket browser's pages on the S3 paths themselves. Browsers send no
 * signature, so the SigV4 filter lets these GETs through unsigned and the viewer is whoever the session
 * cookie names (anonymous without one); every page then asks the {@link Authorizer} as an S3 request would.
 */
public final class BrowseOp {
    static final List<Duration> SHARE_CHOICES = List.of(Duration.ofHours(1), Duration.ofDays(1), Presigner.MAX_EXPIRY);
    /** Download links redirect to a presigned URL that is valid this long. */
    static final Duration DOWNLOAD_EXPIRY = Duration.ofMinutes(5);
    private final BrowserParts parts;
    private final FolderViews folders;

    BrowseOp(BrowserParts parts) {
        this.parts = parts;
        this.folders = new FolderViews(parts);
    }

    /** Wires the browser; {@code sessionKey} (at least 32 bytes) signs session cookies. */
    public static BrowseOp create(WebUiSettings settings, BucketStore buckets, ObjectStore objects, ObjectLister lister,
                                  ContinuationTokens tokens, CredentialStore credentials, Authorizer authorizer,
                                  String region, byte[] sessionKey, Clock clock) {
        BrowserSessions sessions = new BrowserSessions(new SessionCodec(sessionKey, settings.sessionDuration(), clock),
                credentials);
        return new BrowseOp(new BrowserParts(settings, new WebUi(UriEncoding::encode), sessions,
                new Permissions(authorizer), buckets, objects, lister, tokens, new Presigner(credentials, region, clock),
                new UploadPolicies(credentials, region), clock));
    }

    public boolean enabled() {
        return parts.settings().enabled();
    }

    /** Sign-in, actions and assets under /_fs3/webui/ (registered only when the browser is enabled). */
    public WebUiResource resource() {
        return new WebUiResource(parts);
    }

    /** {@code /?browser=true}: the buckets this viewer may see. */
    public Response service(ContainerRequestContext ctx) {
        return respond(ctx, (session, viewer) -> {
            String accessKey = session.map(Session::accessKey).orElse(null);
            List<BucketSummary> visible = parts.buckets().listBuckets().stream()
                    .filter(b -> parts.permissions().canSee(accessKey, b.name())).toList();
            if (visible.isEmpty() && session.isEmpty()) {
                return HtmlResponses.seeOther(parts.ui().urls().login(parts.ui().urls().buckets())).build();
            }
            return HtmlResponses.page(200, parts.ui().buckets(visible, viewer));
        });
    }

    /** {@code /bucket?browser=true&prefix=…}: a folder. */
    public Response bucket(ContainerRequestContext ctx) {
        return respond(ctx, (session, viewer) -> {
            S3Request req = S3Request.of(ctx, null);
            return folder(session, viewer, req.bucket(), req.query(BrowserUrls.PREFIX), req);
        });
    }

    /** {@code /bucket/key?browser=true}: an object's page, its download ({@code &download=1}), or a folder. */
    public Response object(ContainerRequestContext ctx) {
        return respond(ctx, (session, viewer) -> {
            S3Request req = S3Request.of(ctx, null);
            BucketName bucket = req.bucket();
            ObjectKey key = req.key();
            if (key.isFolder()) {
                return folder(session, viewer, bucket, key.value(), req);
            }
            String accessKey = session.map(Session::accessKey).orElse(null);
            if (req.hasQuery(BrowserUrls.DOWNLOAD)) {
                return download(ctx, accessKey, bucket, key);
            }
            parts.permissions().require(accessKey, S3Operation.HEAD_OBJECT, bucket, key);
            ObjectMetadata meta = parts.objects().head(bucket, key);
            boolean canGet = parts.permissions().allows(accessKey, S3Operation.GET_OBJECT, bucket, key);
            boolean canDelete = accessKey != null && parts.permissions().allows(accessKey, S3Operation.DELETE_OBJECT, bucket, key);
            List<Duration> choices = accessKey != null && canGet ? SHARE_CHOICES : List.of();
            ObjectView.ShareLink share = choices.isEmpty() ? null : share(ctx, accessKey, bucket, key, req.query(BrowserUrls.SHARE));
            return HtmlResponses.page(200, parts.ui().object(new ObjectView(bucket.value(), meta, canGet, canDelete, choices,
                    share), viewer));
        });
    }

    private Response folder(Optional<Session> session, Viewer viewer, BucketName bucket, String prefix, S3Request req) {
        FolderViews.Query q = new FolderViews.Query(prefix == null ? "" : prefix, orEmpty(req.query(BrowserUrls.FILTER)),
                blankToNull(req.query(BrowserUrls.TOKEN)), number(req.query(BrowserUrls.PAGE), 1, Integer.MAX_VALUE, 1),
                req.query(BrowserUrls.PAGE_SIZE) == null ? null : number(req.query(BrowserUrls.PAGE_SIZE), 1, 1000,
                        parts.settings().pageSize()));
        return HtmlResponses.page(200, parts.ui().folder(folders.build(session, bucket, q), viewer));
    }

    /** Signed-in: a fresh presigned GET (as an attachment); anonymous: the plain object URL (public-read). */
    private Response download(ContainerRequestContext ctx, String accessKey, BucketName bucket, ObjectKey key) {
        parts.permissions().require(accessKey, S3Operation.GET_OBJECT, bucket, key);
        if (accessKey == null) {
            return HtmlResponses.seeOther(parts.ui().urls().objectPath(bucket.value(), key.value())).build();
        }
        String name = key.value().substring(key.value().lastIndexOf('/') + 1);
        String disposition = "attachment; filename=\"" + name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_")
                + "\"; filename*=UTF-8''" + UriEncoding.encode(name, false);
        return HtmlResponses.seeOther(parts.presigner().presignGet(accessKey, BrowserSessions.origin(ctx), bucket.value(),
                key.value(), DOWNLOAD_EXPIRY, Map.of("response-content-disposition", disposition))).build();
    }

    private ObjectView.ShareLink share(ContainerRequestContext ctx, String accessKey, BucketName bucket, ObjectKey key,
                                       String seconds) {
        if (seconds == null) {
            return null;
        }
        Duration expiry = Duration.ofSeconds(number(seconds, 1, (int) Presigner.MAX_EXPIRY.getSeconds(), 3600));
        String url = parts.presigner().presignGet(accessKey, BrowserSessions.origin(ctx), bucket.value(), key.value(),
                expiry, Map.of());
        return new ObjectView.ShareLink(url, expiry, parts.presigner().expiresAt(expiry));
    }

    @FunctionalInterface
    private interface View {
        Response render(Optional<Session> session, Viewer viewer);
    }

    /** Renders a view; S3 errors (access denied, no such key, a forged token…) become an HTML message page. */
    private Response respond(ContainerRequestContext ctx, View view) {
        if (!enabled()) {
            throw S3Exception.of(S3Error.ACCESS_DENIED, "The bucket browser is disabled (fs3.webui.enabled=false).");
        }
        Optional<Session> session = parts.sessions().session(ctx);
        Viewer viewer = parts.sessions().viewer(session);
        try {
            return view.render(session, viewer);
        } catch (S3Exception e) {
            return errorPage(viewer, e, () -> returnTo(ctx));
        }
    }

    static Response errorPage(Viewer viewer, S3Exception e, Supplier<String> returnTo, BrowserParts parts) {
        String title;
        String message;
        switch (e.error()) {
            case ACCESS_DENIED -> {
                title = "Access denied";
                message = viewer.signedIn() ? "Your access key may not do this here."
                        : "This is not public. Sign in to continue.";
            }
            case NO_SUCH_BUCKET -> {
                title = "No such bucket";
                message = "The bucket does not exist.";
            }
            case NO_SUCH_KEY -> {
                title = "No such object";
                message = "The object does not exist (it may have just been deleted).";
            }
            default -> {
                title = "That did not work";
                message = e.getMessage();
            }
        }
        return HtmlResponses.page(e.error().status(), parts.ui().message(viewer, title, message, returnTo.get()));
    }

    private Response errorPage(Viewer viewer, S3Exception e, Supplier<String> returnTo) {
        return errorPage(viewer, e, returnTo, parts);
    }

    /** This page's own path and query, to come back to after signing in. */
    private static String returnTo(ContainerRequestContext ctx) {
        var uri = ctx.getUriInfo().getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    static int number(String value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Math.max(min, Math.min(max, Integer.parseInt(value.trim())));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
