package org.hostingreview.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.events.EventFiringDecorator;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.http.TestHTTPResource;

/**
 * Base of the browser journeys: Debian's headless Chromium driven through its own chromedriver (never a
 * downloaded one), a screenshot and the page source under {@code target/browser-failures} when a test fails.
 * Every page a journey reaches (by {@link #open} or by a click) is checked with axe-core, and a serious or
 * critical violation fails the journey. With {@code -Dbrowser.screens=NAME} every such page is also kept
 * as a full-length PNG under {@code target/screens/NAME}, to look at.
 * Without Chromium the journeys are skipped locally; with {@code HOSTING_REVIEW_REQUIRE_BROWSER=true}
 * (set by {@code .ci/run}) a missing browser fails the build instead.
 */
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final boolean REQUIRED = Boolean.parseBoolean(System.getenv("HOSTING_REVIEW_REQUIRE_BROWSER"))
            || Boolean.getBoolean("hosting-review.require-browser");

    static final int DESKTOP = 1280;
    static final int PHONE = 390;

    protected static WebDriver driver;
    private static ChromeDriver chrome;
    private static Path profile;
    private static final PageChecks checks = new PageChecks();

    @TestHTTPResource("/")
    URL base;

    @RegisterExtension
    final TestWatcher failures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            saveEvidence(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
                    + "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9]+", ""));
        }
    };

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Chromium or chromedriver is missing (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "): install the Debian packages chromium and chromium-driver.";
            if (REQUIRED) {
                Assertions.fail(message + " HOSTING_REVIEW_REQUIRE_BROWSER=true, so this is a failure, not a skip.");
            }
            Assumptions.abort(message + " Skipping the browser journeys.");
        }
        profile = Files.createTempDirectory("hr-chromium");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
        chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        checks.attach(chrome);
        driver = new EventFiringDecorator<WebDriver>(checks).decorate(chrome);
    }

    @AfterAll
    static void stopBrowser() {
        if (chrome != null) {
            chrome.quit();
            chrome = null;
            driver = null;
        }
    }

    @BeforeEach
    void freshSession(TestInfo test) {
        checks.start(test.getTestClass().map(Class::getSimpleName).orElse("journey"));
        atWidth(DESKTOP);
        open("/login");
        driver.manage().deleteAllCookies();
    }

    /** Fails the journey when axe-core found a serious or critical violation on a page it visited. */
    @AfterEach
    void noSeriousAccessibilityViolation() {
        List<String> found = checks.finish();
        assertThat(found).as("serious or critical axe-core violations on the pages this journey visited").isEmpty();
    }

    /** Another site's pages the journey passes through (an identity provider's) are not checked with axe-core. */
    protected static void ignorePagesUnder(String urlPrefix) {
        checks.ignorePagesUnder(urlPrefix);
    }

    /** Sizes the browser's viewport to {@code width} CSS pixels (the journeys run at 1280 and at 390). */
    protected void atWidth(int width) {
        checks.width(width);
        chrome.manage().window().setSize(new Dimension(width, 1000));
        long inner = ((Number) chrome.executeScript("return window.innerWidth")).longValue();
        if (inner != width) {
            chrome.manage().window().setSize(new Dimension(width + (int) (width - inner), 1000));
        }
    }

    /** The page is no wider than the window: nothing makes the whole page scroll sideways. */
    protected void assertNoSidewaysScroll() {
        long scroll = ((Number) chrome.executeScript("return document.documentElement.scrollWidth")).longValue();
        long inner = ((Number) chrome.executeScript("return document.documentElement.clientWidth")).longValue();
        Object wide = scroll <= inner ? "" : chrome.executeScript("""
                const w = document.documentElement.clientWidth;
                return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1
                        && ![...e.children].some(c => c.getBoundingClientRect().right > w + 1))
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                        + (e.className && e.className.baseVal === undefined ? '.' + e.className : '')).join(', ');
                """);
        assertThat(scroll).as("page width at a %d px window on %s (too wide: %s)", inner, path(), wide)
                .isLessThanOrEqualTo(inner);
    }

    protected void open(String path) {
        driver.get(base.toString().replaceAll("/$", "") + path);
    }

    protected WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void type(String fieldId, String text) {
        WebElement field = find(By.id(fieldId));
        field.clear();
        field.sendKeys(text);
    }

    protected void logIn(String username, String password) {
        open("/login");
        type("j_username", username);
        type("j_password", password);
        find(By.cssSelector("form[action='/j_security_check'] button[type=submit]")).click();
        waitForPath("/");
    }

    protected void waitForPath(String path) {
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> pathOf(d.getCurrentUrl()).equals(path));
    }

    protected String path() {
        return pathOf(driver.getCurrentUrl());
    }

    protected String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Waits (through page loads) until the page shows {@code text}; fails with the page's text otherwise. */
    protected void assertPageShows(String text) {
        try {
            // while a page loads, Chromium may report the old body as a node "that does not belong to the document"
            new WebDriverWait(driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.WebDriverException.class)
                    .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
        } catch (TimeoutException e) {
            assertThat(pageText()).contains(text);
        }
    }

    private static String pathOf(String url) {
        String rest = url.replaceFirst("^https?://[^/]+", "");
        return Optional.of(rest.replaceFirst("[?#].*$", "")).filter(p -> !p.isEmpty()).orElse("/");
    }

    private static void saveEvidence(String name) {
        if (driver == null) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of("target", "browser-failures"));
            Path shot = ((TakesScreenshot) chrome).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(dir.resolve(name + ".html"), chrome.getPageSource());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save the failure screenshot for " + name + ": " + e);
        }
    }
}
