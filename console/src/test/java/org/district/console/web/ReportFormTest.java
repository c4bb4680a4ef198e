package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Proxy;
import java.util.List;
import org.district.console.web.Failures.FieldError;
import org.junit.jupiter.api.Test;

/** How the loss-report form words the loss-report service's refusals, and when it needs a new key. */
class ReportFormTest {

    private static final String KEY = "9b1f3c2e-0d4a-4e8b-a7c6-5f2d1e0b9a83";

    /** The English words, as the pages show them (no placeholders in the ones used here). */
    private static final Staff WORDS = (Staff) Proxy.newProxyInstance(
            Staff.class.getClassLoader(),
            new Class<?>[] {Staff.class},
            (proxy, method, args) -> method.getAnnotation(Message.class).value());

    @Test
    void aKeyThatAlreadyFiledAnotherReportIsReplacedSoTheFormCanBeSentAgain() {
        ReportPages.ReportForm form = formWithKey();
        List<FieldError> errors = ReportPages.refused(
                refused(
                        422,
                        "{\"type\":\"urn:district:problem:idempotency-key-reused\","
                                + "\"detail\":\"This Idempotency-Key was already used for a different report.\","
                                + "\"errors\":[{\"field\":\"Idempotency-Key\","
                                + "\"message\":\"was used before with a different request body.\"}]}"),
                form,
                WORDS);
        assertThat(errors).containsExactly(new FieldError("kind-lost", WORDS.filedFromThisFormBefore()));
        assertThat(form.key)
                .as("a new key: the old one would be refused again whatever the person corrects")
                .isNotEqualTo(KEY)
                .matches("[0-9a-f-]{36}");
    }

    @Test
    void aRefusedFieldIsNamedByItsLabelAndTheKeyIsKept() {
        ReportPages.ReportForm form = formWithKey();
        List<FieldError> errors = ReportPages.refused(
                refused(
                        400,
                        "{\"type\":\"urn:district:problem:validation\",\"detail\":\"The request has invalid fields.\","
                                + "\"errors\":[{\"field\":\"contactPhone\",\"message\":\"must be a phone number.\"}]}"),
                form,
                WORDS);
        assertThat(errors).containsExactly(new FieldError("contactPhone", "Your phone number must be a phone number."));
        assertThat(form.key)
                .as("nothing was filed: sending the corrected form again is still the same report")
                .isEqualTo(KEY);
    }

    @Test
    void theFormKeepsItsOwnKeyAndReplacesAnyOther() {
        assertThat(ReportPages.keyOf(KEY)).isEqualTo(KEY);
        for (String edited :
                new String[] {null, "", "my-key", "9B1F3C2E-0D4A-4E8B-A7C6-5F2D1E0B9A83 ", "x".repeat(200)}) {
            assertThat(ReportPages.keyOf(edited))
                    .as("sent as %s", edited)
                    .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .isNotEqualTo(edited);
        }
    }

    /** A form as the page gave it, with its own key. */
    private static ReportPages.ReportForm formWithKey() {
        ReportPages.ReportForm form = new ReportPages.ReportForm();
        form.key = KEY;
        return form;
    }

    private static WebApplicationException refused(int status, String problem) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build());
    }
}
