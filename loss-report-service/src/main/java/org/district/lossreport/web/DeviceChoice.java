package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** One of the signed-in person's devices offered on the report form. */
@TemplateData
public record DeviceChoice(String assetTag, String description, String status, String openReport) {
    public boolean reportable() {
        return openReport == null;
    }
}
