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
import java.util.UUID;
import org.district.console.api.Views;
import org.district.console.web.Failures.FieldError;
import org.junit.jupiter.api.Test;

/** The leaving date HR sets on a person's page: what the form takes, what it sends, how refusals are worded. */
class LeavingDateFormTest {

    /** As Quarkus configures the REST client's mapper: dates as ISO text, unknown fields ignored by the views. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private static final Views.Person PAT = new Views.Person(
            UUID.fromString("7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30"),
            "E10234",
            "Pat",
            "Lee",
            "plee@district.example",
            "EMPLOYEE",
            "LINCOLN-HS",
            new Views.PersonRef(UUID.fromString("5b8d2f1e-6c3a-4e9b-b7d0-1a4c8e2f6d93"), "E10007", "Sam Ortiz"),
            true,
            null,
            LocalDate.of(2026, 8, 18),
            true);

    @Test
    void aLeavingDateIsTheBrowsersDateOrAMessageNamingTheField() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(PeoplePages.leavingDate("2027-06-04", false, errors)).isEqualTo(LocalDate.of(2027, 6, 4));
        assertThat(PeoplePages.leavingDate("", true, errors))
                .as("Clear sends no date, whatever the field holds")
                .isNull();
        assertThat(PeoplePages.leavingDate("2027-06-04", true, errors)).isNull();
        assertThat(errors).isEmpty();

        assertThat(PeoplePages.leavingDate(" ", false, errors)).isNull();
        assertThat(PeoplePages.leavingDate("04/06/2027", false, errors)).isNull();
        assertThat(errors)
                .containsExactly(
                        new FieldError("leavingDate", "Enter the leaving date: the person's last working day."),
                        new FieldError("leavingDate", "Leaving date must be a date, for example 2026-06-05."));
    }

    @Test
    void theUpdateSendsThePersonUnchangedButForTheLeavingDate() throws Exception {
        Views.NewPerson update = PeoplePages.withLeavingDate(PAT, LocalDate.of(2027, 6, 4));
        assertThat(update)
                .isEqualTo(new Views.NewPerson(
                        "E10234",
                        "Pat",
                        "Lee",
                        "plee@district.example",
                        "EMPLOYEE",
                        "LINCOLN-HS",
                        "E10007",
                        true,
                        LocalDate.of(2027, 6, 4),
                        LocalDate.of(2026, 8, 18)));
        assertThat(JSON.writeValueAsString(update))
                .contains("\"active\":true", "\"departedOn\":\"2027-06-04\"", "\"supervisorDistrictId\":\"E10007\"");

        Views.Person noSupervisor = new Views.Person(
                PAT.id(),
                "S20001",
                "Ana",
                "Diaz",
                null,
                "STUDENT",
                "LINCOLN-HS",
                null,
                true,
                LocalDate.of(2027, 6, 4),
                null,
                false);
        Views.NewPerson cleared = PeoplePages.withLeavingDate(noSupervisor, null);
        assertThat(cleared.departedOn()).as("cleared: no leaving date").isNull();
        assertThat(cleared.supervisorDistrictId()).isNull();
        assertThat(cleared.active()).isTrue();
    }

    @Test
    void theFormShowsTheCurrentLeavingDateWhenOneIsSet() {
        assertThat(PeoplePages.leavingForm(PAT).field("leavingDate").value()).isNull();
        Views.Person leaving = new Views.Person(
                PAT.id(),
                "E10234",
                "Pat",
                "Lee",
                null,
                "EMPLOYEE",
                "LINCOLN-HS",
                null,
                true,
                LocalDate.of(2027, 6, 4),
                null,
                true);
        assertThat(PeoplePages.leavingForm(leaving).field("leavingDate").value())
                .isEqualTo("2027-06-04");
    }

    @Test
    void theInventorysRefusalOfALeavingDateIsShownByTheField() {
        List<FieldError> named = Failures.fieldErrors(
                refused(
                        400,
                        "{\"detail\":\"The request has invalid fields.\",\"errors\":["
                                + "{\"field\":\"departedOn\",\"message\":\"must be at most 366 days from today.\"}]}"),
                "leavingDate",
                PeoplePages.LEAVING_LABELS,
                PeoplePages.LEAVING_API_FIELDS);
        assertThat(named)
                .containsExactly(new FieldError("leavingDate", "Leaving date must be at most 366 days from today."));

        List<FieldError> whole = Failures.fieldErrors(
                refused(409, "{\"detail\":\"The person record changed meanwhile.\"}"),
                "leavingDate",
                PeoplePages.LEAVING_LABELS,
                PeoplePages.LEAVING_API_FIELDS);
        assertThat(whole).containsExactly(new FieldError("leavingDate", "The person record changed meanwhile."));
    }

    private static WebApplicationException refused(int status, String problem) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build());
    }
}
