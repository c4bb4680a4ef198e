package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ServiceUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A device page asks check-ins for the device's check-ins, commands and credential. A device added a moment ago is
 * not known there until inventory's event arrives: the page then shows the device without them, instead of "Not
 * found". Any other refusal or failure still reaches the page.
 */
class DevicePageCheckInsTest {

    @Test
    void aDeviceCheckInsDoNotKnowYetGetsTheStandInAnswer() {
        assertThat(DevicePages.<List<String>>unlessUnknownToCheckIns(
                        () -> {
                            throw new NotFoundException();
                        },
                        List.of()))
                .isEmpty();
        assertThat(DevicePages.<String>unlessUnknownToCheckIns(
                        () -> {
                            throw new NotFoundException();
                        },
                        null))
                .isNull();
    }

    @Test
    void aKnownDeviceGetsCheckInsAnswer() {
        assertThat(DevicePages.unlessUnknownToCheckIns(() -> List.of("LOCK"), List.of()))
                .containsExactly("LOCK");
    }

    @Test
    void otherRefusalsAndFailuresAreNotHidden() {
        assertThatThrownBy(() -> DevicePages.unlessUnknownToCheckIns(
                        () -> {
                            throw new ForbiddenException();
                        },
                        List.of()))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> DevicePages.unlessUnknownToCheckIns(
                        () -> {
                            throw new ServiceUnavailableException();
                        },
                        List.of()))
                .isInstanceOf(ServiceUnavailableException.class);
    }
}
