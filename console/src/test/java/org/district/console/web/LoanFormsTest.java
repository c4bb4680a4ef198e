package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.district.console.api.Views;
import org.district.console.web.Failures.FieldError;
import org.junit.jupiter.api.Test;

/** Loaners and replacements: what the console reads of the inventory's answers, and how its forms word refusals. */
class LoanFormsTest {

    /** As Quarkus configures the REST client's mapper: dates as ISO text, unknown fields ignored by the views. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void aDueDateIsTheBrowsersDateOrAMessageNamingTheField() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(LoanPages.date("2026-12-18", "dueOn", errors)).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(LoanPages.date(" ", "dueOn", errors))
                .as("no due date: not a loaner")
                .isNull();
        assertThat(errors).isEmpty();
        assertThat(LoanPages.date("18/12/2026", "dueOn", errors)).isNull();
        assertThat(errors)
                .containsExactly(new FieldError("dueOn", "Due back on must be a date, for example 2026-12-18."));
    }

    @Test
    void theInventorysRefusalOfAReplacementIsShownByTheFieldItNames() {
        List<FieldError> named = LoanPages.inFormOrder(Failures.fieldErrors(
                refused(
                        400,
                        "{\"detail\":\"The request has invalid fields.\",\"errors\":["
                                + "{\"field\":\"dueOn\",\"message\":\"must be from today to 366 days ahead.\"},"
                                + "{\"field\":\"assetTag\",\"message\":\"names no known device.\"}]}"),
                "assetTag",
                LoanPages.LABELS,
                java.util.Map.of("deviceId", "assetTag")));
        assertThat(named)
                .containsExactly(
                        new FieldError("assetTag", "Asset tag of the replacement names no known device."),
                        new FieldError("dueOn", "Due back on must be from today to 366 days ahead."));

        List<FieldError> conflict = Failures.fieldErrors(
                refused(409, "{\"detail\":\"Only IN_STOCK devices can be assigned; this device is ASSIGNED.\"}"),
                "assetTag",
                LoanPages.LABELS,
                java.util.Map.of());
        assertThat(conflict)
                .as("a conflict names no field: it is shown by the replacement's asset tag")
                .containsExactly(
                        new FieldError("assetTag", "Only IN_STOCK devices can be assigned; this device is ASSIGNED."));
    }

    @Test
    void theConsoleReadsLoanersDueDatesAndReturnTaskReasons() throws Exception {
        Views.Loan loan = JSON.readValue(
                "{\"deviceId\":\"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\",\"assetTag\":\"LHS-LT-0107\",\"type\":\"LAPTOP\","
                        + "\"school\":\"LINCOLN-HS\",\"holder\":{\"id\":\"7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30\","
                        + "\"districtId\":\"E10234\",\"name\":\"Pat Lee\"},\"assignedAt\":\"2026-12-04T15:10:00Z\","
                        + "\"dueOn\":\"2026-12-18\",\"daysOverdue\":3}",
                Views.Loan.class);
        assertThat(loan.holder().name()).isEqualTo("Pat Lee");
        assertThat(loan.dueOn()).isEqualTo(LocalDate.of(2026, 12, 18));
        assertThat(loan.overdue()).isTrue();

        Views.Device device = JSON.readValue(
                "{\"id\":\"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\",\"assetTag\":\"LHS-LT-0107\","
                        + "\"status\":\"ASSIGNED\",\"assignmentDueOn\":\"2026-12-18\"}",
                Views.Device.class);
        assertThat(device.assignmentDueOn()).isEqualTo(LocalDate.of(2026, 12, 18));

        Views.ReturnTask task = JSON.readValue(
                "{\"id\":\"5b8d2f1e-6c3a-4e9b-b7d0-1a4c8e2f6d93\",\"assetTag\":\"LHS-0042\",\"reason\":\"LOAN\","
                        + "\"status\":\"OVERDUE\",\"escalations\":2,\"sensitiveData\":false}",
                Views.ReturnTask.class);
        assertThat(task.reason()).isEqualTo("LOAN");
        assertThat(task.escalations()).isEqualTo(2);

        assertThat(JSON.writeValueAsString(
                        new Views.MoveRequest.Assignment("E10234", null, LocalDate.of(2026, 12, 18))))
                .as("an assignment with a due date is a loaner")
                .contains("\"dueOn\":\"2026-12-18\"");
    }

    private static WebApplicationException refused(int status, String problem) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build());
    }
}
