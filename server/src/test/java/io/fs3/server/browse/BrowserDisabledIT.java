package io.fs3.server.browse;

import io.fs3.server.it.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** fs3.webui.enabled=false: no pages, no sign-in, nothing passes SigV4 unsigned. */
class BrowserDisabledIT {
    @Test
    void disabledBrowserServesNothing(@TempDir Path root) throws Exception {
        try (TestServer server = TestServer.start(root, Map.of("fs3.webui.enabled", "false"))) {
            WebClient web = new WebClient(server.endpoint());
            HttpResponse<byte[]> page = web.get("/?browser=true", null);
            assertThat(page.statusCode()).isEqualTo(403);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).contains("xml");
            HttpResponse<byte[]> loginPage = web.get("/_fs3/webui/login", null);
            assertThat(loginPage.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(new String(loginPage.body(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Sign in");
            HttpResponse<String> login = web.post("/_fs3/webui/login", null, null,
                    Map.of("accessKey", TestServer.ACCESS_KEY, "secretKey", TestServer.SECRET_KEY));
            assertThat(login.statusCode()).isGreaterThanOrEqualTo(400);
            assertThat(login.headers().firstValue("Set-Cookie")).isEmpty();
        }
    }
}
