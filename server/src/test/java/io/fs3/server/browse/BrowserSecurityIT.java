package io.fs3.server.browse;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.fs3.server.it.TestServer.ACCESS_KEY;
import static io.fs3.server.it.TestServer.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** Markup in keys stays text, awkward keys round-trip, and the browser's doors stay shut without a session. */
class BrowserSecurityIT {
    private static final String SCRIPT_KEY = "xss/<script>alert(1)</script>";
    private static final String IMG_KEY = "xss/\"><img src=x onerror=alert(1)>";
    private static final String ODD_KEY = "odd/a b#c?d%e+f ü😀.txt";
    private static final byte[] ODD_BODY = "awkward but fine\n".getBytes(StandardCharsets.UTF_8);
    @TempDir
    static Path tmp;
    private static TestServer server;
    private static Chrome chrome;
    private static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        server = TestServer.start(Files.createDirectories(tmp.resolve("root")));
        try (S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("private"));
            s3.putObject(b -> b.bucket("private").key(SCRIPT_KEY), RequestBody.fromString("s"));
            s3.putObject(b -> b.bucket("private").key(IMG_KEY).metadata(Map.of("note", "<script>alert(2)</script>"))
                    .tagging("team=web%20ui"), RequestBody.fromString("i"));
            s3.putObject(b -> b.bucket("private").key(ODD_KEY).contentType("text/plain"), RequestBody.fromBytes(ODD_BODY));
            s3.putObject(b -> b.bucket("private").key("keep.txt"), RequestBody.fromString("keep"));
            s3.createBucket(b -> b.bucket("public"));
            s3.putBucketAcl(b -> b.bucket("public").acl(BucketCannedACL.PUBLIC_READ));
            s3.putObject(b -> b.bucket("public").key("pub/hello.txt").contentType("text/plain"),
                    RequestBody.fromString("hello, anyone"));
        }
        chrome = Chrome.start(server.endpoint(), Files.createDirectories(tmp.resolve("chrome")));
        web = new WebClient(server.endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        if (chrome != null) {
            chrome.close();
        }
        server.close();
    }

    @Test
    void markupInKeysAndMetadataIsShownAsText() throws Exception {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/private?browser=true&prefix=xss%2F");
        chrome.assertNoAlert();
        assertThat(chrome.findAll("img")).isEmpty();
        assertThat(chrome.find("tr[data-key='xss/<script>alert(1)</'] td.name").getText()).isEqualTo("<script>alert(1)</");
        String imgRow = chrome.findAll("#listing tr[data-key]").stream().filter(r -> IMG_KEY.equals(r.getAttribute("data-key")))
                .findFirst().orElseThrow().getText();
        assertThat(imgRow).startsWith("\"><img src=x onerror=alert(1)>");
        chrome.screenshot("xss-folder");

        chrome.open("/private?browser=true&prefix=" + java.net.URLEncoder.encode("xss/<script>alert(1)</", StandardCharsets.UTF_8));
        chrome.find("#listing tr[data-key] a.entry").click();
        chrome.waitFor(d -> !chrome.findAll("#properties").isEmpty());
        chrome.assertNoAlert();
        assertThat(chrome.find("#properties dd").getText()).isEqualTo(SCRIPT_KEY);
        assertThat(chrome.find("#object-name").getText()).isEqualTo("script>");

        chrome.driver().get(chrome.driver().getCurrentUrl().replace("/xss/%3Cscript%3Ealert%281%29%3C/script%3E",
                "/xss/%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E"));
        chrome.assertNoAlert();
        assertThat(chrome.findAll("img")).isEmpty();
        assertThat(chrome.find("#object-name").getText()).isEqualTo("\"><img src=x onerror=alert(1)>");
        assertThat(chrome.find("#metadata").getText()).contains("<script>alert(2)</script>");
        assertThat(chrome.find("#tags").getText()).contains("team").contains("web ui");
    }

    @Test
    void keyWithSpacesHashQuestionPercentPlusAndUnicodeOpensAndDownloads() throws Exception {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/private?browser=true&prefix=odd%2F");
        chrome.findAll("#listing tr[data-key]").stream().filter(r -> ODD_KEY.equals(r.getAttribute("data-key")))
                .findFirst().orElseThrow().findElement(org.openqa.selenium.By.cssSelector("a.entry")).click();
        chrome.waitFor(d -> !chrome.findAll("#object-name").isEmpty());
        assertThat(chrome.find("#object-name").getText()).isEqualTo("a b#c?d%e+f ü😀.txt");
        assertThat(chrome.find("#properties dd").getText()).isEqualTo(ODD_KEY);
        HttpResponse<byte[]> redirect = web.get(chrome.find("#download").getAttribute("href"), chrome.sessionCookie());
        assertThat(redirect.statusCode()).isEqualTo(303);
        assertThat(web.get(redirect.headers().firstValue("Location").orElseThrow(), null).body()).isEqualTo(ODD_BODY);
    }

    @Test
    void anonymousVisitorsAreDeniedAPrivateBucket() throws Exception {
        chrome.driver().manage().deleteAllCookies();
        chrome.open("/private?browser=true");
        assertThat(chrome.find("#message-title").getText()).isEqualTo("Access denied");
        assertThat(chrome.findAll("#listing")).isEmpty();
        assertThat(chrome.find("main a.primary").getAttribute("href")).contains("/_fs3/webui/login?next=");
        chrome.screenshot("anonymous-denied");

        HttpResponse<byte[]> page = web.get("/private?browser=true", null);
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("Access denied").doesNotContain("keep.txt");
        // The unsigned pass-through never reaches an S3 operation, whatever else the query names.
        assertThat(new String(web.get("/private?browser=true&list-type=2", null).body(), StandardCharsets.UTF_8))
                .doesNotContain("ListBucketResult").doesNotContain("keep.txt");
        assertThat(web.get("/private/keep.txt?browser=true&download=1", null).statusCode()).isEqualTo(403);
        assertThat(web.get("/private/keep.txt", null).statusCode()).as("plain S3 stays signed").isEqualTo(403);
        // A forged or altered cookie is no session.
        String cookie = web.signIn(ACCESS_KEY, SECRET_KEY);
        int i = cookie.length() - 10; // inside the MAC
        String altered = cookie.substring(0, i) + (cookie.charAt(i) == 'A' ? 'B' : 'A') + cookie.substring(i + 1);
        assertThat(web.get("/private?browser=true", altered).statusCode()).isEqualTo(403);
        assertThat(web.get("/private?browser=true", cookie).statusCode()).isEqualTo(200);
    }

    @Test
    void publicReadBucketIsBrowsableWithoutSigningIn() throws Exception {
        chrome.driver().manage().deleteAllCookies();
        chrome.open("/?browser=true");
        assertThat(chrome.findAll("#buckets tr[data-bucket]").stream().map(e -> e.getAttribute("data-bucket")))
                .containsExactly("public");
        chrome.find("tr[data-bucket='public'] a").click();
        chrome.waitFor(d -> chrome.rowKeys().equals(java.util.List.of("pub/")));
        chrome.find("tr[data-key='pub/'] a").click();
        chrome.waitFor(d -> chrome.rowKeys().equals(java.util.List.of("pub/hello.txt")));
        assertThat(chrome.findAll("#upload-form")).isEmpty();
        assertThat(chrome.findAll("form[data-confirm]")).as("no delete for anonymous visitors").isEmpty();
        assertThat(chrome.find("#sign-in").isDisplayed()).isTrue();
        chrome.find("tr[data-key='pub/hello.txt'] a.entry").click();
        chrome.waitFor(d -> !chrome.findAll("#object-name").isEmpty());
        assertThat(chrome.findAll("#share-expiry")).as("sharing needs a user to sign for").isEmpty();
        HttpResponse<byte[]> redirect = web.get(chrome.find("#download").getAttribute("href"), null);
        assertThat(redirect.statusCode()).isEqualTo(303);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/public/pub/hello.txt").doesNotContain("X-Amz-Signature");
        assertThat(new String(web.get(location, null).body(), StandardCharsets.UTF_8)).isEqualTo("hello, anyone");
    }

    @Test
    void sessionCookieIsHttpOnlyStrictAndPagesAreLockedDown() throws Exception {
        HttpResponse<String> login = web.post("/_fs3/webui/login", null, null,
                Map.of("accessKey", ACCESS_KEY, "secretKey", SECRET_KEY, "next", "//evil.example/"));
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/?browser=true");
        assertThat(login.headers().firstValue("Set-Cookie").orElseThrow())
                .matches("fs3_session=v1\\.[A-Za-z0-9_-]+\\.\\d+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+; Path=/; Max-Age=3600; "
                        + "HttpOnly; SameSite=Strict");
        HttpResponse<String> wrong = web.post("/_fs3/webui/login", null, null,
                Map.of("accessKey", ACCESS_KEY, "secretKey", "wrong", "next", "/"));
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<byte[]> page = web.get("/private?browser=true", web.signIn(ACCESS_KEY, SECRET_KEY));
        assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void formsNeedTheSessionsCsrfTokenAndOurOrigin() throws Exception {
        try (S3Client s3 = server.sdk()) {
            s3.putObject(b -> b.bucket("private").key("victim.txt"), RequestBody.fromString("v"));
        }
        String cookie = web.signIn(ACCESS_KEY, SECRET_KEY);
        String csrf = web.csrf("/private?browser=true", cookie);
        Map<String, String> victim = Map.of("bucket", "private", "key", "victim.txt", "csrf", "forged");
        assertThat(web.post("/_fs3/webui/delete", cookie, null, victim).statusCode()).isEqualTo(403);
        assertThat(web.post("/_fs3/webui/delete", cookie, null, Map.of("bucket", "private", "key", "victim.txt"))
                .statusCode()).isEqualTo(403);
        String otherSession = web.csrf("/private?browser=true", web.signIn(ACCESS_KEY, SECRET_KEY));
        assertThat(web.post("/_fs3/webui/delete", cookie, null,
                Map.of("bucket", "private", "key", "victim.txt", "csrf", otherSession)).statusCode()).isEqualTo(403);
        Map<String, String> good = Map.of("bucket", "private", "key", "victim.txt", "csrf", csrf);
        assertThat(web.post("/_fs3/webui/delete", cookie, "http://evil.example", good).statusCode()).isEqualTo(403);
        assertThat(web.post("/_fs3/webui/delete", null, null, good).statusCode()).isEqualTo(403);
        assertThat(server.root().resolve("private").resolve("victim.txt")).exists();

        HttpResponse<String> done = web.post("/_fs3/webui/delete", cookie, web.origin(), good);
        assertThat(done.statusCode()).isEqualTo(303);
        assertThat(server.root().resolve("private").resolve("victim.txt")).doesNotExist();
    }

    @Test
    void staticAssetsAreCachedByContentVersion() throws Exception {
        String login = web.getText("/_fs3/webui/login", null);
        Matcher m = Pattern.compile("href=\"(/_fs3/webui/static/fs3\\.css\\?v=([0-9a-f]{16}))\"").matcher(login);
        assertThat(m.find()).isTrue();
        HttpResponse<byte[]> css = web.get(m.group(1), null);
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
        assertThat(css.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
        assertThat(css.headers().firstValue("ETag")).hasValue("\"" + m.group(2) + "\"");
        assertThat(web.get(m.group(1), null, "If-None-Match", "\"" + m.group(2) + "\"").statusCode()).isEqualTo(304);
        assertThat(web.get("/_fs3/webui/static/fs3.js", null).headers().firstValue("Cache-Control"))
                .hasValue("public, max-age=300");
        assertThat(web.get("/_fs3/webui/static/nope.js", null).statusCode()).isEqualTo(404);
    }
}
