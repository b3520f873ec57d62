package uk.gov.safeguarding.hub.support;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's headless Chromium, driven by its chromedriver, as a person at a desktop or on a phone would use the hub:
 * no implicit wait, since every page is rendered on the server and what follows a click waits for its page.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path AXE = Path.of(".tools", "node_modules", "axe-core", "axe.min.js");

    private final ChromeDriver driver;
    private final Path profile;

    public Browser(int width, int height) {
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--no-first-run",
                        "--window-size=" + width + "," + height, "--user-data-dir=" + profile);
        driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build(), options);
    }

    /**
     * The same Chromium as a new visitor with a screen of this size: no cookies (so no session), a blank page. One
     * browser serves a test class; starting Chromium is the slow part.
     */
    public Browser startOver(int width, int height) {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.manage().window().setSize(new Dimension(width, height));
        driver.get("about:blank");
        return this;
    }

    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public WebDriver driver() {
        return driver;
    }

    /** Signs in on the sign-in page the browser is on, and waits for the page it leads to. */
    public void signIn(String username, String password) {
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        String before = driver.getCurrentUrl();
        driver.findElement(By.id("sign-in")).click();
        await(ExpectedConditions.not(ExpectedConditions.urlToBe(before)));
        awaitLoaded();
    }

    /** After a click, the page it led to has loaded: its address alone changes before its document is there. */
    public void awaitLoaded() {
        await(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public void await(ExpectedCondition<?> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(condition);
    }

    /**
     * The accessibility rules axe-core finds broken on the page now (WCAG 2.1 A and AA), as "rule: nodes"; axe-core
     * is installed by {@code .ci/run} from the npm registry into {@code .tools/}, and read from there offline.
     */
    public List<String> accessibilityViolations() {
        try {
            JavascriptExecutor js = (JavascriptExecutor) driver;
            js.executeScript(Files.readString(AXE));
            Object violations = js.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                       .then(r => done(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
                       .catch(e => done(['axe failed: ' + e]));""");
            return ((List<?>) violations).stream().map(String::valueOf).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean axeInstalled() {
        return Files.isReadable(AXE);
    }

    public void screenshot(String name) {
        try {
            Path screenshot = Path.of("target", name);
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
