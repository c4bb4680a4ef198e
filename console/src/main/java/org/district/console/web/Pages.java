package org.district.console.web;

import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.oidc.IdToken;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.district.console.web.Chrome.NavItem;
import org.district.support.security.Roles;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The signed-in person as the pages see them: their name (from the sign-in, not an id), what their roles let them do,
 * and the navigation built from that. Every action a page offers is asked here first; the services decide again.
 */
@RequestScoped
public class Pages {

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    CsrfTokenParameterProvider csrf;

    @Inject
    Language language;

    public boolean is(String role) {
        return identity.hasRole(role);
    }

    /** IT staff and auditors see every device and report. */
    public boolean seesEverything() {
        return is(Roles.IT_ADMIN) || is(Roles.AUDITOR);
    }

    /** Only IT staff change devices, issue commands and close reports; auditors see the same pages without actions. */
    public boolean acts() {
        return is(Roles.IT_ADMIN);
    }

    /** A supervisor, who sees their team's devices besides their own (and is not IT, HR or an auditor). */
    public boolean teamLead() {
        return is(Roles.SUPERVISOR) && !seesEverything() && !is(Roles.HR);
    }

    /**
     * A principal with no other role of the console's: the pages of staff members (their devices, charges, reports)
     * are not theirs, their personal device pages are.
     */
    public boolean principalOnly() {
        return is(Roles.PRINCIPAL) && !seesEverything() && !is(Roles.HR) && !is(Roles.STAFF) && !is(Roles.SUPERVISOR);
    }

    /** The signed-in person's district id (the sign-in's principal). */
    public String districtId() {
        return identity.isAnonymous() ? null : identity.getPrincipal().getName();
    }

    public void requireActor() {
        if (!acts()) {
            throw new ForbiddenException("Only district IT may do this");
        }
    }

    public Chrome chrome(String section) {
        // A request refused before any page ran (an address no page has) is answered on the event loop, where the
        // sign-in may not be read: its page shows no navigation.
        if (io.vertx.core.Context.isOnEventLoopThread() || identity.isAnonymous()) {
            return new Chrome("", "", List.of(), section, csrfToken(), false, false, false, "en", false);
        }
        Staff words = language.staff();
        List<NavItem> nav = new ArrayList<>();
        if (seesEverything()) {
            nav.add(new NavItem("/", "Home", "home"));
        }
        if (!principalOnly()) {
            nav.add(new NavItem(
                    "/devices",
                    seesEverything() ? "Devices" : teamLead() ? words.teamDevices() : words.myDevices(),
                    "devices"));
        }
        if (seesEverything()) {
            nav.add(new NavItem("/devices/loaners", "Loaners", "loaners"));
            nav.add(new NavItem("/devices/charges", "Charges", "charges"));
        }
        if (seesEverything()) {
            nav.add(new NavItem("/loss-reports", "Loss reports", "loss-reports"));
        }
        if (!seesEverything() && (is(Roles.STAFF) || is(Roles.SUPERVISOR))) {
            nav.add(new NavItem("/my-reports", words.myReports(), "my-reports"));
        }
        if (!seesEverything() && !principalOnly()) {
            nav.add(new NavItem("/devices/my-charges", words.myCharges(), "my-charges"));
        }
        if (!seesEverything()) {
            nav.add(new NavItem("/personal-devices", words.myPersonalDevices(), "personal-devices"));
        }
        if (seesEverything() || is(Roles.PRINCIPAL)) {
            nav.add(new NavItem(
                    "/personal-devices/requests", words.personalDeviceRequests(), "personal-device-requests"));
        }
        if (is(Roles.IT_ADMIN) || is(Roles.HR)) {
            nav.add(new NavItem("/people", "People", "people"));
        }
        if (seesEverything() || is(Roles.HR)) {
            nav.add(new NavItem("/return-tasks", "Return tasks", "return-tasks"));
        }
        boolean staffPages = !seesEverything() && !is(Roles.HR);
        return new Chrome(
                name(),
                roleWord(words),
                nav,
                section,
                csrfToken(),
                is(Roles.IT_ADMIN),
                is(Roles.HR),
                teamLead(),
                language.code(),
                staffPages);
    }

    /**
     * The form token of this request; none when the request was refused before the CSRF filter made one (a page
     * refused for the role), where the layout's "Sign out" is then a link to the page that asks to confirm.
     */
    private String csrfToken() {
        try {
            return csrf.getToken();
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** The person's name as the identity provider gives it, else their sign-in name. */
    String name() {
        Object name = idToken == null ? null : idToken.getClaim("name");
        if (name == null && idToken != null) {
            name = idToken.getClaim("preferred_username");
        }
        return name == null ? identity.getPrincipal().getName() : name.toString();
    }

    /** The role with the widest reach, in words. */
    private String roleWord(Staff words) {
        if (is(Roles.IT_ADMIN)) {
            return "District IT";
        }
        if (is(Roles.AUDITOR)) {
            return "Auditor";
        }
        if (is(Roles.HR)) {
            return "HR";
        }
        if (is(Roles.PRINCIPAL)) {
            return words.rolePrincipal();
        }
        return is(Roles.SUPERVISOR) ? words.roleSupervisor() : words.roleStaff();
    }
}
