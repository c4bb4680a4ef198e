package org.district.inventory.service;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** IT takes a device back from its holder. */
@Schema(description = "IT takes a device back from its holder; the body and its note are optional.")
public record ReturnRequest(
        @Size(max = 500)
                @Schema(
                        description = "A note for the device's history",
                        example = "Returned at the end of the school year.")
                String note) {}
