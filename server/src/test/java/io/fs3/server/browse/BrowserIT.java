package io.fs3.server.browse;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static io.fs3.server.it.TestServer.ACCESS_KEY;
import static io.fs3.server.it.TestServer.SECRET_KEY;
import static org.assertj.core.api.Assertions.assertThat;

/** The bucket browser in real headless Chromium: sign in, browse, paginate, filter, upload, download, delete. */
class BrowserIT {
    private static final int MANY = 3000;
    @TempDir
    static Path tmp;
    private static TestServer server;
    private static Chrome chrome;
    private static WebClient web;

    @BeforeAll
    static void start() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("root"));
        server = TestServer.start(root);
        try (S3Client s3 = server.sdk()) {
            s3.createBucket(b -> b.bucket("docs"));
            put(s3, "docs", "readme.txt", "text/plain", "Read me first.\n".getBytes());
            put(s3, "docs", "report.pdf", "application/pdf", new byte[180_000]);
            put(s3, "docs", "data.csv", "text/csv", "a,b\n1,2\n".repeat(300).getBytes());
            put(s3, "docs", "photo.jpg", "image/jpeg", new byte[2_400_000]);
            put(s3, "docs", "a/notes.md", "text/markdown", "# notes".getBytes());
            put(s3, "docs", "a/b/deep.txt", "text/plain", "deep".getBytes());
            put(s3, "docs", "images/logo.png", "image/png", new byte[4096]);
            s3.createBucket(b -> b.bucket("uploads"));
            s3.createBucket(b -> b.bucket("big"));
        }
        // Thousands of files written by another program, straight into the tree.
        Path many = Files.createDirectories(root.resolve("big").resolve("many"));
        for (int i = 0; i < MANY; i++) {
            Files.writeString(many.resolve(String.format("f%04d.txt", i)), "file " + i);
        }
        chrome = Chrome.start(server.endpoint(), Files.createDirectories(tmp.resolve("chrome")));
        web = new WebClient(server.endpoint());
    }

    private static void put(S3Client s3, String bucket, String key, String type, byte[] body) {
        s3.putObject(b -> b.bucket(bucket).key(key).contentType(type), RequestBody.fromBytes(body));
    }

    @AfterAll
    static void stop() throws Exception {
        if (chrome != null) {
            chrome.close();
        }
        server.close();
    }

    @Test
    void signInAndBrowseNestedFoldersFoldersFirst() throws Exception {
        chrome.driver().manage().deleteAllCookies();
        chrome.open("/?browser=true");
        chrome.waitFor(d -> d.getCurrentUrl().contains("/_fs3/webui/login")); // nothing is public: sign in first
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        assertThat(chrome.find("#signed-in-as").getText()).isEqualTo(ACCESS_KEY);
        assertThat(chrome.findAll("#buckets tr[data-bucket]").stream().map(e -> e.getAttribute("data-bucket")))
                .containsExactly("big", "docs", "uploads");
        chrome.find("tr[data-bucket='docs'] a").click();
        chrome.waitFor(d -> chrome.rowKeys().contains("readme.txt"));
        assertThat(chrome.rowKeys()).containsExactly("a/", "images/", "data.csv", "photo.jpg", "readme.txt", "report.pdf");
        assertThat(chrome.find("tr[data-key='photo.jpg'] td.num").getText()).isEqualTo("2.3 MiB");
        assertThat(chrome.find("tr[data-key='report.pdf'] td.col-type").getText()).isEqualTo("application/pdf");
        chrome.screenshot("folder-view");
        chrome.find("tr[data-key='a/'] a").click();
        chrome.waitFor(d -> chrome.rowKeys().equals(List.of("a/b/", "a/notes.md")));
        chrome.find("tr[data-key='a/b/'] a").click();
        chrome.waitFor(d -> chrome.rowKeys().equals(List.of("a/b/deep.txt")));
        assertThat(chrome.findAll("nav.crumbs li").stream().map(e -> e.getText()))
                .containsExactly("Buckets", "docs", "a", "b");
        chrome.find("nav.crumbs a[href*='prefix=a%2F']").click();
        chrome.waitFor(d -> chrome.rowKeys().contains("a/notes.md"));
    }

    @Test
    void phoneSizedWindowHidesSecondaryColumns() throws Exception {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.resize(390, 844);
        try {
            chrome.open("/docs?browser=true");
            assertThat(chrome.find("tr[data-key='readme.txt'] td.name").isDisplayed()).isTrue();
            assertThat(chrome.find("tr[data-key='readme.txt'] td.col-type").isDisplayed()).isFalse();
            chrome.screenshot("folder-view-phone");
            Object wide = ((JavascriptExecutor) chrome.driver()).executeScript("return Array.from("
                    + "document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > "
                    + "document.documentElement.clientWidth + 0.5).map(e => e.outerHTML.slice(0, 80))");
            assertThat((List<?>) wide).as("elements wider than the phone's screen").isEmpty();
            Number width = (Number) ((JavascriptExecutor) chrome.driver())
                    .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(width.intValue()).as("no horizontal scrolling").isLessThanOrEqualTo(0);
        } finally {
            chrome.resize(1100, 760);
        }
    }

    @Test
    void paginatesThousandsOfFilesOnePageAtATime() {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/big?browser=true&prefix=many%2F&page-size=500");
        List<String> seen = new ArrayList<>();
        int pages = 0;
        while (true) {
            List<String> keys = chrome.rowKeys();
            assertThat(keys).hasSize(500);
            seen.addAll(keys);
            pages++;
            assertThat(chrome.find(".page-no").getText()).isEqualTo("Page " + pages);
            if (chrome.findAll("#next-page").isEmpty()) {
                break;
            }
            String last = keys.get(keys.size() - 1);
            chrome.find("#next-page").click();
            chrome.waitFor(d -> !chrome.rowKeys().contains(last));
        }
        assertThat(pages).isEqualTo(6);
        assertThat(seen).hasSize(MANY).doesNotHaveDuplicates()
                .containsExactlyElementsOf(IntStream.range(0, MANY).mapToObj(i -> String.format("many/f%04d.txt", i)).toList());
    }

    @Test
    void filterListsNamesStartingWithTheText() {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/big?browser=true&prefix=many%2F");
        chrome.find("#filter").sendKeys("f29");
        chrome.find("form.filter button").click();
        chrome.waitFor(d -> chrome.rowKeys().size() == 100);
        assertThat(chrome.rowKeys()).allMatch(k -> k.startsWith("many/f29"));
        assertThat(chrome.driver().getCurrentUrl()).contains("filter=f29").contains("prefix=many%2F");
        assertThat(chrome.find("#listing tbody tr td.name").getText()).isEqualTo("f2900.txt");
    }

    @Test
    void uploadWithProgressThenDownloadShareAndDelete() throws Exception {
        byte[] big = new byte[3 << 20];
        new Random(7).nextBytes(big);
        Path hello = Files.writeString(tmp.resolve("hello world.txt"), "hello from the browser\n");
        Path bin = Files.write(tmp.resolve("big.bin"), big);
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/uploads?browser=true&prefix=in%2F");
        ((JavascriptExecutor) chrome.driver()).executeScript("sessionStorage.clear();"
                + "const bar = document.getElementById('upload-bar'), box = document.getElementById('upload-progress');"
                + "new MutationObserver(() => sessionStorage.setItem('max', Math.max(bar.value,"
                + " +(sessionStorage.getItem('max') || 0)))).observe(bar, {attributes: true});"
                + "new MutationObserver(() => { if (!box.hidden) sessionStorage.setItem('shown', 'yes'); })"
                + ".observe(box, {attributes: true});");
        chrome.find("#upload-files").sendKeys(hello + "\n" + bin);
        chrome.find("#upload-button").click();
        chrome.waitFor(d -> chrome.rowKeys().containsAll(List.of("in/big.bin", "in/hello world.txt")));
        JavascriptExecutor js = (JavascriptExecutor) chrome.driver();
        assertThat(js.executeScript("return sessionStorage.getItem('shown')")).isEqualTo("yes");
        assertThat(js.executeScript("return sessionStorage.getItem('max')")).isEqualTo("100");
        Path stored = server.root().resolve("uploads").resolve("in");
        assertThat(Files.readAllBytes(stored.resolve("big.bin"))).isEqualTo(big);
        try (S3Client s3 = server.sdk()) {
            assertThat(s3.headObject(b -> b.bucket("uploads").key("in/hello world.txt")).contentType()).isEqualTo("text/plain");
        }

        chrome.find("tr[data-key='in/big.bin'] a.entry").click();
        chrome.waitFor(d -> chrome.findAll("#object-name").size() == 1);
        assertThat(chrome.find("#object-name").getText()).isEqualTo("big.bin");
        // Download: a redirect to a short-lived presigned URL, which works without the cookie.
        HttpResponse<byte[]> redirect = web.get(chrome.find("#download").getAttribute("href"), chrome.sessionCookie());
        assertThat(redirect.statusCode()).isEqualTo(303);
        String presigned = redirect.headers().firstValue("Location").orElseThrow();
        assertThat(presigned).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");
        HttpResponse<byte[]> download = web.get(presigned, null);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(big);
        assertThat(download.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment;");

        chrome.find("#share-expiry option[value='86400']").click();
        chrome.find("#create-link").click();
        chrome.waitFor(d -> !chrome.findAll("#share-url").isEmpty());
        String share = chrome.find("#share-url").getAttribute("value");
        assertThat(share).startsWith(server.endpoint() + "/uploads/in/big.bin?").contains("X-Amz-Expires=86400");
        assertThat(web.get(share, null).body()).isEqualTo(big);
        chrome.screenshot("object-view");

        chrome.find("form[data-confirm] button.danger").click();
        chrome.waitFor(d -> d.switchTo().alert()).accept();
        chrome.waitFor(d -> chrome.rowKeys().equals(List.of("in/hello world.txt")));
        assertThat(stored.resolve("big.bin")).doesNotExist();
    }

    @Test
    void createsAndDeletesAnEmptyFolder() {
        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/uploads?browser=true");
        chrome.find("#folder-name").sendKeys("new folder ü");
        chrome.find("#create-folder").click();
        chrome.waitFor(d -> chrome.rowKeys().contains("new folder ü/"));
        assertThat(server.root().resolve("uploads").resolve("new folder ü")).isDirectory();
        chrome.find("tr.folder form[data-confirm] button").click();
        chrome.waitFor(d -> d.switchTo().alert()).accept();
        chrome.waitFor(d -> !chrome.rowKeys().contains("new folder ü/"));
        assertThat(new HashSet<>(chrome.rowKeys())).doesNotContain("new folder ü/");
    }

    @Test
    void wrongSecretIsRefusedAndSignOutEndsTheSession() {
        chrome.driver().manage().deleteAllCookies();
        chrome.open("/_fs3/webui/login");
        chrome.find("#access-key").sendKeys(ACCESS_KEY);
        chrome.find("#secret-key").sendKeys("not-the-secret");
        chrome.find("#sign-in-submit").click();
        assertThat(chrome.waitFor(d -> chrome.find("#login-error")).getText()).contains("not right");
        assertThat(chrome.sessionCookie()).isNull();

        chrome.signIn(ACCESS_KEY, SECRET_KEY);
        chrome.open("/docs?browser=true");
        chrome.find("#sign-out").click();
        chrome.waitFor(d -> d.getCurrentUrl().contains("/_fs3/webui/login"));
        assertThat(chrome.sessionCookie()).isNull();
        chrome.open("/docs?browser=true");
        assertThat(chrome.find("#message-title").getText()).isEqualTo("Access denied");
    }
}
