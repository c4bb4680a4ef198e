package org.district.support.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.district.contracts.DistrictIds;

/**
 * Who is calling, in the district's terms: a person's district id (the claim of the identity provider's token that
 * {@code quarkus.oidc.token.principal-claim} names), or a device id for a device signed in with its enrolment
 * credential. Object-level checks ("a staff member sees only what is theirs") start here.
 */
@RequestScoped
public class Caller {

    private static final List<String> ROLES_BY_REACH = List.of(
            Roles.IT_ADMIN, Roles.HR, Roles.AUDITOR, Roles.PRINCIPAL, Roles.SUPERVISOR, Roles.STAFF, Roles.DEVICE);

    @Inject
    SecurityIdentity identity;

    /**
     * The caller's district id in its canonical form ({@link DistrictIds#canonical}, whatever case the identity
     * provider sends it in), or a device's id for a device agent; null when anonymous.
     */
    public String subject() {
        return subjectOf(identity);
    }

    /** {@link #subject()} of any identity, for code that holds one outside a request scope. */
    public static String subjectOf(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String name = identity.getPrincipal().getName();
        return identity.hasRole(Roles.DEVICE) ? name : DistrictIds.canonical(name);
    }

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** IT staff and auditors see every record. */
    public boolean seesEverything() {
        return is(Roles.IT_ADMIN) || is(Roles.AUDITOR);
    }

    /** The role with the widest reach the caller holds, or null. */
    public String primaryRole() {
        return ROLES_BY_REACH.stream().filter(this::is).findFirst().orElse(null);
    }

    /** A short description for history and audit records, for example {@code IT_ADMIN:E1001}. */
    public String actor() {
        String role = primaryRole();
        return (role == null ? "ANONYMOUS" : role) + ":" + subject();
    }
}
