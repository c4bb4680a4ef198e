package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.district.inventory.domain.AcquisitionType;
import org.district.inventory.entity.Device;

/** How the district acquired a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AcquisitionView(
        AcquisitionType type,
        String vendor,
        String purchaseOrder,
        BigDecimal cost,
        LocalDate acquiredOn,
        String donor) {

    /** The device's acquisition; null for a device the district did not acquire (a personal one). */
    static AcquisitionView of(Device d) {
        return d.acquisitionType == null
                ? null
                : new AcquisitionView(d.acquisitionType, d.vendor, d.purchaseOrder, d.cost, d.acquiredOn, d.donor);
    }
}
