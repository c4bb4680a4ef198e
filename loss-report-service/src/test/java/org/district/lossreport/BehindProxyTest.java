package org.district.lossreport;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.Map;
import javax.sql.DataSource;
import org.district.lossreport.Inventory.Device;
import org.district.lossreport.Inventory.Person;
import org.junit.jupiter.api.Test;

/**
 * The pages behind the district's TLS proxy: people open them at https://reports.district.example while the service
 * sees plain HTTP on its own host and port, and browsers reach the identity provider at another address than the
 * service does. A form from the public address is taken, one from the address the service sees is not, and the pages
 * let their sign-out form go on to the provider's public address.
 */
@QuarkusTest
@TestProfile(BehindProxyTest.Proxied.class)
@WithTestResource(MailAndWebhook.class)
class BehindProxyTest {

    static final String PUBLIC_ORIGIN = "https://reports.district.example";
    static final String PROVIDER_ORIGIN = "https://id.district.example";

    public static class Proxied implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "district.web.public-origins", PUBLIC_ORIGIN + "/",
                    "district.web.sign-in-origin", PROVIDER_ORIGIN + "/realms/district");
        }
    }

    @TestHTTPResource("/")
    URL base;

    @Inject
    Inventory inventory;

    @Inject
    DataSource dataSource;

    @Test
    void formsAreTakenFromThePublicAddressOnly() {
        Person pat = inventory.employee(null);
        Device laptop = inventory.laptop(pat, false);
        inventory.awaitKnown(pat);
        inventory.awaitKnown(laptop);
        Browser browser = Browser.signedIn(base.toString().replaceFirst("/$", ""), pat.districtId(), "STAFF");
        Response form = browser.get("/report-loss");
        assertThat(form.header("Content-Security-Policy")).endsWith("form-action 'self' " + PROVIDER_ORIGIN);
        Map<String, String> fields = WebFormTest.validTheft(form, laptop);

        Response fromInternalAddress = browser.post("/report-loss", fields);
        assertThat(fromInternalAddress.statusCode()).isEqualTo(403);
        assertThat(fromInternalAddress.contentType()).startsWith("application/problem+json");
        assertThat(WebFormTest.reportsOf(dataSource, laptop)).isZero();

        Response fromPublicAddress = browser.request()
                .header("Origin", PUBLIC_ORIGIN)
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/report-loss");
        assertThat(fromPublicAddress.statusCode()).isEqualTo(303);
        assertThat(WebFormTest.reportsOf(dataSource, laptop)).isEqualTo(1);
    }
}
