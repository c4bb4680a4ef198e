package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** The report form, with what was typed and what is wrong with it. Qute escapes every value it prints. */
@TemplateData
public record FormPage(
        PageHeader header,
        ReportForm form,
        List<DeviceChoice> devices,
        Map<String, String> errors,
        String generalError,
        String timeZone,
        String maxDateTime) {

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public boolean hasErrors() {
        return !errors.isEmpty() || generalError != null;
    }

    public boolean isDevice(String assetTag) {
        return assetTag.equals(form.device);
    }

    public boolean otherDevice() {
        return form.device.isBlank() || ReportForm.OTHER_DEVICE.equals(form.device);
    }
}
