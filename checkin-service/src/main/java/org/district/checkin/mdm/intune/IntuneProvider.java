package org.district.checkin.mdm.intune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * Microsoft Intune through Microsoft Graph v1.0: {@code deviceManagement/managedDevices} listed page by page (following
 * {@code @odata.nextLink}, only to Graph itself; incremental with {@code $filter=lastSyncDateTime ge ...}; only the
 * fields a check-in needs, never the user's name or address), read one by one after a command, and the actions
 * {@code remoteLock} (LOCK), {@code wipe} (WIPE) and {@code locateDevice} (LOCATE), whose ends are read from the
 * device's {@code deviceActionResults}. Signed in as the district's app registration (client credentials).
 */
@ApplicationScoped
public class IntuneProvider extends SignedInProvider {

    /** The fields asked for: what a check-in, matching and the commands need. No user, no email, no phone number. */
    static final String DEVICE_FIELDS = "id,deviceName,serialNumber,operatingSystem,osVersion,lastSyncDateTime,"
            + "isEncrypted,complianceState,managementState,deviceActionResults,managedDeviceOwnerType";

    static final String DEVICES_PATH = "/v1.0/deviceManagement/managedDevices";

    /** Graph's actions for the district's commands. */
    static final Map<DeviceCommand.Type, String> ACTIONS = Map.of(
            DeviceCommand.Type.LOCK, "remoteLock",
            DeviceCommand.Type.WIPE, "wipe",
            DeviceCommand.Type.LOCATE, "locateDevice");

    private static final Pattern ERROR_CODE = Pattern.compile("[a-z_]{1,40}");
    private static final Pattern TENANT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]{0,99}");
    private static final DateTimeFormatter FILTER_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IntuneSettings settings;

    @Inject
    MdmSettings sync;

    @Inject
    DistrictClock clock;

    public IntuneProvider() {
        super(CheckInSource.INTUNE);
    }

    @Override
    protected ProviderHttp signIn() throws ProviderException {
        return new ProviderHttp(sync, tokens(), "Intune");
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Set<DeviceCommand.Type> commandTypes() {
        return ACTIONS.keySet();
    }

    /** Intune's device name is the computer's name: whoever runs the computer can change it. */
    @Override
    public boolean assetTagSetByDistrict() {
        return false;
    }

    /** Intune's remote lock is the screen lock; the device's user ends it, so a recovery has nothing to undo. */
    @Override
    public boolean lockPersists() {
        return false;
    }

    /** Graph's device actions name one device each; a sync sends at most this many between its reads. */
    @Override
    public int maxDevicesPerAction() {
        return 20;
    }

    @Override
    public DevicePage list(Instant since, String pageToken) throws ProviderException {
        String url;
        if (pageToken != null) {
            url = pageToken;
        } else {
            StringBuilder first = new StringBuilder(graph())
                    .append(DEVICES_PATH)
                    .append("?$select=")
                    .append(encode(DEVICE_FIELDS))
                    .append("&$top=")
                    .append(Math.max(1, Math.min(1000, settings.pageSize())));
            if (since != null) {
                first.append("&$filter=").append(encode("lastSyncDateTime ge " + FILTER_TIME.format(since)));
            }
            url = first.toString();
        }
        JsonNode body = http().json(http().send(
                        HttpRequest.newBuilder(URI.create(url)).GET().header("Accept", "application/json")));
        List<MdmDeviceReport> devices = new ArrayList<>();
        int refused = 0;
        for (JsonNode node : body.path("value")) {
            MdmDeviceReport device = report(node);
            if (device == null) {
                refused++;
            } else {
                devices.add(device);
            }
        }
        JsonNode link = body.path("@odata.nextLink");
        String next = link.isTextual() && !link.asText().isEmpty() ? link.asText() : null;
        if (next != null && !isGraphPage(next)) {
            // A link elsewhere would carry the district's token to whoever wrote it: never followed.
            throw new ProviderException("Intune: the next page's link does not lead to Microsoft Graph", false);
        }
        return new DevicePage(devices, refused, next);
    }

    /** Whether a next-page link leads to the configured Graph's managed devices, and nowhere else. */
    boolean isGraphPage(String link) {
        if (link.length() > 4096) {
            return false;
        }
        try {
            URI next = new URI(link);
            URI base = new URI(graph());
            return Objects.equals(next.getScheme(), base.getScheme())
                    && next.getHost() != null
                    && next.getHost().equalsIgnoreCase(base.getHost())
                    && next.getPort() == base.getPort()
                    && next.getRawUserInfo() == null
                    && Objects.equals(next.getRawPath(), base.getRawPath() + DEVICES_PATH);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    @Override
    public Optional<MdmDeviceReport> get(String providerDeviceId) throws ProviderException {
        String id = Untrusted.id(providerDeviceId, 128);
        if (id == null) {
            return Optional.empty();
        }
        HttpResponse<byte[]> response = http().send(HttpRequest.newBuilder(
                        URI.create(graph() + DEVICES_PATH + "/" + encode(id) + "?$select=" + encode(DEVICE_FIELDS)))
                .GET()
                .header("Accept", "application/json"));
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.ofNullable(report(http().json(response)));
    }

    /**
     * One action per device: remoteLock, wipe (a full wipe: neither enrolment data nor user data kept) or locateDevice.
     * Graph answers 204 when it took the action; a 4xx (the device does not support it, or is gone) is its refusal,
     * except 401 and 403: the district's sign-in or the app's permission for the action is wrong, which is no answer
     * about the device (the command is sent again at the next sync). Throttling and unavailability are retried first
     * ({@link ProviderHttp}). A failure part-way says which devices were answered before it.
     */
    @Override
    public Map<String, String> send(DeviceCommand.Type type, List<String> providerDeviceIds) throws ProviderException {
        String action = ACTIONS.get(type);
        Map<String, String> answers = new LinkedHashMap<>();
        for (String providerDeviceId : providerDeviceIds) {
            String id = Untrusted.id(providerDeviceId, 128);
            if (action == null || id == null) {
                answers.put(providerDeviceId, "Intune does not carry a " + type + " for this device");
                continue;
            }
            HttpRequest.BodyPublisher body = type == DeviceCommand.Type.WIPE
                    ? HttpRequest.BodyPublishers.ofString("{\"keepEnrollmentData\":false,\"keepUserData\":false}")
                    : HttpRequest.BodyPublishers.noBody();
            try {
                HttpResponse<byte[]> response = http().send(HttpRequest.newBuilder(
                                URI.create(graph() + DEVICES_PATH + "/" + encode(id) + "/" + action))
                        .POST(body)
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json"));
                int status = response.statusCode();
                String reason = ProviderHttp.errorMessage(response);
                String answer = "Intune answered " + status + (reason == null ? "" : ": " + reason);
                if (status / 100 == 2) {
                    answers.put(providerDeviceId, null);
                } else if (status == 401 || status == 403) {
                    throw new ProviderException(answer + " to " + action, false);
                } else if (status / 100 == 4) {
                    answers.put(providerDeviceId, answer);
                } else {
                    throw new ProviderException(answer + " to " + action, true);
                }
            } catch (ProviderException e) {
                throw e.partway(answers);
            }
        }
        return answers;
    }

    /** Never called: nothing of Intune's remote lock is for the district to end ({@link #lockPersists()}). */
    @Override
    public Map<String, String> unlock(List<String> providerDeviceIds) {
        Map<String, String> answers = new LinkedHashMap<>();
        providerDeviceIds.forEach(id -> answers.put(id, null));
        return answers;
    }

    /** One managed device of a listing or a read, checked; null when it has no usable id. */
    MdmDeviceReport report(JsonNode node) {
        String id = Untrusted.id(node.path("id").asText(null), 128);
        if (id == null) {
            return null;
        }
        Instant lastSync = Untrusted.time(node.path("lastSyncDateTime").asText(null));
        Map<DeviceCommand.Type, MdmDeviceReport.Action> actions = actions(node.path("deviceActionResults"));
        MdmDeviceReport.Action lock = actions.get(DeviceCommand.Type.LOCK);
        // Intune judges the device against the district's compliance policy; what that policy requires is proven for
        // a device it finds compliant, and nothing is proven for any other (not compliant, in grace, unknown, error).
        boolean compliant = "compliant".equals(node.path("complianceState").asText(null));
        Set<String> covers = settings.compliancePolicyCovers();
        boolean vouched = compliant && lastSync != null;
        JsonNode encrypted = node.path("isEncrypted");
        return new MdmDeviceReport(
                id,
                // Whoever enrols a device as their own in Intune says what its serial number is: never a district
                // device's entry (MdmSync.matchAll).
                "personal".equals(node.path("managedDeviceOwnerType").asText(null)),
                Untrusted.serial(node.path("serialNumber").asText(null)),
                Untrusted.assetTag(node.path("deviceName").asText(null)),
                Untrusted.status(upperSnake(node.path("managementState").asText(null))),
                lock != null && lock.state() == MdmDeviceReport.ActionState.DONE,
                lastSync,
                Untrusted.osName(node.path("operatingSystem").asText(null)),
                Untrusted.version(node.path("osVersion").asText(null)),
                null,
                vouched && covered(covers, "PATCHES") ? clock.dayOf(lastSync) : null,
                null,
                false,
                "Intune",
                null,
                encrypted.isBoolean() ? encrypted.asBoolean() : null,
                vouched && covered(covers, "PASSWORD") ? Boolean.TRUE : null,
                vouched && covered(covers, "ANTIVIRUS") ? Untrusted.message(settings.antivirusProduct(), 80) : null,
                vouched && covered(covers, "ANTIVIRUS") ? clock.dayOf(lastSync) : null,
                actions);
    }

    private static boolean covered(Set<String> covers, String fact) {
        return covers.stream().anyMatch(c -> c.trim().equalsIgnoreCase(fact));
    }

    /** The latest result of each of the district's actions, in the district's terms. */
    private static Map<DeviceCommand.Type, MdmDeviceReport.Action> actions(JsonNode results) {
        Map<DeviceCommand.Type, MdmDeviceReport.Action> actions = new EnumMap<>(DeviceCommand.Type.class);
        for (JsonNode result : results) {
            String name = result.path("actionName").asText("");
            DeviceCommand.Type type = ACTIONS.entrySet().stream()
                    .filter(e -> e.getValue().equalsIgnoreCase(name))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            MdmDeviceReport.ActionState state =
                    switch (result.path("actionState").asText("")) {
                        case "done" -> MdmDeviceReport.ActionState.DONE;
                        case "failed", "canceled", "notSupported" -> MdmDeviceReport.ActionState.FAILED;
                        case "pending", "active" -> MdmDeviceReport.ActionState.PENDING;
                        default -> null;
                    };
            Instant started = Untrusted.time(result.path("startDateTime").asText(null));
            if (type == null || state == null || started == null) {
                continue;
            }
            MdmDeviceReport.Action known = actions.get(type);
            if (known == null || started.isAfter(known.startedAt())) {
                actions.put(type, new MdmDeviceReport.Action(state, started));
            }
        }
        return actions;
    }

    /** Graph's camelCase value (wipePending) as a status in upper snake case (WIPE_PENDING). */
    static String upperSnake(String value) {
        if (value == null || value.length() > 40) {
            return null;
        }
        return value.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private String graph() {
        return settings.graphUrl().replaceAll("/+$", "");
    }

    /**
     * The app registration's tokens (client credentials, scope {@code https://graph.microsoft.com/.default}), kept
     * until a minute before they expire.
     */
    private ProviderHttp.Tokens tokens() throws ProviderException {
        String tenant = settings.tenantId()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProviderException("district.mdm.intune.tenant-id is not set", false));
        if (!TENANT.matcher(tenant).matches()) {
            throw new ProviderException("district.mdm.intune.tenant-id is not a tenant id", false);
        }
        String clientId = settings.clientId()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProviderException("district.mdm.intune.client-id is not set", false));
        String secret = settings.clientSecret()
                .filter(s -> !s.isBlank())
                .orElseThrow(() -> new ProviderException("district.mdm.intune.client-secret is not set", false));
        URI tokenUri = URI.create(settings.loginUrl().replaceAll("/+$", "") + "/" + tenant + "/oauth2/v2.0/token");
        String form = "client_id=" + encode(clientId) + "&client_secret=" + encode(secret) + "&scope="
                + encode("https://graph.microsoft.com/.default") + "&grant_type=client_credentials";
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(sync.requestTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        return new ProviderHttp.Tokens() {
            private String token;
            private Instant expires = Instant.EPOCH;

            @Override
            public synchronized String current() throws IOException {
                if (token == null || !clock.now().isBefore(expires.minus(1, ChronoUnit.MINUTES))) {
                    return renewed();
                }
                return token;
            }

            @Override
            public synchronized String renewed() throws IOException {
                HttpResponse<byte[]> response;
                try {
                    response = client.send(
                            HttpRequest.newBuilder(tokenUri)
                                    .timeout(sync.requestTimeout())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .header("Accept", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(form))
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted");
                }
                JsonNode body;
                try {
                    body = JSON.readTree(response.body());
                } catch (IOException e) {
                    body = JSON.createObjectNode();
                }
                String issued = body.path("access_token").asText(null);
                if (response.statusCode() != 200 || issued == null || issued.isBlank()) {
                    // The identity platform's error code (invalid_client, unauthorized_client, ...), never the secret.
                    String error = body.path("error").asText("");
                    throw new IOException("sign-in refused with " + response.statusCode()
                            + (ERROR_CODE.matcher(error).matches() ? " (" + error + ")" : ""));
                }
                long seconds = body.path("expires_in").asLong(3599);
                token = issued;
                expires = clock.now().plusSeconds(Math.max(60, Math.min(seconds, 86_400)));
                return token;
            }
        };
    }
}
