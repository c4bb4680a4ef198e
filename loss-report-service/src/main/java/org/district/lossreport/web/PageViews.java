package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;
import java.util.List;
import java.util.Map;

/** What the web pages show. Qute escapes every value it prints, so typed text is shown, never run. */
public final class PageViews {

    private PageViews() {}

    /** Who is signed in, for the page header and its sign-out button. */
    @TemplateData
    public record Header(String signedInAs, String csrf) {
        public boolean signedIn() {
            return signedInAs != null;
        }
    }

    /** The sign-in page. */
    @TemplateData
    public record SignIn(Header header, String next, String error) {}

    /** One of the signed-in person's devices offered on the form. */
    @TemplateData
    public record DeviceChoice(String assetTag, String description, String status, String openReport) {
        public boolean reportable() {
            return openReport == null;
        }
    }

    /** The report form, with what was typed and what is wrong with it. */
    @TemplateData
    public record FormPage(
            Header header,
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

    /** A report on its own page, with the reporter's police report form while one is owed. */
    @TemplateData
    public record ReportPage(
            Header header,
            String id,
            String reportNumber,
            String status,
            String kind,
            String assetTag,
            String device,
            String school,
            String reportedBy,
            String reportedAt,
            String lastSeenAt,
            String lastSeenLocation,
            String circumstances,
            String police,
            boolean policeReportOwed,
            boolean mayRecordPolice,
            boolean justFiled,
            String policeAgency,
            String policeCaseNumber,
            Map<String, String> errors) {

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /** An error page: what went wrong, in words for the person, and the id to quote to IT. */
    @TemplateData
    public record ErrorPage(Header header, int status, String title, String message, String correlationId) {}
}
