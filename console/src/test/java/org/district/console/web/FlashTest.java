package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

/** A notice reaches the page it names, with its words intact, and a cookie the console did not write is no notice. */
class FlashTest {

    @Test
    void aNoticeKeepsItsPageKindAndValue() {
        Flash.Notice notice = new Flash.Notice("/my-reports", "filed", "LR-2026-000042");
        String cookie = Flash.encode(notice);
        assertThat(cookie).matches("[A-Za-z0-9%*._+-]+");
        assertThat(Flash.decode(cookie)).isEqualTo(notice);

        Flash.Notice odd = new Flash.Notice("/return-tasks", "received", "LHS/CART.2_07; x=1 \"y\"");
        assertThat(Flash.decode(Flash.encode(odd))).isEqualTo(odd);
    }

    @Test
    void aNoticeIsShownOnlyOnItsOwnPageAndOnlyAsItsOwnKind() {
        String device = "/devices/1b4e28ba-2fa1-11d2-883f-0016d3cca427";
        String cookie = Flash.encode(new Flash.Notice(device, "sent", "LOCK"));
        assertThat(Flash.valueFor(cookie, device, "sent")).isEqualTo("LOCK");
        assertThat(Flash.valueFor(cookie, "/devices/2c5f39cb-3fb2-22e3-994f-1127e4ddb538", "sent"))
                .as("another device's page")
                .isNull();
        assertThat(Flash.valueFor(cookie, device + "/commands/new", "sent")).isNull();
        assertThat(Flash.valueFor(cookie, device, "moved"))
                .as("another kind of notice")
                .isNull();
        assertThat(Flash.valueFor(null, device, "sent")).isNull();
    }

    @Test
    void aNoticeNamesItsPageByPathAlone() {
        assertThat(Flash.seeOther("/return-tasks", "received", "LHS-0042")
                        .build()
                        .getHeaderString("Set-Cookie"))
                .startsWith(Flash.COOKIE + "=")
                .contains("; Path=/;")
                .contains("Secure")
                .contains("HttpOnly");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Flash.seeOther("/return-tasks?school=LHS", "received", "LHS-0042"));
    }

    @Test
    void aCookieTheConsoleDidNotWriteIsNoNotice() {
        assertThat(Flash.decode(null)).isNull();
        assertThat(Flash.decode("")).isNull();
        assertThat(Flash.decode("Lock+sent")).isNull();
        assertThat(Flash.decode("%2Fdevices%0Asent")).isNull();
        assertThat(Flash.decode("%2Fdevices%0Asent%0AWIPE%0Aextra")).isNull();
        assertThat(Flash.decode("%E0%A4%A")).isNull();
        assertThat(Flash.decode(Flash.encode(new Flash.Notice("/devices/1", "sent", "x".repeat(400)))))
                .isNull();
    }
}
