package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.district.checkin.config.CheckInSettings;
import org.district.checkin.domain.EnrolmentCode;
import org.district.checkin.domain.PersonalDeviceRules;
import org.district.checkin.entity.Device;
import org.district.checkin.repository.EnrolmentCodeRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.InvalidException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Enrolment by code: IT creates a one-time code for a device ({@link EnrolmentCode}); the device's agent exchanges it,
 * once and within its time, for the device's credential, which replaces any earlier one. A code is refused when it is
 * unknown, already used or expired, each with its own answer so that the person at the device knows what to ask IT.
 */
@ApplicationScoped
@Transactional
public class EnrolmentService {

    private static final Logger LOG = Logger.getLogger(EnrolmentService.class);

    /** Expired codes are kept this long, so that a late try is told "expired" rather than "not a code". */
    private static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    @Inject
    EnrolmentCodeRepository codes;

    @Inject
    DeviceCredentialService credentials;

    @Inject
    CheckInSettings settings;

    @Inject
    DistrictClock clock;

    /** A new code: the only copy of it, and when it stops working. */
    public record Created(UUID deviceId, String code, Instant expiresAt) {}

    /** Creates a code for the device; its earlier unused codes stop working. */
    public Created createCode(UUID deviceId, String actor) {
        Device device = credentials.status(deviceId);
        if (device.outOfService()) {
            throw ConflictException.of(
                    "device-out-of-service",
                    "The device is " + device.status + " and no longer checks in; it cannot be enrolled.");
        }
        // A personal device only while its principal's approval is in force; checked again when the code is used.
        PersonalDeviceRules.requireApprovalForCredential(device);
        Instant now = clock.now();
        Instant expiresAt = now.plus(settings.credentials().enrolmentCodeTtl());
        EnrolmentCode.Minted minted = EnrolmentCode.mint();
        codes.purgeExpired(now.minus(KEEP_EXPIRED));
        codes.replace(deviceId, minted.sha256(), now, actor, expiresAt);
        LOG.infof("%s created an enrolment code for device %s, valid until %s", actor, deviceId, expiresAt);
        return new Created(deviceId, minted.code(), expiresAt);
    }

    /** Exchanges a code for its device's credential; the code cannot be used again. */
    public DeviceCredentialService.Issued enrol(String code) {
        byte[] hash = EnrolmentCode.hashOf(code).orElseThrow(EnrolmentService::notACode);
        EnrolmentCodeRepository.Stored stored = codes.lock(hash).orElseThrow(EnrolmentService::notACode);
        Instant now = clock.now();
        if (stored.usedAt() != null) {
            throw ConflictException.of(
                    "enrolment-code-used",
                    "This enrolment code was already used. Ask IT for a new code for this device.");
        }
        if (!now.isBefore(stored.expiresAt())) {
            throw ConflictException.of(
                    "enrolment-code-expired",
                    "This enrolment code has expired. Ask IT for a new code for this device.");
        }
        codes.markUsed(hash, now);
        // Issued in the name of whoever created the code: IT's decision, carried out by the device.
        DeviceCredentialService.Issued issued = credentials.issue(stored.deviceId(), stored.createdBy());
        LOG.infof("Device %s enrolled with a one-time code created by %s", stored.deviceId(), stored.createdBy());
        return issued;
    }

    private static InvalidException notACode() {
        return InvalidException.of("code", "is not a valid enrolment code; check it with IT.");
    }
}
