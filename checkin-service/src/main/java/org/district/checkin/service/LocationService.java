package org.district.checkin.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import org.district.checkin.entity.Device;
import org.district.checkin.entity.DeviceLocation;
import org.district.checkin.entity.LocationRead;
import org.district.checkin.repository.DeviceLocationRepository;
import org.district.checkin.repository.DeviceRepository;
import org.district.checkin.repository.LocationReadRepository;
import org.district.support.domain.NotFoundException;
import org.district.support.time.DistrictClock;
import org.district.support.web.Correlation;

/** Reading a missing device's locations, and the record of every such read. */
@ApplicationScoped
@Transactional
public class LocationService {

    static final int MAX_LOCATIONS = 500;

    @Inject
    DeviceRepository devices;

    @Inject
    DeviceLocationRepository locations;

    @Inject
    LocationReadRepository reads;

    @Inject
    DistrictClock clock;

    /** A device and its stored locations, newest first. */
    public record DeviceLocations(Device device, List<DeviceLocation> locations) {}

    /** The device's stored locations, newest first; the read is recorded in the same transaction. */
    public DeviceLocations read(UUID deviceId, String actor) {
        Device device = devices.findByIdOptional(deviceId)
                .orElseThrow(() -> new NotFoundException("device", deviceId.toString()));
        List<DeviceLocation> found = locations.newest(deviceId, MAX_LOCATIONS);
        LocationRead read = new LocationRead();
        read.deviceId = deviceId;
        read.readBy = actor;
        read.readAt = clock.now();
        read.locationsReturned = found.size();
        read.correlationId = Correlation.current();
        reads.persist(read);
        return new DeviceLocations(device, found);
    }

    /** Recorded location reads, newest first, optionally for one device, before the given id; one more than the limit. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LocationRead> reads(UUID deviceId, Long beforeId, int limit) {
        return reads.before(deviceId, beforeId, limit);
    }
}
