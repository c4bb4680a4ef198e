package org.district.lossreport.notify;

import io.quarkus.qute.TemplateData;

/**
 * What the messages about a new loss report show of it, each value ready to print: times in the district's zone,
 * labelled free text on one line, and null for what a message leaves out.
 *
 * @param kind LOST or STOLEN, as the subject names it
 * @param what the device as the subject names it: "laptop LHS-LT-0042", or the asset tag alone
 * @param device the asset tag with make, model and type when known
 * @param deviceKnown whether this service knows the device (then its serial number is shown)
 * @param policeCaseNumber null while the police case number is owed
 * @param policeAgency the agency, or "unknown"
 */
@TemplateData
public record ReportText(
        String number,
        String kind,
        boolean stolen,
        String what,
        String school,
        String device,
        boolean deviceKnown,
        String serialNumber,
        String heldBy,
        String reportedBy,
        String reportedAt,
        String lastSeenAt,
        String lastSeenLocation,
        String circumstances,
        boolean policeNotified,
        String policeAgency,
        String policeCaseNumber,
        String link) {}
