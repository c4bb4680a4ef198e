package org.district.inventory.service.csv;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import org.district.contracts.inventory.PersonKind;
import org.district.inventory.domain.DeviceFilter;
import org.district.inventory.domain.DeviceOrder;
import org.district.inventory.repository.PersonRepository;
import org.district.inventory.service.DeviceService;

/**
 * The CSV exports, chunk by chunk, in the import's column layout ({@link DeviceColumns}, {@link PersonColumns}): each
 * chunk is read in a transaction of its own, since the file is written to the browser after the request's own work has
 * ended (see service-support's CsvDownload).
 */
@ApplicationScoped
public class CsvExports {

    @Inject
    DeviceService devices;

    @Inject
    PersonRepository people;

    /** The rows of the devices matching the filter that follow the device {@code afterAssetTag} in that order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<List<Object>> devices(DeviceFilter filter, DeviceOrder order, String afterAssetTag, int size) {
        return devices.search(filter, order, afterAssetTag, size).stream()
                .limit(size)
                .map(DeviceColumns::row)
                .toList();
    }

    /** The rows of the people matching the filters that follow district id {@code after}, in district-id order. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<List<Object>> people(String school, PersonKind kind, Boolean active, String after, int size) {
        return people.search(school, kind, active, null, after, size).stream()
                .limit(size)
                .map(PersonColumns::row)
                .toList();
    }
}
