package org.district.checkin.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import java.util.concurrent.Executor;
import org.district.checkin.config.CheckinSettings;
import org.district.checkin.config.DistrictClock;
import org.district.checkin.credential.DeviceCredentials;
import org.district.checkin.ingest.CheckInReply;
import org.district.checkin.ingest.CheckInRequest;
import org.district.checkin.ingest.CheckInRules;
import org.district.checkin.ingest.CheckInWriter;
import org.district.support.problem.ProblemException;
import org.district.support.security.Caller;
import org.district.support.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Where device agents check in. The request thread only validates; the check-in is written by the group-commit writer
 * and answered after its transaction commits, without holding a thread while it waits.
 */
@Path("/api/v1/checkins")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Check-ins")
public class CheckInResource {

    @Inject
    CheckInWriter writer;

    @Inject
    Caller caller;

    @Inject
    SecurityIdentity identity;

    @Inject
    DistrictClock clock;

    @Inject
    CheckinSettings settings;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.DEVICE, DeviceCredentials.ROLE})
    @Operation(
            summary = "Check in (device agents)",
            description = "Authenticated as the device itself: a DEVICE bearer token whose subject is the device id,"
                    + " or the device's credential from enrolment (Authorization: Device dc1.<device id>.<secret>;"
                    + " 401 when it is wrong, replaced or revoked). A device checks in only as itself. The answer lists pending commands (LOCK with the district's return"
                    + " message, WIPE, LOCATE), the next check-in interval and the district power policy. A location"
                    + " is stored only while the device is LOST or STOLEN; otherwise it is dropped unread. Unknown"
                    + " devices get 404, retired or written-off devices 409.")
    public Uni<CheckInReply> checkIn(@Valid @NotNull CheckInRequest body) {
        UUID device = tokenDevice();
        byte[] credential = identity.getAttribute(DeviceCredentials.HASH_ATTRIBUTE);
        if (body.deviceId() != null && !body.deviceId().equals(device)) {
            throw ProblemException.forbidden("A device may check in only as itself; deviceId names another device.");
        }
        CheckInRules.validate(body, clock.today());
        Context context = Vertx.currentContext();
        Executor onRequestContext = context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
        return Uni.createFrom()
                .completionStage(writer.submit(device, credential, body, clock.now()))
                .ifNoItem()
                .after(settings.ingest().replyTimeout())
                .failWith(() -> new ProblemException(
                        503,
                        "busy",
                        "Temporarily unavailable",
                        "The check-in could not be confirmed in time; check in again.",
                        null,
                        java.util.Map.of("Retry-After", "5")))
                .emitOn(onRequestContext);
    }

    private UUID tokenDevice() {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("The token does not name a device: its subject must be the device id.");
        }
    }
}
