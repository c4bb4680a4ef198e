package org.district.support.security;

/**
 * The roles of the district. People get theirs from the identity provider (the claim {@code
 * quarkus.oidc.roles.role-claim-path} names, mapped with {@code quarkus.http.auth.roles-mapping} where the provider
 * calls them otherwise); a device signed in with its enrolment credential is a DEVICE. Every endpoint names the roles
 * it admits.
 */
public final class Roles {

    /** A district employee: reports losses, sees their own devices and reports. */
    public static final String STAFF = "STAFF";
    /** School staff or a supervisor: follows the reports of the people they are responsible for. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /**
     * A school's principal: decides on the personal devices the staff of their school ask to use (the district's policy
     * permits them "at the discretion of the Principal").
     */
    public static final String PRINCIPAL = "PRINCIPAL";
    /** IT staff: registers, assigns, locks, wipes and receives devices; sees everything. */
    public static final String IT_ADMIN = "IT_ADMIN";
    /** Human resources: people records and offboarding. */
    public static final String HR = "HR";
    /** Read-only oversight of everything IT sees. */
    public static final String AUDITOR = "AUDITOR";
    /** A device's agent, signed in with its enrolment credential; its subject is the device id. */
    public static final String DEVICE = "DEVICE";

    /** Every role of the district; an identity provider's own roles (offline_access, default roles) are none of them. */
    public static final java.util.Set<String> ALL =
            java.util.Set.of(STAFF, SUPERVISOR, PRINCIPAL, IT_ADMIN, HR, AUDITOR, DEVICE);

    private Roles() {}
}
