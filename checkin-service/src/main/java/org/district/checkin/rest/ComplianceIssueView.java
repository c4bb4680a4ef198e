package org.district.checkin.rest;

import java.util.List;
import org.district.checkin.domain.ComplianceIssue;

/** One way a device falls short of the baseline. */
public record ComplianceIssueView(String code, String description) {

    /** The issues of a stored code list. */
    static List<ComplianceIssueView> of(String codes) {
        return ComplianceIssue.decode(codes).stream()
                .map(i -> new ComplianceIssueView(i.name(), i.description()))
                .toList();
    }
}
