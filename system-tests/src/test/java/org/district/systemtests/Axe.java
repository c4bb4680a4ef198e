package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * axe-core, the accessibility engine, run in the page the browser shows, against WCAG 2.1 A and AA. The engine comes
 * from the npm registry at the version scripts/setup.sh pins (into .local/tools); it is put into the page through the
 * driver, not a script tag, so the page's own Content-Security-Policy stays as it is.
 */
final class Axe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile String source;

    /** A wide desktop screen, the other size every page is judged at. */
    private static final Dimension WIDE = new Dimension(1440, 900);

    private Axe() {}

    /** One rule the page breaks, with the elements that break it. */
    record Violation(String rule, String impact, String help, List<String> targets) {
        boolean seriousOrCritical() {
            return "serious".equals(impact) || "critical".equals(impact);
        }

        @Override
        public String toString() {
            return impact + " " + rule + ": " + help + " " + targets;
        }
    }

    /** Every WCAG 2.1 A/AA violation on the page as it is now (its state: empty, with errors, full). */
    static List<Violation> check(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        js.executeScript(source() + "\nreturn true;");
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(JSON.stringify(r.violations)), e => done('error: ' + e));");
        String json = String.valueOf(result);
        if (json.startsWith("error: ")) {
            throw new IllegalStateException("axe-core failed on " + browser.currentUrl() + ": " + json);
        }
        List<Violation> violations = new ArrayList<>();
        try {
            for (JsonNode v : JSON.readTree(json)) {
                List<String> targets = new ArrayList<>();
                for (JsonNode node : v.path("nodes")) {
                    targets.add(node.path("target").toString());
                }
                violations.add(new Violation(
                        v.path("id").asText(),
                        v.path("impact").asText(),
                        v.path("help").asText(),
                        targets));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!violations.isEmpty()) {
            DistrictSystem.log("axe-core on " + browser.currentUrl() + ": " + violations);
        }
        return violations;
    }

    /**
     * Judges the page as people see it: a screenshot and axe-core at the browser's own size, then at a phone's and a
     * wide desktop's, with no serious or critical violation at any; the browser is left at its own size. With
     * {@code scrollTo}, the element of that id is scrolled into view in each picture.
     */
    static void assertAccessible(Browser browser, String screenshot, String scrollTo) {
        Runnable scroll = () -> {
            if (scrollTo != null) {
                browser.scrollTo(scrollTo);
            }
        };
        scroll.run();
        browser.screenshot(screenshot);
        assertThat(serious(browser))
                .as("serious or critical WCAG 2.1 AA violations on " + browser.currentUrl())
                .isEmpty();
        Dimension own = browser.size();
        for (Dimension size : List.of(Browser.PHONE, WIDE)) {
            browser.resize(size);
            scroll.run();
            browser.screenshot(screenshot + "-" + size.getWidth() + "x" + size.getHeight());
            assertThat(serious(browser))
                    .as("serious or critical WCAG 2.1 AA violations at %s on %s", size, browser.currentUrl())
                    .isEmpty();
        }
        browser.resize(own);
    }

    /** As {@link #assertAccessible(Browser, String, String)}, with the page where it is. */
    static void assertAccessible(Browser browser, String screenshot) {
        assertAccessible(browser, screenshot, null);
    }

    /** The serious and critical violations only: the ones no page may have. */
    static List<Violation> serious(Browser browser) {
        return check(browser).stream().filter(Violation::seriousOrCritical).toList();
    }

    private static String source() {
        if (source == null) {
            Path root = Path.of(System.getProperty("district.root", "..")).toAbsolutePath();
            Path file = Path.of(System.getProperty(
                    "district.axe",
                    root.resolve(".local/tools/node_modules/axe-core/axe.min.js")
                            .toString()));
            try {
                source = Files.readString(file);
            } catch (IOException e) {
                throw new IllegalStateException(file + " is missing: run bash scripts/setup.sh (installs axe-core)", e);
            }
        }
        return source;
    }
}
