package org.district.checkin.domain;

/** One way a device falls short of the baseline. The code is stored with the device's latest state. */
public enum ComplianceIssue {
    OS_VERSION_TOO_OLD("The operating system version is below the district minimum for its platform."),
    PATCHES_TOO_OLD("The last operating system patch is older than the district allows."),
    PATCH_DATE_MISSING("The device did not report when it was last patched."),
    ANTIVIRUS_MISSING("No antivirus product is installed, but the platform requires one."),
    ANTIVIRUS_DEFINITIONS_TOO_OLD("The antivirus definitions are older than the district allows."),
    PASSWORD_PROTECTION_OFF("Password or screen-lock protection is turned off."),
    PASSWORD_PROTECTION_UNKNOWN("The device could not tell whether password or screen-lock protection is on."),
    DISK_ENCRYPTION_OFF("Disk encryption is off on a device that must be encrypted."),
    DISK_ENCRYPTION_UNKNOWN("The device could not tell whether its disk is encrypted, and it must be."),
    NEVER_CHECKED_IN(
            "The device holds sensitive data and has never checked in: nothing shows that its disk is encrypted.");

    private final String description;

    ComplianceIssue(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Codes stored as one comma-separated text; null for none. */
    public static String encode(java.util.List<ComplianceIssue> issues) {
        if (issues.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (ComplianceIssue issue : issues) {
            if (out.length() > 0) {
                out.append(',');
            }
            out.append(issue.name());
        }
        return out.toString();
    }

    /** The issues of a stored code list; unknown codes (from a later version) are skipped. */
    public static java.util.List<ComplianceIssue> decode(String codes) {
        java.util.List<ComplianceIssue> issues = new java.util.ArrayList<>();
        if (codes == null || codes.isBlank()) {
            return issues;
        }
        for (String code : codes.split(",")) {
            try {
                issues.add(ComplianceIssue.valueOf(code.trim()));
            } catch (IllegalArgumentException e) {
                // A code written by a newer version of the service; not shown.
            }
        }
        return issues;
    }
}
