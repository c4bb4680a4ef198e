package org.district.support.security;

/**
 * The roles a bearer token can carry (in its {@code groups} claim). Every endpoint names the roles it admits.
 */
public final class Roles {

    /** A district employee: reports losses, sees their own devices and reports. */
    public static final String STAFF = "STAFF";
    /** School staff or a supervisor: follows the reports of the people they are responsible for. */
    public static final String SUPERVISOR = "SUPERVISOR";
    /** IT staff: registers, assigns, locks, wipes and receives devices; sees everything. */
    public static final String IT_ADMIN = "IT_ADMIN";
    /** Human resources: people records and offboarding. */
    public static final String HR = "HR";
    /** Read-only oversight of everything IT sees. */
    public static final String AUDITOR = "AUDITOR";
    /** A device's agent; the token's subject is the device id. */
    public static final String DEVICE = "DEVICE";

    private Roles() {}
}
