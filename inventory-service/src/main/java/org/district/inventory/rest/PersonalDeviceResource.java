package org.district.inventory.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.district.contracts.DistrictIds;
import org.district.inventory.config.PersonalDevicePolicy;
import org.district.inventory.domain.PersonalDeviceFilter;
import org.district.inventory.entity.Person;
import org.district.inventory.entity.PersonalDeviceAccess;
import org.district.inventory.service.PersonService;
import org.district.inventory.service.PersonalDeviceDecisionRequest;
import org.district.inventory.service.PersonalDeviceRemovalRequest;
import org.district.inventory.service.PersonalDeviceRenewalRequest;
import org.district.inventory.service.PersonalDeviceRequest;
import org.district.inventory.service.PersonalDeviceService;
import org.district.support.domain.NotFoundException;
import org.district.support.domain.NotPermittedException;
import org.district.support.openapi.Paged;
import org.district.support.openapi.PathId;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Personal devices under the district's policy over HTTP: a staff member registers their own device and asks for
 * access; the approvers of their school (or IT) decide; the owner renews; IT removes. The owner sees their own devices,
 * an approver their school's, IT and auditors all; any other device answers 404, as if it did not exist.
 */
@Path("/api/v1/personal-devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Personal devices",
        description = "Personal devices used for district work, \"at the discretion of the Principal\": the owner asks,"
                + " the approvers of their school (or IT) approve until the end of the school year or refuse, the"
                + " owner renews, IT removes access. The owner sees their own, an approver their school's, IT and"
                + " auditors all.")
@PathId(value = "The device's id", example = ApiExamples.PERSONAL_DEVICE_ID)
public class PersonalDeviceResource {

    private static final Logger LOG = Logger.getLogger(PersonalDeviceResource.class);

    @Inject
    PersonalDeviceService personalDevices;

    @Inject
    PersonService people;

    @Inject
    PersonalDevicePolicy policy;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    @Operation(
            operationId = "requestPersonalDevice",
            summary = "Register your own device and ask for access",
            description = "Any signed-in staff member (STAFF, SUPERVISOR, PRINCIPAL, HR, IT_ADMIN), for themselves: the"
                    + " owner is the person record of the caller's district id. The device is registered as a PERSONAL"
                    + " device owned by them at their school (asset tag generated: P- and eight letters or digits),"
                    + " access PENDING, and the approvers of the school are asked to decide. Not idempotent: the same"
                    + " serial number again answers 409.")
    @APIResponse(
            responseCode = "201",
            description = "Registered; access PENDING",
            headers =
                    @Header(
                            name = "Location",
                            description = "The personal device's address",
                            schema =
                                    @Schema(
                                            type = SchemaType.STRING,
                                            example = "https://inventory.district.example/api/v1/personal-devices/"
                                                    + ApiExamples.PERSONAL_DEVICE_ID)),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = PersonalDeviceView.class)))
    @APIResponse(
            responseCode = "409",
            description = "A device with this serial number is already registered, or the registry holds no (active)"
                    + " person record with your district id")
    public Response request(@Valid @NotNull PersonalDeviceRequest request) {
        PersonalDeviceAccess a = personalDevices.request(request, caller.subject(), actor());
        return Response.created(URI.create("/api/v1/personal-devices/" + a.deviceId))
                .entity(PersonalDeviceView.of(a))
                .build();
    }

    @GET
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listPersonalDevices",
            summary = "List personal devices",
            description = "Filters combine with AND; awaitingDecision=true gives the approvers' queue (requests and"
                    + " renewals to decide). Newest request first, in pages of limit (1 to 200, 50 by default): pass a"
                    + " page's nextCursor as cursor for the next one. IT staff and auditors list every personal device;"
                    + " an approver the devices of the schools they decide for, and their own; anyone else only their"
                    + " own.")
    @Paged(
            name = "PersonalDevicePage",
            description = "One page of personal devices, newest request first.",
            cursorExample = "MTc3MjM3MzkwMC4wfDhjMWY0ZTJhLTZiM2QtNGE1ZS05ZjcwLTJkMWMwYjlhOGU3Ng")
    @APIResponse(
            responseCode = "200",
            description = "One page of the matching personal devices the caller may see",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = PersonalDeviceView.class)))
    public PageView<PersonalDeviceView> list(@BeanParam PersonalDeviceSearch search, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        PersonalDeviceFilter filter = check.get(search::filter);
        int size = page.size(check);
        Cursors.Position after = page.after(2);
        PersonalDeviceFilter reaching;
        if (caller.seesEverything()) {
            reaching = filter.reaching(true, null, null);
        } else {
            Optional<Person> me = me();
            reaching = filter.reaching(false, me.map(p -> p.id).orElse(null), schoolsDecidedFor(me));
        }
        List<PersonalDeviceAccess> rows = personalDevices.page(
                reaching, after == null ? null : after.instant(0), after == null ? null : after.id(1), size);
        return PageView.of(rows, size, PersonalDeviceView::of, a -> Cursors.encode(a.requestedAt, a.deviceId));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "getPersonalDevice",
            summary = "Read a personal device",
            description =
                    "Its owner, the approvers of its school, IT staff and auditors. Any other personal device (and"
                            + " any district device) answers 404, as if it did not exist.")
    @APIResponse(responseCode = "200", description = "The personal device and its standing")
    public PersonalDeviceView get(@PathParam("id") String id) {
        return PersonalDeviceView.of(visible(Params.pathId("personal device", id)));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    @Operation(
            operationId = "decidePersonalDevice",
            summary = "Approve or refuse a personal device",
            description = "An approver of the device's school (the people PERSONAL_DEVICE_APPROVERS names for it; where"
                    + " it names none, a PRINCIPAL whose own record is at that school) or IT staff, never for their own"
                    + " device. Decides a PENDING request or a renewal the owner asked for. APPROVE needs the owner's"
                    + " Acceptable Use Policy acknowledgement to be current (409 otherwise: the owner must acknowledge"
                    + " it first) and runs until the end of the school year (a renewal: until the end of the next"
                    + " one), with the owner's consent to lock and locate as they gave it. REFUSE needs a reason; a"
                    + " refused renewal leaves a running approval in force until its end. The owner is told. A device"
                    + " the caller may not see answers 404; the owner of the device gets 403. Not idempotent: once"
                    + " decided, 409.")
    @APIResponse(responseCode = "200", description = "The personal device, APPROVED or REFUSED")
    @APIResponse(
            responseCode = "403",
            description = "The caller sees the device but does not decide for its school, or it is their own device")
    @APIResponse(
            responseCode = "409",
            description = "Nothing awaits a decision (already decided, expired or removed), the device was"
                    + " deregistered, or (to approve) the owner has left or has no current Acceptable Use Policy"
                    + " acknowledgement")
    public PersonalDeviceView decide(
            @PathParam("id") String id, @Valid @NotNull PersonalDeviceDecisionRequest decision) {
        PersonalDeviceAccess a = visible(Params.pathId("personal device", id));
        if (!caller.is(Roles.IT_ADMIN) && !decidesFor(a.device.school)) {
            LOG.infof("Refused %s deciding on personal device %s: not an approver of %s", actor(), id, a.device.school);
            throw new NotPermittedException(
                    "Only an approver of " + a.device.school + " or IT decides on this device.");
        }
        if (isOwner(a)) {
            LOG.infof("Refused %s deciding on their own personal device %s", actor(), id);
            throw new NotPermittedException(
                    "Nobody decides on their own device: another approver of the school or IT does.");
        }
        return PersonalDeviceView.of(personalDevices.decide(a.deviceId, decision, deciderActor()));
    }

    @POST
    @Path("/{id}/renewal")
    @RolesAllowed({Roles.STAFF, Roles.SUPERVISOR, Roles.PRINCIPAL, Roles.HR, Roles.IT_ADMIN})
    @Operation(
            operationId = "renewPersonalDevice",
            summary = "Ask again for a personal device's access",
            description = "The owner only. From 30 days before an approval's last day: the approval stays in force"
                    + " until then and the renewal awaits the approvers (their approval runs until the end of the next"
                    + " school year). After a refusal, an expiry or a removal: access PENDING again. The approvers are"
                    + " told. The body (a new purpose) is optional. A device the caller may not see answers 404; a"
                    + " device they see but do not own (an approver, IT) 403. Not idempotent: asking again while a"
                    + " request or renewal awaits a decision answers 409.")
    @RequestBody(required = false, description = "Optional: a new purpose")
    @APIResponse(
            responseCode = "200",
            description = "The personal device, PENDING again or APPROVED with a renewal awaiting a decision")
    @APIResponse(responseCode = "403", description = "The caller sees the device but does not own it")
    @APIResponse(
            responseCode = "409",
            description = "A request or renewal already awaits a decision, the approval has more than 30 days to run,"
                    + " or the device was deregistered")
    public PersonalDeviceView renew(@PathParam("id") String id, @Valid PersonalDeviceRenewalRequest renewal) {
        PersonalDeviceAccess a = visible(Params.pathId("personal device", id));
        if (!isOwner(a)) {
            LOG.infof("Refused %s renewing personal device %s: not the owner", actor(), id);
            throw new NotPermittedException("Only the device's owner asks to renew its access.");
        }
        return PersonalDeviceView.of(personalDevices.renew(a.deviceId, renewal, actor()));
    }

    @POST
    @Path("/{id}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.IT_ADMIN)
    @Operation(
            operationId = "removePersonalDevice",
            summary = "Remove a personal device's access",
            description = "IT staff, for a device found in violation of the Acceptable Use Policy (or a request to"
                    + " drop): an APPROVED or PENDING device's access becomes REMOVED, with the reason the owner and"
                    + " the approvers are told; checkin-service revokes its credential. The owner may ask again later."
                    + " Not idempotent: a device without access answers 409.")
    @APIResponse(responseCode = "200", description = "The personal device, access REMOVED")
    @APIResponse(responseCode = "409", description = "The device's access is not APPROVED or PENDING")
    public PersonalDeviceView remove(@PathParam("id") String id, @Valid @NotNull PersonalDeviceRemovalRequest removal) {
        return PersonalDeviceView.of(personalDevices.remove(Params.pathId("personal device", id), removal, actor()));
    }

    // ---------------------------------------------------------------- who may see and decide

    /** The personal device just changed, read again with its device and owner (the change's own session has ended). */
    private PersonalDeviceView view(UUID id) {
        return PersonalDeviceView.of(
                personalDevices.find(id).orElseThrow(() -> new NotFoundException("personal device", id.toString())));
    }

    /** The personal device, if the caller may see it; 404 otherwise (nobody learns what others asked for). */
    private PersonalDeviceAccess visible(UUID id) {
        PersonalDeviceAccess a =
                personalDevices.find(id).orElseThrow(() -> new NotFoundException("personal device", id.toString()));
        if (caller.seesEverything() || isOwner(a) || decidesFor(a.device.school)) {
            return a;
        }
        LOG.infof("Refused %s reading personal device %s: not theirs nor of a school they decide for", actor(), id);
        throw new NotFoundException("personal device", id.toString());
    }

    private boolean isOwner(PersonalDeviceAccess a) {
        return DistrictIds.same(a.owner.districtId, caller.subject());
    }

    /**
     * Whether the caller decides for the school: one of the approvers the configuration names for it, or, where it
     * names none, a PRINCIPAL whose own person record is at that school.
     */
    private boolean decidesFor(String school) {
        String subject = caller.subject();
        if (subject == null || school == null) {
            return false;
        }
        List<String> named = policy.approversOf(school);
        if (!named.isEmpty()) {
            return named.contains(DistrictIds.canonical(subject));
        }
        return caller.is(Roles.PRINCIPAL)
                && me().map(p -> p.school != null
                                && PersonalDevicePolicy.key(p.school).equals(PersonalDevicePolicy.key(school)))
                        .orElse(false);
    }

    /** The schools (upper case) whose personal devices the caller decides on. */
    private Set<String> schoolsDecidedFor(Optional<Person> me) {
        Set<String> schools = new LinkedHashSet<>(policy.schoolsApprovedBy(caller.subject()));
        if (caller.is(Roles.PRINCIPAL)) {
            me.filter(p -> p.school != null && !policy.namesApproversFor(p.school))
                    .ifPresent(p -> schools.add(PersonalDevicePolicy.key(p.school)));
        }
        return schools;
    }

    /** The caller's own person record, if the registry holds one. */
    private Optional<Person> me() {
        String subject = caller.subject();
        return subject == null ? Optional.empty() : people.findByDistrictId(subject);
    }

    /** Who acts, for the history: the caller's widest role and district id (a principal's too). */
    private String actor() {
        if (caller.primaryRole() == null && caller.is(Roles.PRINCIPAL)) {
            return Roles.PRINCIPAL + ":" + caller.subject();
        }
        return caller.actor();
    }

    /** Who decides, for the history and the owner: IT, or a principal as such, or the approver by their role. */
    private String deciderActor() {
        if (!caller.is(Roles.IT_ADMIN) && caller.is(Roles.PRINCIPAL)) {
            return Roles.PRINCIPAL + ":" + caller.subject();
        }
        return actor();
    }
}
