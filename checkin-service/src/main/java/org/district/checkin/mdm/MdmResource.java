package org.district.checkin.mdm;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.district.checkin.domain.CheckInSource;
import org.district.support.domain.InvalidException;
import org.district.support.domain.UnavailableException;
import org.district.support.openapi.Paged;
import org.district.support.paging.Cursors;
import org.district.support.paging.PageParams;
import org.district.support.paging.PageView;
import org.district.support.security.Roles;
import org.district.support.web.ParamCheck;
import org.district.support.web.Params;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The device managers' syncs, and the devices they list that inventory does not know: for IT and auditors. */
@Path("/api/v1/mdm")
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Device managers",
        description = "Google Admin (Chromebooks) as a source of check-ins and a channel for LOCK: its sync runs, and"
                + " the devices it lists that inventory does not know")
public class MdmResource {

    @Inject
    MdmRepository repository;

    @GET
    @Path("/sync-runs")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listMdmSyncRuns",
            summary = "Device manager sync runs",
            description = "For IT and auditors. Every sync of a device manager, newest first: when it started and"
                    + " ended, full or incremental, the devices it saw, the check-ins it wrote, the devices unknown to"
                    + " inventory, the commands sent, and its errors. Paged with limit and cursor. Read only.")
    @Paged(name = "MdmSyncRunPage", description = "One page of sync runs, newest first", cursorExample = "NDEy")
    @APIResponse(
            responseCode = "200",
            description = "One page of sync runs",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(type = SchemaType.ARRAY, implementation = MdmViews.SyncRunView.class)))
    public PageView<MdmViews.SyncRunView> runs(@BeanParam ProviderParam provider, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        CheckInSource source = check.get(provider::source);
        int size = page.size(check);
        return PageView.of(
                read(() -> repository.runs(source, page.afterNumber(), size)),
                size,
                MdmViews.SyncRunView::of,
                r -> Cursors.encode(r.id()));
    }

    @GET
    @Path("/unknown-devices")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    @Operation(
            operationId = "listUnknownMdmDevices",
            summary = "Devices unknown to inventory",
            description = "For IT and auditors. The devices a device manager lists whose serial number and asset tag"
                    + " match no device in inventory. Nothing is created for them: IT adds each to inventory (the next"
                    + " sync that lists it matches it) or removes it from the manager. A device the manager no longer"
                    + " lists leaves this list. By manager and id, paged with limit and cursor. Read only.")
    @Paged(
            name = "UnknownMdmDevicePage",
            description = "One page of devices unknown to inventory, by manager and id",
            cursorExample = "R09PR0xFX0FETUlOfDlhN2MzZTFm")
    @APIResponse(
            responseCode = "200",
            description = "One page of devices unknown to inventory",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = MdmViews.UnknownDeviceView.class)))
    public PageView<MdmViews.UnknownDeviceView> unknown(@BeanParam ProviderParam provider, @BeanParam PageParams page) {
        ParamCheck check = new ParamCheck();
        CheckInSource source = check.get(provider::source);
        int size = page.size(check);
        Cursors.Position after = Cursors.decode(page.cursor(), 2);
        return PageView.of(
                read(() -> repository.unknown(
                        source, after == null ? null : after.text(0), after == null ? null : after.text(1), size)),
                size,
                MdmViews.UnknownDeviceView::of,
                d -> Cursors.encode(d.provider().name(), d.providerDeviceId()));
    }

    /** A read of the repository; a database out of reach answers 503. */
    private static <T> T read(Read<T> read) {
        try {
            return read.get();
        } catch (SQLException e) {
            throw UnavailableException.databaseUnreachable();
        }
    }

    @FunctionalInterface
    private interface Read<T> {
        T get() throws SQLException;
    }

    /** Which device manager a list is about; every manager when absent. */
    public static class ProviderParam {

        @Parameter(
                description = "Only this device manager: GOOGLE_ADMIN or INTUNE",
                schema =
                        @Schema(
                                type = SchemaType.STRING,
                                enumeration = {"GOOGLE_ADMIN", "INTUNE"}),
                example = "GOOGLE_ADMIN")
        @QueryParam("provider")
        String provider;

        CheckInSource source() {
            CheckInSource source = Params.enumValue("provider", provider, CheckInSource.class);
            if (source == CheckInSource.AGENT) {
                throw InvalidException.of("provider", "must be one of GOOGLE_ADMIN, INTUNE.");
            }
            return source;
        }
    }
}
