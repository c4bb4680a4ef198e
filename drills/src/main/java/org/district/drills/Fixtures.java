package org.district.drills;

import java.net.URI;
import java.net.http.HttpRequest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.district.bench.BearerTokens;
import org.district.bench.CheckInBench;
import org.district.bench.LossReportReadModel;
import org.district.bench.LossReportReadModel.Holder;

/**
 * The people, devices and requests of a drill. Read models are seeded directly in SQL, as the benchmarks do (the
 * drills test the services' own writes and events, not inventory's snapshots); each request carries a unique marker
 * ({@code drill-<n>}) so the database can be searched for exactly the writes a client was told about.
 */
final class Fixtures {

    /** IT's address in every drill. */
    static final String IT_EMAIL = "it-drill@district.example";

    /**
     * How long a drill's client waits for an answer: longer than any server-side limit (the 60 s transaction timeout),
     * so the drill sees the service's own answer (a 503 or a 500), not its own impatience.
     */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private static final Pattern MARKER = Pattern.compile("drill-(\\d+)");

    private Fixtures() {}

    /** A short random tag that keeps one run's identifiers apart from another's. */
    static String runTag() {
        return UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
    }

    static String marker(long n) {
        return "drill-" + n;
    }

    /** The request number in a text containing a marker, or -1. */
    static long markerIn(String text) {
        if (text == null) {
            return -1;
        }
        Matcher m = MARKER.matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** loss-report-service's read models, seeded with the drills' identifier prefix. */
    static List<Holder> seedLossReportReadModel(Database db, String run, int count) throws SQLException {
        try (Connection c = db.connect()) {
            return LossReportReadModel.seed(c, "D", run, count);
        }
    }

    /** The staff members who hold the seeded laptops, signed in at the identity provider for the whole drill. */
    static BearerTokens staffTokens(List<Holder> holders) {
        return BearerTokens.of("STAFF", LossReportReadModel.staff(holders));
    }

    /**
     * checkin-service's device read model: the given devices, all laptops of school SCH-01, in one status, each
     * enrolled with the benchmarks' credential (only the SHA-256 of its secret is stored, as enrolment does).
     */
    static void seedCheckInDevices(Database db, List<UUID> ids, String status, String run) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("insert into device (id, version, asset_tag, type, school,"
                    + " ownership, status, sensitive_data, registered_at, updated_at, due_on, credential_sha256,"
                    + " credential_issued_at, credential_issued_by) values (?, 1, ?, 'LAPTOP', 'SCH-01', 'DISTRICT',"
                    + " ?, false, now(), now(), current_date + 14,"
                    + " sha256(convert_to(md5('bench-secret-' || ?), 'UTF8')), now(), 'drill')")) {
                int i = 0;
                for (UUID id : ids) {
                    ps.setObject(1, id);
                    ps.setString(2, "DC-" + run + "-" + status + "-" + i++);
                    ps.setString(3, status);
                    ps.setString(4, id.toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }

    static List<UUID> ids(int count) {
        List<UUID> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(UUID.randomUUID());
        }
        return ids;
    }

    /**
     * The Authorization header of each device, as its agent presents it: {@code Device <credential>}, the credential
     * {@link #seedCheckInDevices} enrolled it with. Devices never use the identity provider's tokens.
     */
    static String[] deviceCredentials(List<UUID> devices) {
        return devices.stream()
                .map(d -> CheckInBench.authorization(d.toString()))
                .toArray(String[]::new);
    }

    /** A staff member's report of their device as lost; the circumstances carry the request's marker. */
    static HttpRequest lossReport(String base, String bearer, String assetTag, long n) {
        return lossReport(base, bearer, assetTag, n, Instant.now().minusSeconds(3600), null);
    }

    /**
     * The same report with a fixed last-seen time and, when given, an Idempotency-Key: sent again, it is the same
     * request byte for byte, as a phone retrying after a failed attempt sends it.
     */
    static HttpRequest lossReport(
            String base, String bearer, String assetTag, long n, Instant lastSeenAt, String idempotencyKey) {
        String body = "{\"assetTag\":\"" + assetTag + "\",\"kind\":\"LOST\",\"lastSeenAt\":\""
                + lastSeenAt + "\",\"lastSeenLocation\":\"Room 114, Lincoln HS\","
                + "\"circumstances\":\"Left on the desk after third period; gone after lunch (" + marker(n) + ").\","
                + "\"contactPhone\":\"+1 555 0100\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1/loss-reports"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    /** A device agent's check-in; the OS build carries the request's marker (stored in the check-in history). */
    static HttpRequest checkIn(String base, String credential, long n) {
        String body = "{\"os\":{\"name\":\"ChromeOS\",\"version\":\"124.0.6367\",\"build\":\"" + marker(n) + "\"},"
                + "\"lastPatchDate\":\"" + LocalDate.now().minusDays(5) + "\",\"diskEncryption\":true,"
                + "\"passwordProtection\":true,\"network\":{\"site\":\"SCH-01\",\"ipAddress\":\"10.1.2.3\"}}";
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/checkins"))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", credential)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** How long a claimed notification delivery belongs to the replica that claimed it. */
    static final Duration LEASE = Duration.ofSeconds(25);

    /** The loss-report-service settings every drill uses: its own SMTP sink and IT address, a short lease. */
    static Service lossReportSettings(Service s, int smtpPort) {
        return s.env("SMTP_HOST", "127.0.0.1")
                .env("SMTP_PORT", Integer.toString(smtpPort))
                .env("IT_EMAILS", IT_EMAIL)
                // A delivery claimed by a replica that dies is sent again when its lease runs out. The SMTP and
                // webhook timeouts keep their defaults (20 s, 10 s); the lease is the shortest the service accepts
                // with them (the longest attempt + 5 s), instead of 2 minutes, so the drill need not wait as long.
                .property("district.notify.lease", LEASE.toSeconds() + "s");
    }
}
