package io.fs3.server.browse;

import io.fs3.server.it.CliTool;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Debian Chromium driven by chromedriver, both given explicitly, so Selenium Manager never downloads
 * anything (test-infra §3). Missing binaries skip the test on a developer machine and fail it in CI.
 */
final class Chrome implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final WebDriver driver;
    private final URI base;

    private Chrome(WebDriver driver, URI base) {
        this.driver = driver;
        this.base = base;
    }

    static Chrome start(URI base, Path profile) {
        CliTool.require("/usr/bin/chromium");
        CliTool.require("/usr/bin/chromedriver");
        ChromeOptions o = new ChromeOptions();
        o.setBinary("/usr/bin/chromium");
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--disable-default-apps", "--disable-extensions", "--window-size=1100,760",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        return new Chrome(new ChromeDriver(service, o), base);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a path (with query) on the server under test. */
    void open(String pathAndQuery) {
        driver.get(base + pathAndQuery);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(condition);
    }

    /** Signs in through the login page and waits for the redirect to the page it came from. */
    void signIn(String accessKey, String secret) {
        open("/_fs3/webui/login");
        find("#access-key").sendKeys(accessKey);
        find("#secret-key").sendKeys(secret);
        find("#sign-in-submit").click();
        waitFor(d -> !d.findElements(By.id("signed-in-as")).isEmpty());
    }

    /** The {@code data-key} of every listed row, in page order. */
    List<String> rowKeys() {
        return findAll("#listing tr[data-key]").stream().map(e -> e.getAttribute("data-key")).toList();
    }

    void assertNoAlert() {
        try {
            String text = driver.switchTo().alert().getText();
            throw new AssertionError("a script ran and opened an alert: " + text);
        } catch (NoAlertPresentException expected) {
            assertThat(driver.getTitle()).isNotEmpty();
        }
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    String sessionCookie() {
        var cookie = driver.manage().getCookieNamed("fs3_session");
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
