package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The device of a loss report as it was when reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "ReportedDeviceView", description = "The device of a loss report as it was when reported.")
public record ReportedDeviceView(
        @Schema(
                        description = "The device's id in inventory",
                        required = true,
                        example = "3f6c2a9e-1b7d-4c2e-9a51-7d0e8b4f2c16")
                UUID id,
        @Schema(description = "The device's asset tag", required = true, example = "LHS-0042") String assetTag,
        @Schema(description = "The device's serial number; absent when unknown", example = "5CG2041XYZ")
                String serialNumber,
        @Schema(description = "Make, model and type; absent when unknown", example = "Dell Latitude 5440 (laptop)")
                String description,
        @Schema(description = "The school code of the device; absent when unknown", example = "LINCOLN-HS")
                String school) {}
