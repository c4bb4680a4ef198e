package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.district.checkin.domain.DeviceCredential;
import org.district.checkin.domain.DeviceCredentialChanged;
import org.district.checkin.domain.PersonalDeviceRules;
import org.district.checkin.entity.Device;
import org.district.checkin.repository.DeviceRepository;
import org.district.support.domain.ConflictException;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;
import org.jboss.logging.Logger;

/**
 * Enrolment: IT issues, inspects and revokes a device's credential (see {@link DeviceCredential}). Issuing a new one
 * replaces the old one and revoking removes it, both at once on every replica, since the check-in writer compares the
 * presented secret with the stored hash in its locking read of the device; this replica's security layer forgets the
 * old hash when the change commits ({@link DeviceCredentialChanged}), the others when their kept copy expires.
 */
@ApplicationScoped
@Transactional
public class DeviceCredentialService {

    private static final Logger LOG = Logger.getLogger(DeviceCredentialService.class);

    @Inject
    DeviceRepository devices;

    @Inject
    DistrictClock clock;

    @Inject
    Event<DeviceCredentialChanged> changed;

    /** A newly issued credential; {@code credential} is the only copy of the secret. */
    public record Issued(UUID deviceId, String credential, Instant issuedAt, String issuedBy) {}

    /** Issues a credential for the device, replacing any earlier one (which stops working at once). */
    public Issued issue(UUID deviceId, String actor) {
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> new NotFoundException("device", deviceId.toString()));
        if (device.outOfService()) {
            throw ConflictException.of(
                    "device-out-of-service",
                    "The device is " + device.status + " and no longer checks in; it gets no credential.");
        }
        // A personal device only while its principal's approval is in force (docs/personal-devices.md); the update
        // checks that again on the row as it stands, so a removal committed meanwhile is not undone.
        PersonalDeviceRules.requireApprovalForCredential(device);
        DeviceCredential.Minted minted = DeviceCredential.mint(deviceId);
        Instant now = clock.now();
        if (!devices.issueCredential(device.id, minted.secretSha256(), now, actor)) {
            devices.getEntityManager().refresh(device);
            throw PersonalDeviceRules.notApprovedForCredential(device);
        }
        changed.fire(new DeviceCredentialChanged(deviceId));
        LOG.infof("%s issued a device credential for device %s", actor, deviceId);
        return new Issued(deviceId, minted.credential(), now, actor);
    }

    /** Revokes the device's credential: its agent can no longer check in with it. */
    public void revoke(UUID deviceId, String actor) {
        if (!devices.revokeCredential(deviceId)) {
            throw new NotFoundException("device credential", deviceId.toString());
        }
        changed.fire(new DeviceCredentialChanged(deviceId));
        LOG.infof("%s revoked the device credential of device %s", actor, deviceId);
    }

    /**
     * Revokes the device's credential, if it has one, because its access as a personal device ended (in the caller's
     * transaction: the removal's); true when there was one. Takes effect at once on every replica, as IT's revocation.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean revokeOnAccessRemoved(UUID deviceId, String reason) {
        if (!devices.revokeCredential(deviceId)) {
            return false;
        }
        changed.fire(new DeviceCredentialChanged(deviceId));
        LOG.infof("The device credential of personal device %s was revoked: its access ended (%s)", deviceId, reason);
        return true;
    }

    /** The device, for whether it has a credential and who issued it when. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Device status(UUID deviceId) {
        return devices.findByIdOptional(deviceId)
                .orElseThrow(() -> new NotFoundException("device", deviceId.toString()));
    }
}
