package org.district.inventory.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.district.inventory.domain.AcquisitionType;
import org.district.inventory.entity.Device;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How the district acquired a device. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(
        description = "How the district acquired a device: a purchase (vendor, purchase order, cost) or a donation"
                + " (donor, optionally its estimated value as cost). Absent fields are omitted.",
        example = "{\"type\": \"PURCHASED\", \"vendor\": \"CDW Government\", \"purchaseOrder\": \"PO-2025-00117\","
                + " \"cost\": 649.00, \"acquiredOn\": \"2025-08-15\"}")
public record AcquisitionView(
        @Schema(description = "PURCHASED or DONATED", example = "PURCHASED", required = true) AcquisitionType type,
        @Schema(description = "Vendor of a purchase", example = "CDW Government") String vendor,
        @Schema(description = "Purchase order number of a purchase", example = "PO-2025-00117") String purchaseOrder,
        @Schema(description = "Cost in US dollars (for a donation: its estimated value)", example = "649.00")
                BigDecimal cost,
        @Schema(
                        description = "Date of purchase or of acceptance of the donation",
                        example = "2025-08-15",
                        required = true)
                LocalDate acquiredOn,
        @Schema(description = "Donor of a donation", example = "Lincoln High PTA") String donor) {

    /** The device's acquisition; null for a device the district did not acquire (a personal one). */
    static AcquisitionView of(Device d) {
        return d.acquisitionType == null
                ? null
                : new AcquisitionView(d.acquisitionType, d.vendor, d.purchaseOrder, d.cost, d.acquiredOn, d.donor);
    }
}
