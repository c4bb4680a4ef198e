package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.district.console.api.Views;
import org.district.console.web.Failures.FieldError;
import org.junit.jupiter.api.Test;

/** Charges: what the console reads of the inventory's answers, how it writes amounts, and how its forms word refusals. */
class ChargeFormsTest {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Test
    void amountsAreWrittenInDollarsAsPeopleReadThem() {
        assertThat(Format.money(new BigDecimal("1049.5"))).isEqualTo("$1,049.50");
        assertThat(Format.money(new BigDecimal("0.00"))).isEqualTo("$0.00");
        assertThat(Format.money(new BigDecimal("100000"))).isEqualTo("$100,000.00");
        assertThat(Format.money(null)).isEmpty();
    }

    @Test
    void aFormsAmountAndDayAreAskedForByTheirFields() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(ChargePages.required("$1,049.50", "amount", "Enter the amount paid.", errors))
                .isEqualByComparingTo("1049.50");
        assertThat(ChargePages.date("2026-12-04", "paidOn", "Enter the day.", errors))
                .isEqualTo(LocalDate.of(2026, 12, 4));
        assertThat(errors).isEmpty();

        assertThat(ChargePages.required(" ", "amount", "Enter the amount paid.", errors))
                .isNull();
        assertThat(ChargePages.required("fifty", "waiverAmount", "Enter the amount to waive.", errors))
                .isNull();
        assertThat(ChargePages.date("", "paidOn", "Enter the day it was paid.", errors))
                .isNull();
        assertThat(ChargePages.date("04/12/2026", "paidOn", "Enter the day it was paid.", errors))
                .isNull();
        assertThat(errors)
                .containsExactly(
                        new FieldError("amount", "Enter the amount paid."),
                        new FieldError(
                                "waiverAmount", "Amount waived must be an amount in dollars, for example 349.99."),
                        new FieldError("paidOn", "Enter the day it was paid."),
                        new FieldError("paidOn", "Paid on must be a date, for example 2026-12-04."));
    }

    @Test
    void aPaymentBeyondWhatIsOutstandingIsRefusedAtTheAmount() {
        assertThat(ChargePages.refused(
                        refused(
                                409,
                                "{\"detail\":\"At most 30.00 is outstanding on this charge; 50.00 cannot be paid.\","
                                        + "\"errors\":[{\"field\":\"amount\",\"message\":\"At most 30.00 is"
                                        + " outstanding on this charge; 50.00 cannot be paid.\"}]}"),
                        "amount",
                        ChargePages.PAYMENT_LABELS,
                        Map.of()))
                .containsExactly(
                        new FieldError("amount", "At most 30.00 is outstanding on this charge; 50.00 cannot be paid."));
    }

    @Test
    void aReceiptAlreadyRecordedIsSaidAsTheInventorySaysItAtTheReference() {
        assertThat(ChargePages.refused(
                        refused(
                                409,
                                "{\"detail\":\"This charge already has a payment with reference R-1.\","
                                        + "\"errors\":[{\"field\":\"reference\",\"message\":\"must be unique\"}]}"),
                        "amount",
                        ChargePages.PAYMENT_LABELS,
                        Map.of()))
                .containsExactly(new FieldError("reference", "This charge already has a payment with reference R-1."));
    }

    @Test
    void aSettledChargeOrAWaiversBadFieldIsShownOnTheWaiverForm() {
        Map<String, String> renames = Map.of("amount", "waiverAmount", "reason", "waiverReason");
        assertThat(ChargePages.refused(
                        refused(409, "{\"detail\":\"The charge is PAID: nothing is outstanding.\"}"),
                        "waiverAmount",
                        ChargePages.WAIVER_LABELS,
                        renames))
                .containsExactly(new FieldError("waiverAmount", "The charge is PAID: nothing is outstanding."));
        assertThat(ChargePages.refused(
                        refused(
                                400,
                                "{\"detail\":\"The request has invalid fields.\",\"errors\":["
                                        + "{\"field\":\"amount\",\"message\":\"must be greater than or equal to"
                                        + " 0.01\"},{\"field\":\"reason\",\"message\":\"size must be between 0 and"
                                        + " 500\"}]}"),
                        "waiverAmount",
                        ChargePages.WAIVER_LABELS,
                        renames))
                .containsExactly(
                        new FieldError("waiverAmount", "Amount waived must be greater than or equal to 0.01."),
                        new FieldError("waiverReason", "Reason size must be between 0 and 500."));
    }

    @Test
    void theConsoleReadsChargesTheirPaymentsWaiversAndBalances() throws Exception {
        Views.Charge charge = JSON.readValue(
                "{\"id\":\"6e1b7a52-3c4d-4f8e-9a0b-2c3d4e5f6a7b\",\"person\":{\"id\":"
                        + "\"7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30\",\"districtId\":\"E10234\",\"name\":\"Pat Lee\"},"
                        + "\"deviceId\":\"3f6c2a9e-8b1d-4c7e-9a52-1d0e7b4f6a21\",\"assetTag\":\"LHS-0042\","
                        + "\"reason\":\"DAMAGE\",\"description\":\"Cracked screen\",\"amount\":150.00,\"paid\":50.00,"
                        + "\"waived\":100.00,\"outstanding\":0.00,\"status\":\"SETTLED\",\"createdBy\":"
                        + "\"IT_ADMIN:E10001\",\"createdAt\":\"2026-03-01T14:05:00Z\",\"updatedAt\":"
                        + "\"2026-03-02T15:10:00Z\",\"payments\":[{\"id\":\"2b7e4c19-5d3a-4f6e-8b1c-9a0d2e3f4a5b\","
                        + "\"amount\":50.00,\"paidOn\":\"2026-03-02\",\"reference\":\"R-2026-0042\",\"recordedBy\":"
                        + "\"IT_ADMIN:E10001\",\"recordedAt\":\"2026-03-02T15:10:00Z\"}],\"waivers\":[{\"id\":"
                        + "\"8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f\",\"amount\":100.00,\"reason\":\"Hardship\","
                        + "\"recordedBy\":\"IT_ADMIN:E10001\",\"recordedAt\":\"2026-03-04T09:30:00Z\"}],"
                        + "\"newField\":true}",
                Views.Charge.class);
        assertThat(charge.person().name()).isEqualTo("Pat Lee");
        assertThat(charge.open()).as("nothing outstanding").isFalse();
        assertThat(charge.payments().get(0).paidOn()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(charge.waivers().get(0).reason()).isEqualTo("Hardship");

        Views.Charge listed = JSON.readValue(
                "{\"id\":\"6e1b7a52-3c4d-4f8e-9a0b-2c3d4e5f6a7b\",\"outstanding\":100.00,\"status\":\"OPEN\"}",
                Views.Charge.class);
        assertThat(listed.open()).isTrue();
        assertThat(listed.payments()).as("a list leaves them out").isNull();

        Views.Balance balance = JSON.readValue(
                "{\"personId\":\"7d2e9c41-0b5a-4f3e-8c6d-2a9b1e4f7c30\",\"districtId\":\"E10234\",\"charges\":2,"
                        + "\"openCharges\":1,\"charged\":400.00,\"paid\":250.00,\"waived\":50.00,\"outstanding\":100.00}",
                Views.Balance.class);
        assertThat(balance.owes()).isTrue();
        assertThat(balance.openCharges()).isEqualTo(1);

        assertThat(JSON.writeValueAsString(
                        new Views.NewPayment(new BigDecimal("50.00"), LocalDate.of(2026, 3, 2), "R-1", null)))
                .contains("\"amount\":50.00")
                .contains("\"paidOn\":\"2026-03-02\"");
    }

    @Test
    void theListsFiltersKeepOnlyThoseThatHaveAValue() {
        assertThat(new ChargePages.Filters("OPEN", "E10234", null).query(null)).isEqualTo("?status=OPEN&person=E10234");
        assertThat(new ChargePages.Filters(null, null, "LHS 42").query("abc")).isEqualTo("?device=LHS+42&cursor=abc");
        assertThat(new ChargePages.Filters(null, null, null).any()).isFalse();
    }

    private static WebApplicationException refused(int status, String problem) {
        return new WebApplicationException(Response.status(status)
                .type("application/problem+json")
                .entity(problem)
                .build());
    }
}
