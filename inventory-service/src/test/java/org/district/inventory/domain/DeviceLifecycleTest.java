package org.district.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.district.contracts.inventory.DeviceStatus.ASSIGNED;
import static org.district.contracts.inventory.DeviceStatus.IN_REPAIR;
import static org.district.contracts.inventory.DeviceStatus.IN_STOCK;
import static org.district.contracts.inventory.DeviceStatus.LOST;
import static org.district.contracts.inventory.DeviceStatus.QUARANTINED;
import static org.district.contracts.inventory.DeviceStatus.RECOVERED;
import static org.district.contracts.inventory.DeviceStatus.RETIRED;
import static org.district.contracts.inventory.DeviceStatus.STOLEN;
import static org.district.contracts.inventory.DeviceStatus.WRITTEN_OFF;
import static org.district.contracts.inventory.Ownership.DISTRICT;
import static org.district.contracts.inventory.Ownership.PERSONAL;

import java.util.EnumSet;
import java.util.Set;
import org.district.contracts.inventory.DeviceStatus;
import org.district.contracts.inventory.Ownership;
import org.district.support.domain.ConflictException;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle rules on their own: the policy's statuses and which may follow which. */
class DeviceLifecycleTest {

    @Test
    void districtDevicesFollowThePolicy() {
        assertThat(DeviceLifecycle.next(DISTRICT, IN_STOCK))
                .containsExactlyInAnyOrder(ASSIGNED, IN_REPAIR, RETIRED, LOST, STOLEN, QUARANTINED);
        assertThat(DeviceLifecycle.next(DISTRICT, ASSIGNED))
                .containsExactlyInAnyOrder(IN_STOCK, QUARANTINED, LOST, STOLEN);
        assertThat(DeviceLifecycle.next(DISTRICT, LOST)).containsExactlyInAnyOrder(STOLEN, RECOVERED, WRITTEN_OFF);
        assertThat(DeviceLifecycle.next(DISTRICT, STOLEN)).containsExactlyInAnyOrder(LOST, RECOVERED, WRITTEN_OFF);
        assertThat(DeviceLifecycle.next(DISTRICT, RECOVERED))
                .containsExactlyInAnyOrder(QUARANTINED, IN_STOCK, IN_REPAIR, RETIRED);
        assertThat(DeviceLifecycle.next(DISTRICT, QUARANTINED)).containsExactlyInAnyOrder(IN_STOCK, IN_REPAIR, RETIRED);
        assertThat(DeviceLifecycle.next(DISTRICT, IN_REPAIR)).containsExactlyInAnyOrder(IN_STOCK, QUARANTINED, RETIRED);
        assertThat(DeviceLifecycle.next(DISTRICT, WRITTEN_OFF)).containsExactly(RECOVERED);
        assertThat(DeviceLifecycle.next(DISTRICT, RETIRED)).isEmpty();
    }

    @Test
    void personalDevicesStayWithTheirOwner() {
        assertThat(DeviceLifecycle.next(PERSONAL, ASSIGNED)).containsExactlyInAnyOrder(LOST, STOLEN, RETIRED);
        assertThat(DeviceLifecycle.next(PERSONAL, LOST)).containsExactlyInAnyOrder(STOLEN, RECOVERED, WRITTEN_OFF);
        assertThat(DeviceLifecycle.next(PERSONAL, STOLEN)).containsExactlyInAnyOrder(LOST, RECOVERED, WRITTEN_OFF);
        assertThat(DeviceLifecycle.next(PERSONAL, RECOVERED)).containsExactlyInAnyOrder(ASSIGNED, RETIRED);
        assertThat(DeviceLifecycle.next(PERSONAL, WRITTEN_OFF)).containsExactlyInAnyOrder(RECOVERED, RETIRED);
        assertThat(DeviceLifecycle.next(PERSONAL, RETIRED)).isEmpty();
        // The district's stock, quarantine and repair are not places a personal device goes.
        for (DeviceStatus from : DeviceStatus.values()) {
            assertThat(DeviceLifecycle.next(PERSONAL, from)).doesNotContain(IN_STOCK, QUARANTINED, IN_REPAIR);
        }
        assertThat(DeviceLifecycle.next(PERSONAL, IN_STOCK)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Ownership.class)
    void noStatusFollowsItselfAndAllowsAgreesWithNext(Ownership ownership) {
        for (DeviceStatus from : DeviceStatus.values()) {
            Set<DeviceStatus> next = DeviceLifecycle.next(ownership, from);
            assertThat(next).doesNotContain(from);
            for (DeviceStatus to : DeviceStatus.values()) {
                assertThat(DeviceLifecycle.allows(ownership, from, to))
                        .as("%s %s -> %s", ownership, from, to)
                        .isEqualTo(next.contains(to));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Ownership.class)
    void onlyLostOrStolenDevicesAreWrittenOffAndRetiredIsFinal(Ownership ownership) {
        for (DeviceStatus from : DeviceStatus.values()) {
            boolean writtenOff = DeviceLifecycle.allows(ownership, from, WRITTEN_OFF);
            assertThat(writtenOff).as("%s -> WRITTEN_OFF", from).isEqualTo(from == LOST || from == STOLEN);
            boolean recovered = DeviceLifecycle.allows(ownership, from, RECOVERED);
            assertThat(recovered)
                    .as("%s -> RECOVERED", from)
                    .isEqualTo(EnumSet.of(LOST, STOLEN, WRITTEN_OFF).contains(from));
        }
        assertThat(DeviceLifecycle.next(ownership, RETIRED)).isEmpty();
    }

    @Test
    void aDeviceComingBackWithSensitiveDataIsQuarantined() {
        assertThat(DeviceLifecycle.afterComingBack(true)).isEqualTo(QUARANTINED);
        assertThat(DeviceLifecycle.afterComingBack(false)).isEqualTo(IN_STOCK);
        // The only way a district device reaches stock from a person is through those two.
        assertThat(DeviceLifecycle.allows(DISTRICT, ASSIGNED, QUARANTINED)).isTrue();
        assertThat(DeviceLifecycle.allows(DISTRICT, ASSIGNED, IN_STOCK)).isTrue();
        assertThat(DeviceLifecycle.allows(DISTRICT, ASSIGNED, RETIRED)).isFalse();
    }

    @Test
    void checkRefusesAnIllegalMoveWith409NamingTheAllowedOnes() {
        assertThatThrownBy(() -> DeviceLifecycle.check(DISTRICT, RETIRED, IN_STOCK))
                .isInstanceOfSatisfying(ConflictException.class, c -> {
                    ProblemException e = ProblemMappers.problemFor(c);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.slug()).isEqualTo("illegal-transition");
                    assertThat(e.getMessage())
                            .contains("RETIRED cannot become IN_STOCK")
                            .contains("final");
                    assertThat(c.allowed()).isEmpty();
                });
        assertThatThrownBy(() -> DeviceLifecycle.check(DISTRICT, LOST, IN_STOCK))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("From LOST it can become")
                            .contains("RECOVERED");
                    assertThat(e.allowed()).containsExactlyInAnyOrder("STOLEN", "RECOVERED", "WRITTEN_OFF");
                });
        assertThatThrownBy(() -> DeviceLifecycle.check(PERSONAL, ASSIGNED, IN_STOCK))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.getMessage()).startsWith("A personal device"));
    }

    @Test
    void checkRefusesAMoveToTheSameStatus() {
        assertThatThrownBy(() -> DeviceLifecycle.check(DISTRICT, LOST, LOST))
                .isInstanceOfSatisfying(ConflictException.class, c -> {
                    ProblemException e = ProblemMappers.problemFor(c);
                    assertThat(e.status()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("already LOST");
                });
    }

    @Test
    void checkAcceptsEveryAllowedMove() {
        for (Ownership ownership : Ownership.values()) {
            for (DeviceStatus from : DeviceStatus.values()) {
                for (DeviceStatus to : DeviceLifecycle.next(ownership, from)) {
                    assertThatCode(() -> DeviceLifecycle.check(ownership, from, to))
                            .as("%s %s -> %s", ownership, from, to)
                            .doesNotThrowAnyException();
                }
            }
        }
    }
}
