package org.district.lossreport.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.district.contracts.inventory.DeviceSnapshot;
import org.district.contracts.inventory.PersonSnapshot;
import org.district.lossreport.repository.KnownDeviceRepository;
import org.district.lossreport.repository.KnownPersonRepository;

/**
 * Keeps what this service knows of inventory's devices and people: each snapshot is applied unless a newer one is
 * already stored, so duplicates and snapshots arriving out of order are harmless.
 */
@ApplicationScoped
@Transactional
public class ReadModelService {

    @Inject
    KnownDeviceRepository devices;

    @Inject
    KnownPersonRepository people;

    /** True if the snapshot changed the device's row. */
    public boolean apply(DeviceSnapshot snapshot) {
        return devices.upsert(snapshot);
    }

    /** True if the snapshot changed the person's row. */
    public boolean apply(PersonSnapshot snapshot) {
        return people.upsert(snapshot);
    }
}
