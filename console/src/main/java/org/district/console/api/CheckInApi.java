package org.district.console.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.district.console.api.Views.CheckIn;
import org.district.console.api.Views.CheckInSummary;
import org.district.console.api.Views.Command;
import org.district.console.api.Views.CommandRequest;
import org.district.console.api.Views.CredentialStatus;
import org.district.console.api.Views.DailyCount;
import org.district.console.api.Views.IssuedCredential;
import org.district.console.api.Views.Locations;
import org.district.console.api.Views.LostSeenDevice;
import org.district.console.api.Views.NonCompliantDevice;
import org.district.console.api.Views.Offboarding;
import org.district.console.api.Views.OffboardingResult;
import org.district.console.api.Views.OverdueDevice;
import org.district.console.api.Views.ReturnTask;
import org.district.console.api.Views.Returned;
import org.district.console.api.Views.SyncRun;
import org.district.console.api.Views.UnknownDevice;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** checkin-service's API, as the signed-in person. */
@RegisterRestClient(configKey = "checkin")
@RegisterClientHeaders(SignedInToken.class)
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface CheckInApi {

    @GET
    @Path("/summary")
    CheckInSummary summary(@QueryParam("school") String school);

    @GET
    @Path("/devices/overdue")
    Page<OverdueDevice> overdue(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/compliance")
    Page<NonCompliantDevice> nonCompliant(
            @QueryParam("school") String school,
            @QueryParam("type") String type,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/devices/lost-seen")
    List<LostSeenDevice> lostSeen(@QueryParam("school") String school);

    @GET
    @Path("/return-tasks/{id}")
    ReturnTask returnTask(@PathParam("id") UUID task);

    @POST
    @Path("/return-tasks/{id}/returned")
    @Consumes(MediaType.APPLICATION_JSON)
    ReturnTask returned(@PathParam("id") UUID task, Returned request);

    @GET
    @Path("/devices/{id}/checkins")
    Page<CheckIn> checkIns(@PathParam("id") UUID device, @QueryParam("limit") Integer limit);

    @GET
    @Path("/devices/{id}/commands")
    List<Command> commands(@PathParam("id") UUID device);

    @POST
    @Path("/devices/{id}/commands")
    @Consumes(MediaType.APPLICATION_JSON)
    Command issue(@PathParam("id") UUID device, CommandRequest request);

    @POST
    @Path("/offboardings")
    @Consumes(MediaType.APPLICATION_JSON)
    OffboardingResult offboard(Offboarding offboarding);

    @GET
    @Path("/return-tasks")
    Page<ReturnTask> personsTasks(@QueryParam("person") String person, @QueryParam("limit") Integer limit);

    @GET
    @Path("/return-tasks")
    Page<ReturnTask> returnTasks(
            @QueryParam("status") String status,
            @QueryParam("school") String school,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    @GET
    @Path("/devices/{id}/credential")
    CredentialStatus credential(@PathParam("id") UUID device);

    /** Issues (or replaces) the device's credential; the answer is the only copy of the secret. */
    @POST
    @Path("/devices/{id}/credential")
    IssuedCredential issueCredential(@PathParam("id") UUID device);

    @DELETE
    @Path("/devices/{id}/credential")
    void revokeCredential(@PathParam("id") UUID device);

    /** A one-time code the device's agent exchanges for the device's credential; the answer is its only copy. */
    @POST
    @Path("/devices/{id}/enrolment-code")
    Views.EnrolmentCode createEnrolmentCode(@PathParam("id") UUID device);

    /** Where a lost or stolen device was seen (IT only; the service records each read). */
    @GET
    @Path("/devices/{id}/locations")
    Locations locations(@PathParam("id") UUID device);

    /** The last days' check-ins and overdue devices, oldest first (days never counted are absent). */
    @GET
    @Path("/summary/daily")
    List<DailyCount> daily(@QueryParam("days") int days);

    /** The device managers' syncs, newest first; of one manager (GOOGLE_ADMIN, INTUNE) or all (IT and auditors). */
    @GET
    @Path("/mdm/sync-runs")
    Page<SyncRun> syncRuns(
            @QueryParam("provider") String provider,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);

    /** The devices a device manager lists that inventory does not know, by manager and id (IT and auditors). */
    @GET
    @Path("/mdm/unknown-devices")
    Page<UnknownDevice> unknownDevices(
            @QueryParam("provider") String provider,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") Integer limit);
}
