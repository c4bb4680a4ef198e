package org.district.lossreport.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/** The device of a loss report as it was when reported. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportedDeviceView(UUID id, String assetTag, String serialNumber, String description, String school) {}
