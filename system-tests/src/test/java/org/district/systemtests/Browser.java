package org.district.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven through WebDriver, with the distribution's browser and driver (nothing is downloaded:
 * the driver path is explicit, so Selenium Manager never runs). A fresh profile per browser; screenshots are kept in
 * {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getProperty("district.chromium", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("district.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path screenshots;

    Browser(DistrictSystem system, String profile) {
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
                "--window-size=1280,1600",
                "--user-data-dir=" + userData);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .withLogFile(
                        system.logs.resolve("chromedriver-" + profile + ".log").toFile())
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
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

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String pageSource() {
        return driver.getPageSource();
    }

    /** Pastes a token into a service's sign-in page and sends it, as a person would. */
    void signIn(String baseUrl, String token) {
        open(baseUrl + "/sign-in");
        WebElement field = find(By.id("token"));
        // Typing two thousand characters key by key is slow and adds nothing: set the pasted value, then submit.
        driver.executeScript("arguments[0].value = arguments[1];", field, token);
        field.findElement(By.xpath("ancestor::form"))
                .findElement(By.cssSelector("button[type=submit]"))
                .click();
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
