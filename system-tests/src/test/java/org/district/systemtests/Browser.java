package org.district.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.district.testing.Keycloak;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through WebDriver, with the distribution's browser and driver (nothing is downloaded:
 * the driver path is explicit, so Selenium Manager never runs). A fresh profile per browser, at a phone's or a
 * desktop's window size; screenshots are kept in {@code target/screenshots}. People sign in on the identity provider's
 * own login page, as they would.
 */
final class Browser implements AutoCloseable {

    /** A phone held upright (CSS pixels), as staff report a loss. */
    static final Dimension PHONE = new Dimension(390, 844);

    /** A desktop screen, as IT reads the dashboard. */
    static final Dimension DESKTOP = new Dimension(1280, 1600);

    static final String CHROMIUM = System.getProperty("district.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("district.chromedriver", "/usr/bin/chromedriver");

    /** How long a page may take to come, after a click or a form sent. */
    static final Duration PAGE = Duration.ofSeconds(20);

    /** How long signing in at the identity provider and coming back may take. */
    static final Duration SIGN_IN = Duration.ofSeconds(60);

    private final ChromeDriver driver;
    private final Path screenshots;
    private final DistrictSystem system;

    Browser(DistrictSystem system, String profile, Dimension size) {
        this.system = system;
        this.screenshots = system.screenshots;
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException(CHROMIUM + " and " + CHROMEDRIVER + " are needed (Debian packages"
                    + " chromium and chromium-driver, installed by scripts/setup.sh)");
        }
        Path userData = system.target.resolve("browser-profiles").resolve(profile + "-" + System.nanoTime());
        try {
            Files.createDirectories(userData);
            Files.createDirectories(screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=" + size.getWidth() + "," + size.getHeight(),
                "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(
                        system.logs.resolve("chromedriver-" + profile + ".log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        // Headless Chromium may start smaller than asked; the page's own viewport is what the person sees.
        resize(size);
    }

    /**
     * Resizes the window and waits until the page lays out at the new width: the window answers at once, the page's
     * layout follows a moment later, and a measure taken in between reads the old width.
     */
    void resize(Dimension size) {
        driver.manage().window().setSize(size);
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Math.abs(viewportWidth() - size.getWidth()) <= 20);
    }

    /** The window's size now. */
    Dimension size() {
        return driver.manage().window().getSize();
    }

    /** The width the page's content takes, in CSS pixels: wider than the viewport, the person scrolls sideways. */
    long pageWidth() {
        return ((Number) driver.executeScript("return document.documentElement.scrollWidth")).longValue();
    }

    /** Scrolls the element of that id into view. */
    void scrollTo(String id) {
        driver.executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.findElement(by));
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * Waits for the element with this id; when it does not come, fails with what the browser shows instead (its
     * address and the page's text), so a refused form or an error page says why.
     */
    void awaitElement(String id) {
        try {
            awaitPage(d -> !d.findElements(By.id(id)).isEmpty());
        } catch (TimeoutException e) {
            String text;
            try {
                text = pageText();
            } catch (RuntimeException unreadable) {
                text = "(unreadable: " + unreadable.getMessage() + ")";
            }
            throw new AssertionError(
                    "#" + id + " did not appear within " + PAGE + " on " + currentUrl() + "; the page says:\n"
                            + (text.length() > 3000 ? text.substring(0, 3000) + "..." : text),
                    e);
        }
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Whether the browser shows the identity provider's login page (its login form, on the provider's address). */
    boolean onSignInPage() {
        return currentUrl().startsWith(Keycloak.ISSUER + "/protocol/openid-connect/auth")
                && !driver.findElements(By.id("kc-form-login")).isEmpty();
    }

    /** Waits for the identity provider's login page, types the username and password, and signs in. */
    void signInAtProvider(String username, String password) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> onSignInPage());
        find(By.id("username")).sendKeys(username);
        find(By.id("password")).sendKeys(password);
        find(By.id("kc-login")).click();
    }

    /**
     * Opens a console page and signs in on the identity provider's page as the test user of this district id with
     * exactly these roles, then waits for the console to show.
     */
    void signInToConsole(String path, String districtId, String... roles) {
        open(system.consolePage(path));
        signInAtProvider(Keycloak.user(districtId, roles), Keycloak.TEST_PASSWORD);
        new WebDriverWait(driver, SIGN_IN)
                .until(d -> currentUrl().startsWith(system.consolePage("/"))
                        && !driver.findElements(By.cssSelector("header.top")).isEmpty());
    }

    /** Replaces what a field holds, as a person selecting it and typing would. */
    void fill(String id, String text) {
        WebElement field = find(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date field as a person picking the day would. */
    void setDate(String id, LocalDate day) {
        driver.executeScript("document.getElementById(arguments[0]).value = arguments[1];", id, day.toString());
    }

    /** Waits for the page the form came back on (the one before may still show its own error summary). */
    void awaitErrorSummary(String text) {
        awaitPage(d -> d.findElement(By.cssSelector(".error-summary")).getText().contains(text));
    }

    /** Waits for a page in this language (the page before, in the other language, may still be showing). */
    void awaitLanguage(String lang) {
        awaitPage(d -> lang.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /**
     * Waits until the page shown satisfies the condition, while the browser moves from one page to the next: an
     * element found on the page that is leaving is gone a moment later. WebDriver says so as a stale element, or
     * (Chromium's driver, when the old document is replaced between finding and reading) as an inspector error that
     * the node "does not belong to the document"; both mean "ask again", anything else fails.
     */
    private void awaitPage(Predicate<WebDriver> shown) {
        new WebDriverWait(driver, PAGE).until(d -> {
            try {
                return shown.test(d);
            } catch (NoSuchElementException | StaleElementReferenceException leaving) {
                return false;
            } catch (WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return false;
                }
                throw e;
            }
        });
    }

    /** A day as the console writes it ("Dec 18, 2026"). */
    static String consoleDate(LocalDate day) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.US)
                .format(day);
    }

    /** A time as the console writes it, in the district's zone ("Dec 18, 2026, 2:05 PM"). */
    static String consoleTime(Instant at) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(Locale.US)
                .format(at.atZone(ZoneId.of(DistrictSystem.ZONE)));
    }

    /** The cookies the browser holds for the page's host. */
    Set<Cookie> cookies() {
        return driver.manage().getCookies();
    }

    /** The page's layout width in CSS pixels: a phone-sized window shows the page at the phone's width. */
    long viewportWidth() {
        return ((Number) driver.executeScript("return window.innerWidth")).longValue();
    }

    /** Saves a screenshot of the whole page as {@code target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path to = screenshots.resolve(name + ".png");
        try {
            Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DistrictSystem.log("Screenshot " + to);
        return to;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
