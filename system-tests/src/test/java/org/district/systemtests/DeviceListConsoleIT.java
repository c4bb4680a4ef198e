package org.district.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.stream.Stream;
import org.district.systemtests.District.Device;
import org.district.systemtests.District.Person;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * IT sorts the console's device list by its columns, in headless Chromium: a heading sorts by its column, again for
 * the reverse order (the holder's column too), the sorted heading says so to assistive technology, a new filter keeps the order, and the CSV of
 * the list comes in the order on the screen. Each state is checked with axe-core and photographed.
 */
@ExtendWith(SystemExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeviceListConsoleIT {

    private DistrictSystem system;
    private District district;

    @BeforeAll
    void start() {
        system = DistrictSystem.current();
        district = new District(system);
    }

    @Test
    void itSortsTheDeviceListByAColumnBothWaysAndDownloadsItInThatOrder() {
        // A school of this test's own, so that only these devices are listed.
        String school = system.id("SORT");
        Device lenovo = district.device(school, "LAPTOP", "Lenovo", "ThinkPad E14", false);
        Device acer = district.device(school, "CHROMEBOOK", "Acer", "Chromebook 314", false);
        Device dell = district.device(school, "LAPTOP", "Dell", "Latitude 5440", false);
        Person holder = district.employee(null);
        district.assign(acer, holder);

        try (Browser browser = new Browser(system, "console-device-sort", Browser.DESKTOP)) {
            browser.signInToConsole("/devices?school=" + school, district.itId, "IT_ADMIN");
            assertThat(rows(browser)).containsExactlyElementsOf(tagOrder(lenovo, acer, dell));
            assertThat(sortOf(browser, "assetTag"))
                    .as("asset-tag order when none is chosen")
                    .isEqualTo("ascending");
            assertThat(sortOf(browser, "device")).isNull();

            browser.find(By.id("sort-device")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("sort=device"));
            assertThat(rows(browser))
                    .as("by make and model")
                    .containsExactly(acer.assetTag(), dell.assetTag(), lenovo.assetTag());
            assertThat(sortOf(browser, "device")).isEqualTo("ascending");
            assertThat(sortOf(browser, "assetTag")).isNull();

            browser.find(By.id("sort-device")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("sort=-device"));
            assertThat(rows(browser)).containsExactly(lenovo.assetTag(), dell.assetTag(), acer.assetTag());
            assertThat(sortOf(browser, "device")).isEqualTo("descending");
            assertThat(browser.find(By.id("sort-device")).getText()).isEqualTo("Device ▼");
            Axe.assertAccessible(browser, "console-devices-sorted-desktop", "devices");

            // The CSV of the list is the inventory's export of the same filters, in the same order.
            Object csv = ((JavascriptExecutor) browser.driver())
                    .executeAsyncScript("const done = arguments[arguments.length - 1];"
                            + "fetch(document.querySelector('a[download]').href)"
                            + ".then(r => r.text().then(t => done(t.replaceAll('\\r', ''))));");
            List<String> exported = String.valueOf(csv)
                    .lines()
                    .skip(1)
                    .map(line -> line.substring(0, line.indexOf(',')))
                    .toList();
            assertThat(exported).containsExactly(lenovo.assetTag(), dell.assetTag(), acer.assetTag());

            // By holder: the devices nobody holds first (in asset-tag order), then by the holder's family name.
            browser.find(By.id("sort-holder")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("sort=holder"));
            assertThat(rows(browser))
                    .containsExactlyElementsOf(
                            Stream.concat(tagOrder(lenovo, dell).stream(), Stream.of(acer.assetTag()))
                                    .toList());
            browser.find(By.id("sort-holder")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("sort=-holder"));
            assertThat(rows(browser)).first().isEqualTo(acer.assetTag());
            assertThat(sortOf(browser, "holder")).isEqualTo("descending");

            // Sorted by status (Assigned before In stock), then a filter chosen: the order stays.
            browser.find(By.id("sort-status")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("sort=status"));
            assertThat(rows(browser)).first().isEqualTo(acer.assetTag());
            browser.find(By.cssSelector("#type option[value='LAPTOP']")).click();
            browser.find(By.cssSelector("form.filters button[type=submit]")).click();
            await().atMost(Browser.PAGE).until(() -> browser.currentUrl().contains("type=LAPTOP"));
            assertThat(browser.currentUrl()).contains("sort=status");
            assertThat(rows(browser)).containsExactlyElementsOf(tagOrder(lenovo, dell));
            assertThat(sortOf(browser, "status")).isEqualTo("ascending");
        }
    }

    /** The devices' asset tags in asset-tag order (one prefix, then digits: the database and Java agree on it). */
    private static List<String> tagOrder(Device... devices) {
        return Stream.of(devices).map(Device::assetTag).sorted().toList();
    }

    /** The asset tags of the list's rows, top to bottom. */
    private static List<String> rows(Browser browser) {
        browser.find(By.id("devices"));
        return browser.driver().findElements(By.cssSelector("#devices tbody th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The aria-sort of a column's heading: ascending, descending, or null when the list is not sorted by it. */
    private static String sortOf(Browser browser, String column) {
        return browser.find(By.id("sort-" + column))
                .findElement(By.xpath("./ancestor::th"))
                .getAttribute("aria-sort");
    }
}
