package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.district.console.api.CheckInApi;
import org.district.console.api.Page;
import org.district.console.api.Views.SyncRun;
import org.district.console.api.Views.UnknownDevice;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Device managers, for IT and auditors: how the syncs from Google Admin (Chromebooks) and Microsoft Intune (laptops)
 * are going, each manager's last good sync with a warning when its latest sync failed or no sync succeeded for over an
 * hour, the latest syncs, and the devices a manager lists that inventory does not know. IT adds such a device from its
 * row, the registration form filled in with what the manager knows of it. The check-in service runs the syncs; this
 * page only reads them.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class MdmPages {

    /** The device managers, in the order the page shows them. */
    static final List<String> MANAGERS = List.of("GOOGLE_ADMIN", "INTUNE");

    /** How many of each manager's latest syncs are read to find its last good one (a day's, at one every 15 min). */
    static final int RUNS_READ = 100;

    /** How many of the latest syncs, of all managers, the table shows. */
    static final int RUNS_SHOWN = 20;

    /** How many devices unknown to inventory one page lists. */
    static final int UNKNOWN_PAGE = 50;

    /** A manager syncs every 15 minutes: an hour without a good sync is four missed in a row. */
    static final Duration STALE_AFTER = Duration.ofHours(1);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance deviceManagers(
                Chrome chrome,
                List<Manager> managers,
                boolean noneSynced,
                List<SyncRun> runs,
                boolean moreRuns,
                Page<UnknownDevice> unknown,
                String cursor);
    }

    /**
     * One device manager as the page sums it up: its latest sync and its last good one (none when none of the runs
     * read succeeded), whether the latest failed, and whether its last good sync is over an hour old.
     */
    public record Manager(String code, SyncRun latest, SyncRun lastGood, boolean failing, boolean stale, int runsRead) {

        public String name() {
            return manager(code);
        }

        public boolean neverSynced() {
            return latest == null;
        }

        /** Commands its last good sync could not send: two of its entries, both syncing, report one device. */
        public int held() {
            return lastGood == null ? 0 : lastGood.commandsHeld();
        }

        /** The manager needs IT's attention. */
        public boolean attention() {
            return failing || stale || held() > 0;
        }

        /** When the last good sync ended (when it started, should it have no end). */
        public Instant lastGoodAt() {
            return lastGood == null ? null : ended(lastGood);
        }
    }

    @Inject
    Pages pages;

    @Inject
    DistrictClock clock;

    @Inject
    @RestClient
    CheckInApi checkin;

    @GET
    @Path("/devices/managers")
    @RolesAllowed({Roles.IT_ADMIN, Roles.AUDITOR})
    public Response deviceManagers(@QueryParam("cursor") String cursor) {
        Instant now = clock.now();
        List<Manager> managers = new ArrayList<>();
        List<SyncRun> read = new ArrayList<>();
        for (String code : MANAGERS) {
            Page<SyncRun> runs = checkin.syncRuns(code, null, RUNS_READ);
            managers.add(summary(code, runs.items(), now));
            read.addAll(runs.items());
        }
        // The newest runs of all managers are among each manager's own newest.
        List<SyncRun> runs = read.stream()
                .sorted(Comparator.comparingLong(SyncRun::id).reversed())
                .toList();
        boolean noneSynced = runs.isEmpty();
        String after = DevicePages.blank(cursor);
        Page<UnknownDevice> unknown = checkin.unknownDevices(null, after, UNKNOWN_PAGE);
        return DevicePages.html(Templates.deviceManagers(
                pages.chrome("device-managers"),
                managers,
                noneSynced,
                runs.subList(0, Math.min(RUNS_SHOWN, runs.size())),
                runs.size() > RUNS_SHOWN,
                unknown,
                after));
    }

    /** A manager's state from its latest runs, newest first, as of {@code now}. */
    static Manager summary(String code, List<SyncRun> runs, Instant now) {
        SyncRun latest = runs.isEmpty() ? null : runs.get(0);
        SyncRun lastGood = runs.stream().filter(SyncRun::succeeded).findFirst().orElse(null);
        boolean failing = latest != null && latest.failed();
        boolean stale = latest != null && (lastGood == null || ended(lastGood).isBefore(now.minus(STALE_AFTER)));
        return new Manager(code, latest, lastGood, failing, stale, runs.size());
    }

    /** When a run ended; when it started, should it have no end. */
    static Instant ended(SyncRun run) {
        return run.finishedAt() == null ? run.startedAt() : run.finishedAt();
    }

    /** A device manager's name as IT knows it: "Google Admin", "Intune" ({@code mdm:manager(code)}). */
    @TemplateExtension(namespace = "mdm")
    static String manager(String code) {
        if (code == null) {
            return "";
        }
        return switch (code) {
            case "GOOGLE_ADMIN" -> "Google Admin";
            case "INTUNE" -> "Intune";
            default -> code;
        };
    }

    /** What a sync listed: every device, or those that reported since the last good sync ({@code mdm:kind}). */
    @TemplateExtension(namespace = "mdm")
    static String kind(String kind) {
        if (kind == null) {
            return "";
        }
        return switch (kind) {
            case "FULL" -> "Full";
            case "INCREMENTAL" -> "Incremental";
            default -> kind;
        };
    }

    /** How a sync went ({@code mdm:status}). */
    @TemplateExtension(namespace = "mdm")
    static String status(String status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case "RUNNING" -> "Running";
            case "SUCCEEDED" -> "Succeeded";
            case "FAILED" -> "Failed";
            default -> status;
        };
    }

    /** A count with its noun: "1 device", "512 devices" ({@code mdm:count(n, 'device', 'devices')}). */
    @TemplateExtension(namespace = "mdm")
    static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /**
     * The registration form filled in with what the manager knows of the device: its serial number and asset tag, and
     * Chromebook as its type when Google Admin lists it ({@code mdm:addLink(device)}).
     */
    @TemplateExtension(namespace = "mdm")
    static String addLink(UnknownDevice device) {
        return Links.of(
                "/devices/new",
                Links.parameters(
                        "assetTag",
                        device.assetTag(),
                        "serialNumber",
                        device.serialNumber(),
                        "type",
                        "GOOGLE_ADMIN".equals(device.provider()) ? "CHROMEBOOK" : null));
    }
}
