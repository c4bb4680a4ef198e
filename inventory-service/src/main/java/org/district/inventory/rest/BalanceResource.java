package org.district.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.district.inventory.entity.Person;
import org.district.inventory.service.ChargeService;
import org.district.inventory.service.PersonService;
import org.district.support.domain.NotFoundException;
import org.district.support.openapi.PathId;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** A person's balance of charges: IT and auditors read anyone's; anyone else only their own. */
@Path("/api/v1/people/{id}/balance")
@Produces(MediaType.APPLICATION_JSON)
@PathId(value = "The person's id", example = PersonResource.PERSON_ID)
public class BalanceResource {

    private static final Logger LOG = Logger.getLogger(BalanceResource.class);

    @Inject
    ChargeService charges;

    @Inject
    PersonService people;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR, Roles.STAFF, Roles.SUPERVISOR, Roles.HR})
    @Operation(
            operationId = "getPersonBalance",
            summary = "What a person owes in all",
            description = "The sums of the person's charges: charged, paid, waived and outstanding (charged less paid"
                    + " and waived). IT staff and auditors read anyone's; anyone else only their own (their id is in"
                    + " GET /api/v1/people/me); another person answers 404, as if they did not exist.")
    @Tag(name = "Charges")
    @APIResponse(responseCode = "200", description = "The balance (zeros for a person never charged)")
    public BalanceView balance(@PathParam("id") String id) {
        UUID personId = Params.pathId("person", id);
        Person p = people.find(personId).orElseThrow(() -> new NotFoundException("person", personId.toString()));
        if (!caller.seesEverything() && !p.districtId.equalsIgnoreCase(caller.subject())) {
            LOG.infof("Refused %s reading the balance of person %s: not theirs", caller.actor(), personId);
            throw new NotFoundException("person", personId.toString());
        }
        return BalanceView.of(p, charges.totalsOf(personId));
    }
}
