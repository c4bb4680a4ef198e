package org.district.checkin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.util.function.Supplier;

/**
 * The faults both device managers' servers play the same way: a request answered only when asked the second time,
 * after a throttling answer or an unavailable one, each with the Retry-After the district's client must honour.
 */
final class ManagerScenarios {

    private ManagerScenarios() {}

    /** The request's first ask gets {@code first}; the second, and any after, the page. */
    static void answeredOnSecondAsk(
            WireMockServer server,
            String scenario,
            Supplier<MappingBuilder> request,
            ResponseDefinitionBuilder first,
            String page) {
        server.stubFor(request.get()
                .inScenario(scenario)
                .whenScenarioStateIs(STARTED)
                .willReturn(first)
                .willSetStateTo("asked once"));
        server.stubFor(request.get()
                .inScenario(scenario)
                .whenScenarioStateIs("asked once")
                .willReturn(okJson(page)));
    }

    /** 429 Too Many Requests, to be asked again after a second, with the manager's own error body. */
    static ResponseDefinitionBuilder throttled(String errorBody) {
        return aResponse()
                .withStatus(429)
                .withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json")
                .withBody(errorBody);
    }

    /** 503 Service Unavailable, to be asked again after a second. */
    static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503).withHeader("Retry-After", "1");
    }
}
