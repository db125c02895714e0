package io.fs3.server.browse;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Plain HTTP against the browser endpoints, for what a browser hides: status codes, headers, forged forms. */
final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;

    WebClient(URI base) {
        this.base = base;
    }

    HttpResponse<byte[]> get(String pathOrUrl, String cookie, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(pathOrUrl)).GET();
        if (cookie != null) {
            b.header("Cookie", "fs3_session=" + cookie);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    String getText(String pathOrUrl, String cookie) throws IOException, InterruptedException {
        return new String(get(pathOrUrl, cookie).body(), StandardCharsets.UTF_8);
    }

    /** POSTs a form; {@code origin} null sends no Origin header. */
    HttpResponse<String> post(String path, String cookie, String origin, Map<String, String> fields)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            b.header("Cookie", "fs3_session=" + cookie);
        }
        if (origin != null) {
            b.header("Origin", origin);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs in and returns the session cookie's value. */
    String signIn(String accessKey, String secret) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/_fs3/webui/login", null, null, Map.of("accessKey", accessKey, "secretKey", secret,
                "next", "/?browser=true"));
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow(() -> new AssertionError("no Set-Cookie: "
                + r.statusCode()));
        return setCookie.substring("fs3_session=".length(), setCookie.indexOf(';'));
    }

    /** The CSRF token the page at {@code path} gives this session's forms. */
    String csrf(String path, String cookie) throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(getText(path, cookie));
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return m.group(1);
    }

    String origin() {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    private URI resolve(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : URI.create(base + pathOrUrl);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
