package io.linia.support;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The real browser of a browser test (tag {@code browser}): Debian's Chromium driven by Playwright,
 * a fresh browser context (own cookies) per person, numbered screenshots and the browser's complaints
 * in the test output. Register it on a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} class as
 * <pre>{@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}</pre>
 * It launches the browser once for the class, learns the server's port from the Spring context, and
 * closes every context after each test.
 *
 * <p>Screenshots go to {@code target/browser-screenshots/<test method>/}: {@code NN-<person>-<step>.png}
 * after each {@link #step step}, {@code NN-<name>.png} for a plain {@link #screenshot(Page, String)},
 * and, when a step or the test fails, {@code FAILED-<label>--<person>.png} of every page opened for a
 * named person. Console errors, page errors and responses (but webjars and CSS) are printed to the
 * test output, where failsafe keeps them with the server's log.
 */
public final class BrowserSession implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, TestExecutionExceptionHandler {

    /** The password of every demo account. */
    public static final String PASSWORD = "linia2026";

    private static final Path SHOTS = Paths.get("target", "browser-screenshots");

    private Playwright playwright;
    private Browser browser;

    private String baseUrl;
    /** Open pages of named persons in this test, in the order they were opened. */
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final List<BrowserContext> contexts = new ArrayList<>();
    private String testName;
    private int stepNo;
    private boolean failureCaptured;

    // ------------------------------------------------------------------ lifecycle

    @Override
    public void beforeAll(ExtensionContext context) {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        baseUrl = "http://localhost:" + SpringExtension.getApplicationContext(context).getEnvironment()
                .getRequiredProperty("local.server.port");
        testName = context.getTestMethod().map(m -> m.getName()).orElse("test");
        stepNo = 0;
        failureCaptured = false;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
        pages.clear();
    }

    /** Failures outside a step (set-up through the service, for example) still leave screenshots. */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        if (!failureCaptured) {
            screenshotAll("FAILED-outside-a-step");
        }
        throw throwable;
    }

    // ------------------------------------------------------------------ pages

    /** The address of {@code path} on the application under test. */
    public String url(String path) {
        return baseUrl + path;
    }

    /**
     * A fresh browser context (own cookies) for one person; their output is marked {@code [browser who]},
     * step screenshots carry their name, and a failure screenshots their page too.
     */
    public Page open(String who) {
        Page page = newPage("[browser " + who + "]");
        pages.put(who, page);
        return page;
    }

    /** A fresh browser context for nobody in particular: output marked {@code [browser]}, no failure screenshots. */
    public Page open() {
        return newPage("[browser]");
    }

    private Page newPage(String marker) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        // what the browser complains about ends up in the failsafe output, next to the server's log
        page.onConsoleMessage(m -> {
            if (!"log".equals(m.type()) && !"debug".equals(m.type())) {
                System.out.println(marker + " console." + m.type() + ": " + m.text());
            }
        });
        page.onPageError(e -> System.out.println(marker + " page error: " + e));
        page.onResponse(r -> {
            if (!r.url().contains("/webjars/") && !r.url().contains("/css/")) {
                System.out.println(marker + " " + r.status() + " " + r.request().method() + " " + r.url());
            }
        });
        return page;
    }

    /** Opens a page for {@code who} and signs in as {@code login} there (a step named {@code signs-in}). */
    public Page signIn(String who, String login) {
        Page page = open(who);
        step(page, "signs-in", () -> {
            page.navigate(url("/login"));
            page.locator("#username").fill(login);
            page.locator("#password").fill(PASSWORD);
            page.locator("#login-submit").click();
            assertThat(page).not().hasURL(Pattern.compile("/login"));
            assertThat(page.locator("#user-menu")).isVisible();
        });
        return page;
    }

    /**
     * Opens a {@code <details>} panel ({@code selector}) by clicking its summary, as a person would. The ticket page
     * loads its side panels after the page itself (SLA, suggestions, supervision…), and a panel arriving between
     * Playwright's check that the summary stands still and its click moves the summary away: the click then lands
     * elsewhere. So the click is repeated, each time only while the panel is still closed, until it is open.
     */
    public void expand(Page page, String selector) {
        com.microsoft.playwright.Locator details = page.locator(selector);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (details.getAttribute("open") != null) {
                break;
            }
            page.locator(selector + " > summary").click();
            try {
                page.locator(selector + "[open]").waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(1_000));
            } catch (com.microsoft.playwright.TimeoutError missed) {
                // the click went elsewhere: the panel is still closed, click again
            }
        }
        assertThat(details).hasAttribute("open", "");
    }

    // ------------------------------------------------------------------ steps and screenshots

    public void step(Page page, String name, Runnable action) {
        step(page, name, () -> {
            action.run();
            return null;
        });
    }

    /**
     * Runs a step of the person on {@code page}, then saves a screenshot of that page; when the step
     * fails, saves one of every open page (marked FAILED) and rethrows.
     */
    public <T> T step(Page page, String name, Supplier<T> action) {
        String who = pages.entrySet().stream().filter(e -> e.getValue() == page).map(Map.Entry::getKey)
                .findFirst().orElse("page");
        String label = String.format("%02d-%s-%s", ++stepNo, who, name);
        T result;
        try {
            result = action.get();
        } catch (RuntimeException | AssertionError e) {
            screenshotAll("FAILED-" + label);
            failureCaptured = true;
            throw e;
        }
        screenshot(dir(), label, page);
        return result;
    }

    /** Saves a screenshot of {@code page} as the next numbered one, {@code NN-<name>.png}. */
    public void screenshot(Page page, String name) {
        screenshot(dir(), String.format("%02d-%s", ++stepNo, name), page);
    }

    private void screenshotAll(String label) {
        Path dir = dir();
        pages.forEach((who, page) -> screenshot(dir, label + "--" + who, page));
    }

    private Path dir() {
        return SHOTS.resolve(testName == null ? "test" : testName);
    }

    private static void screenshot(Path dir, String name, Page page) {
        if (page.isClosed()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(dir.resolve(name + ".png")));
        } catch (IOException | RuntimeException e) {
            System.out.println("Could not save the screenshot " + name + ": " + e.getMessage());
        }
    }
}
