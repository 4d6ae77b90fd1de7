package io.cupboard.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from the Debian packages, driven by the Debian ChromeDriver so that nothing is
 * downloaded. A missing browser fails the test: a browser test that skips proves nothing. Set
 * {@code -Dcupboard.browser.binary} and {@code -Dcupboard.browser.driver} for other locations.
 */
public final class Browser implements AutoCloseable {

    private static final String BINARY = System.getProperty("cupboard.browser.binary", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("cupboard.browser.driver", "/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    private Browser(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Starts Chromium for the application on the given port, with the given window width in pixels. */
    public static Browser open(int port, int width) {
        if (!Files.isExecutable(Path.of(BINARY)) || !Files.isExecutable(Path.of(DRIVER))) {
            throw new IllegalStateException("Chromium (" + BINARY + ") or ChromeDriver (" + DRIVER + ") is missing; "
                    + "install the Debian packages: apt-get install -y chromium chromium-driver");
        }
        Path profile;
        try {
            Files.createDirectories(Path.of("target"));
            profile = Files.createTempDirectory(Path.of("target"), "chromium-profile-");
        } catch (IOException e) {
            throw new IllegalStateException("Failed to create a Chromium profile folder under target/", e);
        }
        ChromeOptions options = new ChromeOptions();
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setBinary(BINARY);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + ",1000", "--lang=he",
                // Bootstrap skips its transitions under reduced motion, so a panel is clickable once shown.
                "--force-prefers-reduced-motion");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, "http://localhost:" + port);
    }

    public static Browser open(int port) {
        return open(port, 1280);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String path) {
        driver.get(baseUrl + path);
    }

    public void logIn(String username, String password) {
        go("/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit]")).click();
        // Wait for the page that the login redirects to (or /login?error). Otherwise the test's next
        // navigation races the redirect and can lose on a busy machine.
        await(current -> !current.getCurrentUrl().endsWith("/login"));
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits up to ten seconds for a condition; htmx may replace elements meanwhile. */
    public <T> T await(Function<WebDriver, T> condition) {
        return await(Duration.ofSeconds(10), condition);
    }

    /** Waits up to the given time for a condition, for work that runs in the background, such as an import. */
    public <T> T await(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout)
                .ignoring(StaleElementReferenceException.class)
                .until(current -> {
                    try {
                        return condition.apply(current);
                    } catch (WebDriverException e) {
                        if (detached(e)) {
                            return null;
                        }
                        throw e;
                    }
                });
    }

    /**
     * Waits for the first element matching a selector to carry an attribute value the test accepts,
     * and returns that value. One script reads both, so htmx cannot swap the element in between.
     */
    public String awaitAttribute(String selector, String attribute, Predicate<String> accept) {
        return await(current -> {
            Object value = ((JavascriptExecutor) current).executeScript(
                    "const element = document.querySelector(arguments[0]);"
                            + " return element ? element.getAttribute(arguments[1]) : null;", selector, attribute);
            return value instanceof String text && accept.test(text) ? text : null;
        });
    }

    /**
     * ChromeDriver sometimes reports an element that htmx has just swapped out as an inspector
     * "unknown error" instead of a stale element, so the wait retries that one too.
     */
    private static boolean detached(WebDriverException e) {
        String message = e.getMessage();
        return message != null && message.contains("does not belong to the document");
    }

    /**
     * Returns the console errors since the last call, such as Content-Security-Policy violations
     * and failed script or style loads.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    /** Presses a key with the focus outside any input field, as a user does after leaving a field. */
    public void press(CharSequence key) {
        driver.executeScript("if (document.activeElement) { document.activeElement.blur(); }");
        new org.openqa.selenium.interactions.Actions(driver).sendKeys(key).perform();
    }

    /** Waits until a Bootstrap collapse panel has finished opening, so its buttons take clicks. */
    public void awaitPanelOpen(String id) {
        await(driver -> {
            String classes = driver.findElement(By.id(id)).getAttribute("class");
            return classes.contains("show") && !classes.contains("collapsing");
        });
    }

    /**
     * Makes the page as wide as a phone's screen, in CSS pixels, with touch and the mobile viewport.
     * Headless Chromium does not narrow its window below 500 pixels, so this emulates the device instead.
     */
    public void emulatePhone(int width) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", width, "height", 844, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Saves a PNG of the current page under target/screenshots and returns its path. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("Failed to save screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
