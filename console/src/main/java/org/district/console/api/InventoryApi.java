package org.district.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.district.console.api.Views.Assignment;
import org.district.console.api.Views.Balance;
import org.district.console.api.Views.Charge;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.HistoryEntry;
import org.district.console.api.Views.ImportReport;
import org.district.console.api.Views.InventorySummary;
import org.district.console.api.Views.Loan;
import org.district.console.api.Views.Me;
import org.district.console.api.Views.Move;
import org.district.console.api.Views.MoveRequest;
import org.district.console.api.Views.NewCharge;
import org.district.console.api.Views.NewDevice;
import org.district.console.api.Views.NewPayment;
import org.district.console.api.Views.NewPerson;
import org.district.console.api.Views.NewPersonalDevice;
import org.district.console.api.Views.NewWaiver;
import org.district.console.api.Views.Person;
import org.district.console.api.Views.PersonName;
import org.district.console.api.Views.PersonalDevice;
import org.district.console.api.Views.PersonalDeviceDecision;
import org.district.console.api.Views.PersonalDeviceRemoval;
import org.district.console.api.Views.PersonalDeviceRenewal;
import org.district.console.api.Views.Replacement;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** inventory-service's API, as the signed-in person. */
@RegisterRestClient(configKey = "inventory")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface InventoryApi {

    @GET
    @Path("/devices")
    Page<Device> devices(
            @QueryParam("q") String text,
            @QueryParam("status") String status,
            @QueryParam("type") String type,
            @QueryParam("school") String school,
            @QueryParam("ownership") String ownership,
            @QueryParam("assignee") String assigneeDistrictId,
            @QueryParam("sensitive") String sensitive,
            @QueryParam("sort") String sort,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/devices/summary")
    InventorySummary summary(@QueryParam("school") String school);

    @GET
    @Path("/devices/{id}")
    Device device(@PathParam("id") UUID id);

    @GET
    @Path("/devices/{id}/history")
    Page<HistoryEntry> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit);

    @GET
    @Path("/people")
    Page<Person> people(
            @QueryParam("q") String text,
            @QueryParam("school") String school,
            @QueryParam("active") String active,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/people/{id}")
    Person person(@PathParam("id") UUID id);

    /** The devices assigned to one person (district id or id). */
    @GET
    @Path("/devices")
    Page<Device> devicesOf(@QueryParam("assignee") String assignee, @QueryParam("limit") Integer limit);

    @GET
    @Path("/people/me")
    Me me();

    @GET
    @Path("/people/names")
    List<PersonName> names(@QueryParam("districtId") List<String> districtIds);

    @GET
    @Path("/people/names")
    List<PersonName> namesById(@QueryParam("id") List<String> ids);

    /** Checks ({@code dryRun}) or saves the rows of a device CSV; each refused row is reported with its line. */
    @POST
    @Path("/devices/import")
    @Consumes("text/csv; charset=UTF-8")
    ImportReport importDevices(byte[] csv, @QueryParam("dryRun") boolean dryRun);

    /** Checks ({@code dryRun}) or saves the rows of a people CSV; each refused row is reported with its line. */
    @POST
    @Path("/people/import")
    @Consumes("text/csv; charset=UTF-8")
    ImportReport importPeople(byte[] csv, @QueryParam("dryRun") boolean dryRun);

    @POST
    @Path("/devices")
    @Consumes(MediaType.APPLICATION_JSON)
    Device register(NewDevice device);

    @POST
    @Path("/people")
    @Consumes(MediaType.APPLICATION_JSON)
    Person register(NewPerson person);

    /** Replaces a person's record with the fields given (the district id cannot change); HR and IT. */
    @PUT
    @Path("/people/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Person updatePerson(@PathParam("id") UUID id, NewPerson person);

    /** What IT may do with the device now, each move by its operation. */
    @GET
    @Path("/devices/{id}/moves")
    List<Move> moves(@PathParam("id") UUID id);

    @POST
    @Path("/devices/{id}/assignment")
    @Consumes(MediaType.APPLICATION_JSON)
    Device assign(@PathParam("id") UUID id, MoveRequest.Assignment assignment);

    @POST
    @Path("/devices/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    Device takeBack(@PathParam("id") UUID id, MoveRequest.Return request);

    @POST
    @Path("/devices/{id}/sanitization")
    @Consumes(MediaType.APPLICATION_JSON)
    Device sanitize(@PathParam("id") UUID id, MoveRequest.Sanitization sanitization);

    @POST
    @Path("/devices/{id}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    Device changeStatus(@PathParam("id") UUID id, MoveRequest.StatusChange change);

    /** Who held the device, and when, each period with its due date when it was lent (IT and auditors). */
    @GET
    @Path("/devices/{id}/assignments")
    List<Assignment> assignments(@PathParam("id") UUID id);

    /** Loaners not yet given back, earliest due first; only those past their due date when {@code overdue}. */
    @GET
    @Path("/loans")
    List<Loan> loans(
            @QueryParam("overdue") Boolean overdue,
            @QueryParam("school") String school,
            @QueryParam("limit") Integer limit);

    /** Assigns another device to the holder of a lost or stolen one; answers the replacement. */
    @POST
    @Path("/devices/{id}/replacement")
    @Consumes(MediaType.APPLICATION_JSON)
    Device replace(@PathParam("id") UUID lostId, Replacement replacement);

    /** Charges, newest first; the inventory narrows them to the caller's own unless they are IT or an auditor. */
    @GET
    @Path("/charges")
    Page<Charge> charges(
            @QueryParam("personId") UUID personId,
            @QueryParam("deviceId") UUID deviceId,
            @QueryParam("status") String status,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** One charge with its payments and waivers. */
    @GET
    @Path("/charges/{id}")
    Charge charge(@PathParam("id") UUID id);

    @POST
    @Path("/charges")
    @Consumes(MediaType.APPLICATION_JSON)
    Charge charge(NewCharge charge);

    /** Records a payment; answers the charge with its payments and waivers. */
    @POST
    @Path("/charges/{id}/payments")
    @Consumes(MediaType.APPLICATION_JSON)
    Charge pay(@PathParam("id") UUID id, NewPayment payment);

    /** Records a waiver; answers the charge with its payments and waivers. */
    @POST
    @Path("/charges/{id}/waivers")
    @Consumes(MediaType.APPLICATION_JSON)
    Charge waive(@PathParam("id") UUID id, NewWaiver waiver);

    /** What a person has been charged, paid and waived in all, and what they owe. */
    @GET
    @Path("/people/{id}/balance")
    Balance balance(@PathParam("id") UUID personId);

    /**
     * Personal devices, newest request first: the owner's own, an approver's school's (and their own), every one for
     * IT and auditors. {@code status} is one access status or several, comma-separated; {@code awaitingDecision} true
     * gives the approvers' queue (requests and renewals to decide).
     */
    @GET
    @Path("/personal-devices")
    Page<PersonalDevice> personalDevices(
            @QueryParam("status") String status,
            @QueryParam("school") String school,
            @QueryParam("awaitingDecision") Boolean awaitingDecision,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** One personal device and its standing; 404 for one the person may not see. */
    @GET
    @Path("/personal-devices/{id}")
    PersonalDevice personalDevice(@PathParam("id") UUID id);

    /** The signed-in person registers their own device and asks for access (PENDING). */
    @POST
    @Path("/personal-devices")
    @Consumes(MediaType.APPLICATION_JSON)
    PersonalDevice requestPersonalDevice(NewPersonalDevice request);

    /** An approver of the device's school, or IT, approves or refuses; 409 when the owner's AUP is not current. */
    @POST
    @Path("/personal-devices/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    PersonalDevice decidePersonalDevice(@PathParam("id") UUID id, PersonalDeviceDecision decision);

    /** The owner asks again (after a refusal, an expiry or a removal) or to renew an approval ending soon. */
    @POST
    @Path("/personal-devices/{id}/renewal")
    @Consumes(MediaType.APPLICATION_JSON)
    PersonalDevice renewPersonalDevice(@PathParam("id") UUID id, PersonalDeviceRenewal renewal);

    /** IT removes the device's access, with the reason the owner and the approvers are told. */
    @POST
    @Path("/personal-devices/{id}/removal")
    @Consumes(MediaType.APPLICATION_JSON)
    PersonalDevice removePersonalDevice(@PathParam("id") UUID id, PersonalDeviceRemoval removal);
}
