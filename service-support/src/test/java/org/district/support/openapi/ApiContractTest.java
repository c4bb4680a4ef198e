package org.district.support.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiContractTest {

    @Test
    void theBadRequestExampleNamesTheFieldBeforeItsMessageAsTheServicesWriteIt() {
        // The published document is written from this example at every build: its keys keep one order, so two builds
        // of the same code publish the same document.
        Map<String, Object> problem = ApiContract.problemExample(400, "/api/v1/devices");

        List<?> errors = (List<?>) problem.get("errors");
        assertThat(new ArrayList<Object>(((Map<?, ?>) errors.get(0)).keySet())).containsExactly("field", "message");
        assertThat(problem.keySet())
                .containsExactly("type", "title", "status", "detail", "instance", "errors", "correlationId");
    }
}
