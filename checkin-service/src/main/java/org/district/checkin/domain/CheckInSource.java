package org.district.checkin.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a check-in came from: the device's own agent, or a device manager that reported the device's state. */
@Schema(
        name = "CheckInSource",
        description = "Where a check-in came from: AGENT (the device's own agent), GOOGLE_ADMIN (Google Admin's"
                + " Directory API, for Chromebooks) or INTUNE (Microsoft Intune)")
public enum CheckInSource {
    /** The district's agent on the device, signed in with the device's enrolment credential. */
    AGENT,
    /** Google Admin (the Directory API's ChromeOS devices). */
    GOOGLE_ADMIN,
    /** Microsoft Intune. */
    INTUNE
}
