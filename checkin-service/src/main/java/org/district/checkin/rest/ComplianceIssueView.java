package org.district.checkin.rest;

import java.util.List;
import org.district.checkin.domain.ComplianceIssue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One way a device falls short of the baseline. */
@Schema(description = "One way a device falls short of the district's security baseline")
public record ComplianceIssueView(
        @Schema(
                        description = "The issue's code",
                        required = true,
                        enumeration = {
                            "OS_VERSION_TOO_OLD",
                            "PATCHES_TOO_OLD",
                            "PATCH_DATE_MISSING",
                            "ANTIVIRUS_MISSING",
                            "ANTIVIRUS_DEFINITIONS_TOO_OLD",
                            "PASSWORD_PROTECTION_OFF",
                            "PASSWORD_PROTECTION_UNKNOWN",
                            "DISK_ENCRYPTION_OFF",
                            "DISK_ENCRYPTION_UNKNOWN",
                            "NEVER_CHECKED_IN"
                        },
                        example = "PATCHES_TOO_OLD")
                String code,
        @Schema(
                        description = "What the issue means, in words",
                        required = true,
                        example = "The last operating system patch is older than the district allows.")
                String description) {

    /** The issues of a stored code list. */
    static List<ComplianceIssueView> of(String codes) {
        return ComplianceIssue.decode(codes).stream()
                .map(i -> new ComplianceIssueView(i.name(), i.description()))
                .toList();
    }
}
