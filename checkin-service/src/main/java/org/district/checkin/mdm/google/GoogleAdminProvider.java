package org.district.checkin.mdm.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.district.checkin.domain.CheckInSource;
import org.district.checkin.entity.DeviceCommand;
import org.district.checkin.mdm.MdmDeviceReport;
import org.district.checkin.mdm.MdmSettings;
import org.district.checkin.mdm.ProviderException;
import org.district.checkin.mdm.ProviderHttp;
import org.district.checkin.mdm.SignedInProvider;
import org.district.checkin.mdm.Untrusted;
import org.district.support.time.DistrictClock;

/**
 * Google Admin's Directory API for the district's Chromebooks: {@code chromeosdevices.list} (paged by
 * {@code nextPageToken}; incremental with the query {@code sync:<time>..}; only the fields a check-in needs, never
 * {@code recentUsers}), {@code chromeosdevices.get}, and {@code customer.devices.chromeos.batchChangeStatus} to disable a
 * lost or stolen Chromebook (LOCK) and re-enable it on recovery. Signed in as a service account with domain-wide
 * delegation (google-auth-library), acting as the configured admin.
 */
@ApplicationScoped
public class GoogleAdminProvider extends SignedInProvider {

    /** Reading devices, and changing their status (disable, re-enable). */
    static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/admin.directory.device.chromeos.readonly",
            "https://www.googleapis.com/auth/admin.directory.device.chromeos");

    /** The fields asked for: what a check-in and matching need. No user, no email, no location. */
    static final String DEVICE_FIELDS = "deviceId,serialNumber,annotatedAssetId,status,lastSync,osVersion,"
            + "platformVersion,autoUpdateExpiration,autoUpdateThrough,orgUnitPath,lastKnownNetwork(ipAddress)";

    static final String DISABLE = "CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_DISABLE";
    static final String REENABLE = "CHANGE_CHROME_OS_DEVICE_STATUS_ACTION_REENABLE";

    private static final Pattern CUSTOMER = Pattern.compile("[A-Za-z0-9_]{1,64}");
    private static final DateTimeFormatter SYNC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GoogleAdminSettings settings;

    @Inject
    MdmSettings sync;

    @Inject
    DistrictClock clock;

    public GoogleAdminProvider() {
        super(CheckInSource.GOOGLE_ADMIN);
    }

    @Override
    protected ProviderHttp signIn() throws ProviderException {
        return new ProviderHttp(sync, tokens(), "Google Admin");
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public int maxDevicesPerAction() {
        return 50;
    }

    @Override
    public DevicePage list(Instant since, String pageToken) throws ProviderException {
        StringBuilder url = new StringBuilder(devicesUrl())
                .append("?projection=FULL&maxResults=")
                .append(Math.max(1, Math.min(300, settings.pageSize())))
                .append("&fields=")
                .append(encode("kind,etag,nextPageToken,chromeosdevices(" + DEVICE_FIELDS + ")"));
        if (since != null) {
            url.append("&query=").append(encode("sync:" + SYNC_TIME.format(since) + ".."));
        }
        if (pageToken != null) {
            url.append("&pageToken=").append(encode(pageToken));
        }
        JsonNode body = json(http().send(
                        HttpRequest.newBuilder(URI.create(url.toString())).GET().header("Accept", "application/json")));
        List<MdmDeviceReport> devices = new ArrayList<>();
        int refused = 0;
        for (JsonNode node : body.path("chromeosdevices")) {
            MdmDeviceReport device = report(node);
            if (device == null) {
                refused++;
            } else {
                devices.add(device);
            }
        }
        String next = body.path("nextPageToken").isTextual()
                ? body.path("nextPageToken").asText()
                : null;
        if (next != null && next.isEmpty()) {
            next = null;
        }
        if (next != null && Untrusted.id(next, 2048) == null) {
            throw new ProviderException("Google Admin: the next page's token is not one", false);
        }
        return new DevicePage(devices, refused, next);
    }

    @Override
    public Optional<MdmDeviceReport> get(String providerDeviceId) throws ProviderException {
        String id = Untrusted.id(providerDeviceId, 128);
        if (id == null) {
            return Optional.empty();
        }
        HttpResponse<byte[]> response = http().send(HttpRequest.newBuilder(URI.create(
                        devicesUrl() + "/" + encode(id) + "?projection=FULL&fields=" + encode(DEVICE_FIELDS)))
                .GET()
                .header("Accept", "application/json"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.ofNullable(report(json(response)));
    }

    /** A LOCK disables the Chromebook (it shows the disabled-device message set in Google Admin). */
    @Override
    public Set<DeviceCommand.Type> commandTypes() {
        return Set.of(DeviceCommand.Type.LOCK);
    }

    /** Google Admin's annotated asset id is set by the district's administrators, not on the Chromebook. */
    @Override
    public boolean assetTagSetByDistrict() {
        return true;
    }

    /** A disabled Chromebook stays disabled until the district enables it again. */
    @Override
    public boolean lockPersists() {
        return true;
    }

    @Override
    public Map<String, String> send(DeviceCommand.Type type, List<String> providerDeviceIds) throws ProviderException {
        if (type != DeviceCommand.Type.LOCK) {
            Map<String, String> refused = new HashMap<>();
            providerDeviceIds.forEach(id -> refused.put(id, "Google Admin does not carry a " + type));
            return refused;
        }
        return changeStatus(providerDeviceIds, DISABLE);
    }

    @Override
    public Map<String, String> unlock(List<String> providerDeviceIds) throws ProviderException {
        return changeStatus(providerDeviceIds, REENABLE);
    }

    /** batchChangeStatus (at most 50 devices): each device's result, null for done or the error's message. */
    private Map<String, String> changeStatus(List<String> ids, String action) throws ProviderException {
        Map<String, Object> request = Map.of("deviceIds", ids, "changeChromeOsDeviceStatusAction", action);
        String payload;
        try {
            payload = JSON.writeValueAsString(request);
        } catch (IOException e) {
            throw new ProviderException("Google Admin: the request could not be written", false);
        }
        JsonNode body = json(http().send(HttpRequest.newBuilder(URI.create(devicesUrl() + ":batchChangeStatus"))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")));
        Map<String, String> results = new HashMap<>();
        for (JsonNode result : body.path("changeChromeOsDeviceStatusResults")) {
            String id = Untrusted.id(result.path("deviceId").asText(null), 128);
            if (id == null || !ids.contains(id)) {
                continue;
            }
            JsonNode error = result.path("error");
            if (error.isObject()) {
                String message = Untrusted.message(error.path("message").asText("refused"), 200);
                results.put(id, message == null || message.isEmpty() ? "refused" : message);
            } else {
                results.put(id, null);
            }
        }
        return results;
    }

    /** One entry of the listing, checked; null when it has no usable device id. */
    MdmDeviceReport report(JsonNode node) {
        String id = Untrusted.id(node.path("deviceId").asText(null), 128);
        if (id == null) {
            return null;
        }
        String status = Untrusted.status(node.path("status").asText(null));
        Instant lastSync = Untrusted.time(node.path("lastSync").asText(null));
        LocalDate updatesEnd = updatesEnd(node);
        LocalDate today = clock.today();
        boolean ended = updatesEnd != null && updatesEnd.isBefore(today);
        // ChromeOS installs its updates itself while it is within its auto-update window: the day Google last heard
        // from it is the latest day it is known to be on a supported, self-updating release. Past that window it is
        // not patched, whatever it last got.
        LocalDate lastPatch = ended ? updatesEnd : (lastSync == null ? null : clock.dayOf(lastSync));
        String ip = null;
        for (JsonNode network : node.path("lastKnownNetwork")) {
            ip = Untrusted.ipAddress(network.path("ipAddress").asText(null));
            if (ip != null) {
                break;
            }
        }
        return new MdmDeviceReport(
                id,
                false,
                Untrusted.serial(node.path("serialNumber").asText(null)),
                Untrusted.assetTag(node.path("annotatedAssetId").asText(null)),
                status,
                "DISABLED".equals(status),
                lastSync,
                "ChromeOS",
                Untrusted.version(node.path("osVersion").asText(null)),
                Untrusted.version(node.path("platformVersion").asText(null)),
                lastPatch,
                updatesEnd,
                ended,
                Untrusted.site(node.path("orgUnitPath").asText(null), "Google Admin"),
                ip,
                null,
                null,
                null,
                null,
                // A disabled Chromebook is the district's LOCK in force, however long ago it was disabled.
                "DISABLED".equals(status)
                        ? Map.of(
                                DeviceCommand.Type.LOCK,
                                new MdmDeviceReport.Action(MdmDeviceReport.ActionState.DONE, null))
                        : Map.of());
    }

    /** autoUpdateThrough (RFC 3339), or the older autoUpdateExpiration (milliseconds since the epoch, as text). */
    private static LocalDate updatesEnd(JsonNode node) {
        Instant through = Untrusted.time(node.path("autoUpdateThrough").asText(null));
        if (through != null) {
            return through.atZone(ZoneOffset.UTC).toLocalDate();
        }
        Instant expiration =
                Untrusted.epochMillis(node.path("autoUpdateExpiration").asText(null));
        return expiration == null ? null : expiration.atZone(ZoneOffset.UTC).toLocalDate();
    }

    private String devicesUrl() throws ProviderException {
        String customer = settings.customerId();
        if (!CUSTOMER.matcher(customer).matches()) {
            throw new ProviderException("district.mdm.google.customer-id is not a customer id", false);
        }
        String base = settings.directoryUrl().replaceAll("/+$", "");
        return base + "/admin/directory/v1/customer/" + customer + "/devices/chromeos";
    }

    /** The service account's tokens, for the admin it acts as, with the scopes above. The key is read once. */
    private ProviderHttp.Tokens tokens() throws ProviderException {
        String keyFile = settings.keyFile()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProviderException("district.mdm.google.key-file is not set", false));
        String subject = settings.adminSubject()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProviderException("district.mdm.google.admin-subject is not set", false));
        GoogleCredentials credentials;
        try (InputStream in = Files.newInputStream(Path.of(keyFile))) {
            ServiceAccountCredentials account = ServiceAccountCredentials.fromStream(in);
            if (settings.tokenUrl().filter(s -> !s.isBlank()).isPresent()) {
                account = account.toBuilder()
                        .setTokenServerUri(URI.create(settings.tokenUrl().get()))
                        .build();
            }
            credentials = account.createScoped(SCOPES).createDelegated(subject);
        } catch (IOException | RuntimeException e) {
            // The message names the file at most, never its content.
            throw new ProviderException("The service account's key file could not be read", false);
        }
        GoogleCredentials signedIn = credentials;
        return new ProviderHttp.Tokens() {
            @Override
            public String current() throws IOException {
                synchronized (signedIn) {
                    signedIn.refreshIfExpired();
                    return signedIn.getAccessToken().getTokenValue();
                }
            }

            @Override
            public String renewed() throws IOException {
                synchronized (signedIn) {
                    signedIn.refresh();
                    return signedIn.getAccessToken().getTokenValue();
                }
            }
        };
    }
}
