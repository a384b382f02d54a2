package org.hostingreview.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.events.WebDriverListener;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on each page a journey reaches, once per page and width, and keeps
 * the serious and critical violations for the journey to fail on. Optionally keeps a full-length screenshot of
 * each page ({@code -Dbrowser.screens=NAME}, under {@code target/screens/NAME}).
 */
public final class PageChecks implements WebDriverListener {

    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final String SCREENS = System.getProperty("browser.screens", "");

    private ChromeDriver chrome;
    private String journey = "journey";
    private int width = BrowserTest.DESKTOP;
    private final Set<String> checked = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private int shot;

    void attach(ChromeDriver chrome) {
        this.chrome = chrome;
    }

    void start(String journey) {
        this.journey = journey;
        checked.clear();
        violations.clear();
    }

    void width(int width) {
        this.width = width;
    }

    /** The violations found; a journey whose pages were never checked fails too, so a broken hook cannot pass. */
    List<String> finish() {
        if (checked.isEmpty()) {
            return List.of("no page of this journey was checked with axe-core");
        }
        return List.copyOf(violations);
    }

    @Override
    public void afterGet(WebDriver driver, String url) {
        check();
    }

    @Override
    public void afterClick(WebElement element) {
        check();
    }

    /** Pages under these addresses are another site's (the identity provider's login page): not ours to check. */
    private final java.util.Set<String> foreign = new java.util.concurrent.CopyOnWriteArraySet<>();

    void ignorePagesUnder(String urlPrefix) {
        foreign.add(urlPrefix);
    }

    private void check() {
        String url;
        try {
            url = chrome.getCurrentUrl();
            if (foreign.stream().anyMatch(url::startsWith)) {
                return;
            }
            Object ready = chrome.executeScript("return document.readyState");
            if (!"complete".equals(ready) || url.startsWith("data:") || url.startsWith("about:")) {
                return;
            }
        } catch (RuntimeException e) {
            return; // a page on its way: the journey's next step checks again
        }
        String page = url.replaceFirst("^https?://[^/]+", "");
        // a form that re-renders its own address (a check-in recorded, a refused save) is a new page to check
        String key = width + " " + page + " " + chrome.getTitle() + " "
                + chrome.executeScript("return document.body.innerText.length");
        if (!checked.add(key)) {
            return;
        }
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(chrome);
        for (Rule rule : results.getViolations()) {
            if (FAILING.contains(rule.getImpact())) {
                List<String> targets = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).limit(5).toList();
                violations.add(width + " px " + page + ": " + rule.getImpact() + " " + rule.getId() + " (" + rule.getHelp()
                        + ") at " + targets);
            }
        }
        if (!SCREENS.isBlank()) {
            keepScreenshot(page);
        }
    }

    private void keepScreenshot(String page) {
        try {
            Dimension window = chrome.manage().window().getSize();
            long height = ((Number) chrome.executeScript("return document.documentElement.scrollHeight")).longValue();
            chrome.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(height + 140, 9000)));
            Path dir = Files.createDirectories(Path.of("target", "screens", SCREENS));
            String name = String.format("%s-%d-%02d-%s.png", journey, width, ++shot,
                    page.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", ""));
            Files.write(dir.resolve(name), chrome.getScreenshotAs(OutputType.BYTES));
            chrome.manage().window().setSize(window);
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not keep the screenshot of " + page + ": " + e);
        }
    }
}
