package org.district.drills;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.district.bench.SmtpSink;
import org.district.contracts.EventHeaders;
import org.district.contracts.Topics;
import org.district.testing.KafkaProbe;

/**
 * Drill 6: duplicate delivery. The three services run a day in miniature through their real APIs and topics (people
 * and devices registered and assigned, loss reports, lost devices checking in, recoveries, offboardings by REST and by
 * an HR system's event, a returned device). Then every consumer group of every service is moved back to the earliest
 * offset of every topic it reads, so each service receives every event again. Nothing may change: the same rows in
 * every table of every service, the same emails.
 */
public final class ReplayDrill extends Drill {

    /** Every table of each service whose rows are compared before and after the replay. */
    private static final Map<Service.Kind, List<String>> TABLES = Map.of(
            Service.Kind.INVENTORY,
            List.of(
                    "person",
                    "device",
                    "assignment",
                    "device_history",
                    "person_history",
                    "outbox_event",
                    "processed_event",
                    "consumer_dead_letter"),
            Service.Kind.LOSS_REPORT,
            List.of(
                    "person_view",
                    "device_view",
                    "loss_report",
                    "loss_report_entry",
                    "idempotency_key",
                    "notification",
                    "outbox_event",
                    "processed_event",
                    "consumer_dead_letter"),
            Service.Kind.CHECKIN,
            List.of(
                    "person_view",
                    "device",
                    "checkin_history",
                    "device_location",
                    "device_command",
                    "offboarding",
                    "return_task",
                    "outbox_event",
                    "processed_event",
                    "consumer_dead_letter"));

    private static final String CONSUMED = "district_consumer_events_total";

    private final Map<Service.Kind, Database> dbs = new LinkedHashMap<>();
    private final Map<Service.Kind, Service> services = new LinkedHashMap<>();

    ReplayDrill(String[] args) throws Exception {
        super("Drill 6: duplicate delivery, every topic replayed from the start", args);
    }

    public static void main(String[] args) throws Exception {
        execute(new ReplayDrill(args));
    }

    @Override
    void run() throws Exception {
        int people = options.integer("people", 30);
        int smtp = options.integer("smtp-port", 2626);

        Stack.say("Preparing: PostgreSQL, a fresh bench broker, empty drills schemas, the SMTP sink");
        stack.ensurePostgres();
        stack.resetBroker();
        for (Service.Kind kind : Service.Kind.values()) {
            Database db = new Database(kind.database);
            db.reset(kind == Service.Kind.INVENTORY ? new String[] {"pg_trgm"} : new String[0]);
            dbs.put(kind, db);
        }
        SmtpSink mail = closeAtEnd(new SmtpSink(smtp));
        services.put(
                Service.Kind.INVENTORY,
                service(Service.Kind.INVENTORY, "drill6-inventory", options.integer("inventory-port", 8194)));
        services.put(
                Service.Kind.LOSS_REPORT,
                Fixtures.lossReportSettings(
                        service(
                                Service.Kind.LOSS_REPORT,
                                "drill6-lossreport",
                                options.integer("lossreport-port", 8192)),
                        smtp));
        services.put(
                Service.Kind.CHECKIN,
                service(Service.Kind.CHECKIN, "drill6-checkin", options.integer("checkin-port", 8193)));
        for (Service s : services.values()) {
            s.start(STARTUP);
        }

        Scenario scenario = new Scenario(people);
        scenario.play();
        Stack.say("Scenario played; waiting until everything has settled");
        Map<String, Long> lags = quiesce(mail);
        Map<String, String> before = snapshot(mail);
        Map<String, Double> consumedBefore = consumedPerService("processed");
        Stack.say("Before the replay: %d emails; %s", mail.count(), before.get("lossreport notification"));

        for (Service s : services.values()) {
            s.stop();
        }
        Map<String, Long> replayed = new TreeMap<>();
        try (Broker broker = new Broker()) {
            for (String group : broker.groups()) {
                String state = broker.state(group);
                if (!state.equals("EMPTY") && !state.equals("DEAD")) {
                    throw new IllegalStateException("group " + group + " still has members (" + state + ")");
                }
                replayed.put(group, broker.resetToEarliest(group));
            }
        }
        Stack.say("Every consumer group reset to the earliest offsets: %s", replayed);
        for (Service s : services.values()) {
            s.start(STARTUP);
        }
        Map<String, Long> lagsAfter = quiesce(mail);
        Map<String, String> after = snapshot(mail);
        Map<String, Double> duplicates = consumedPerService("duplicate");
        Map<String, Double> consumedAfter = consumedPerService("processed");

        List<String> changed = new ArrayList<>();
        for (Map.Entry<String, String> e : before.entrySet()) {
            String now = after.get(e.getKey());
            if (!e.getValue().equals(now)) {
                changed.add(e.getKey() + ": " + e.getValue() + " -> " + now);
            }
        }
        long totalReplayed =
                replayed.values().stream().mapToLong(Long::longValue).sum();

        verdict.count("scenario", scenario.summary());
        verdict.count("consumer lag before the replay", lags);
        verdict.count("offsets each group was moved back (records and transaction markers)", replayed);
        verdict.count("consumer lag after the replay", lagsAfter);
        verdict.count("events seen again and skipped as duplicates, per service", duplicates);
        verdict.count("events applied before the replay, per service", consumedBefore);
        verdict.count(
                "events applied again after the replay, per service (version-checked read models)", consumedAfter);
        verdict.count("emails before / after", before.get("emails") + " / " + after.get("emails"));
        for (Map.Entry<String, String> e : before.entrySet()) {
            if (!e.getKey().equals("emails")) {
                verdict.count(
                        e.getKey(),
                        e.getValue().equals(after.get(e.getKey()))
                                ? e.getValue() + " (unchanged)"
                                : e.getValue() + " -> " + after.get(e.getKey()));
            }
        }
        verdict.check(
                "every group read its topics again from the start, and caught up",
                totalReplayed > 0 && lagsAfter.values().stream().allMatch(l -> l == 0),
                totalReplayed + " offsets re-read; lag after " + lagsAfter);
        verdict.check(
                "the replay changed nothing: same rows in every table, same emails",
                changed.isEmpty(),
                changed.isEmpty()
                        ? (before.size() - 1) + " tables and the mailbox compared"
                        : String.join("; ", changed));
        verdict.headline(String.format(
                "%d offsets replayed to %d groups; %d tables + mailbox compared, %d changed; emails %s -> %s",
                totalReplayed,
                replayed.size(),
                before.size() - 1,
                changed.size(),
                before.get("emails"),
                after.get("emails")));
    }

    /**
     * Waits until all is quiet: every outbox published, every group caught up, no email waiting, and the digest of
     * every table and the mailbox unchanged for ten seconds.
     */
    private Map<String, Long> quiesce(SmtpSink mail) throws Exception {
        Map<String, Long> lags = new TreeMap<>();
        try (Broker broker = new Broker()) {
            String[] last = {""};
            long[] stableSince = {System.nanoTime()};
            boolean quiet = waitFor(Duration.ofMinutes(5), () -> {
                for (Database db : dbs.values()) {
                    if (db.number("select count(*) from outbox_event where published_at is null") > 0) {
                        return false;
                    }
                }
                if (dbs.get(Service.Kind.LOSS_REPORT)
                                .number("select count(*) from notification where status in ('PENDING', 'RETRYING')")
                        > 0) {
                    return false;
                }
                lags.clear();
                lags.putAll(broker.lags());
                if (lags.values().stream().anyMatch(l -> l > 0)) {
                    return false;
                }
                String digest = snapshot(mail).toString();
                if (!digest.equals(last[0])) {
                    last[0] = digest;
                    stableSince[0] = System.nanoTime();
                    return false;
                }
                return System.nanoTime() - stableSince[0]
                        > Duration.ofSeconds(10).toNanos();
            });
            if (!quiet) {
                throw new IllegalStateException("the services did not settle within 5 minutes; lags " + lags);
            }
        }
        return lags;
    }

    /** Row count and a digest of every row of every compared table, plus the number of emails. */
    private Map<String, String> snapshot(SmtpSink mail) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<Service.Kind, List<String>> e :
                TABLES.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
            Database db = dbs.get(e.getKey());
            for (String table : e.getValue()) {
                out.put(
                        e.getKey().database.replace("_bench", "") + " " + table,
                        db.text("select count(*) || ' rows, md5 ' || coalesce(left(md5(string_agg(t::text, '|' order by"
                                + " t::text)), 12), '-') from " + table + " t"));
            }
        }
        out.put("emails", Integer.toString(mail.count()));
        return out;
    }

    private Map<String, Double> consumedPerService(String outcome) {
        Map<String, Double> out = new LinkedHashMap<>();
        services.forEach((kind, s) -> out.put(kind.module, s.metric(CONSUMED, "outcome=\"" + outcome + "\"")));
        return out;
    }

    /** The day in miniature, through the services' own APIs (and one HR system event). */
    private final class Scenario {
        private final int people;
        private final String run = Fixtures.runTag();
        private final List<String> districtIds = new ArrayList<>();
        private final List<String> personIds = new ArrayList<>();
        private final List<String> deviceIds = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final List<String> reportIds = new ArrayList<>();
        private final Map<String, String> credentials = new HashMap<>();
        private int checkIns;
        private int offboardings;
        private int returned;

        Scenario(int people) {
            this.people = people;
        }

        /** IT's token, fresh for each call (tokens live minutes; the scenario may take longer). */
        private String it() {
            return Http.bearer("IT-DRILL-" + run, "IT_ADMIN");
        }

        private String hr() {
            return Http.bearer("HR-DRILL-" + run, "HR");
        }

        String summary() {
            return String.format(
                    "%d people + 1 supervisor, %d laptops (%d assigned), %d loss reports (3 recovered), %d lost-device"
                            + " and regular check-ins, %d offboardings (2 by an HR event), %d device returned",
                    people, deviceIds.size(), people, reportIds.size(), checkIns, offboardings, returned);
        }

        void play() throws Exception {
            String inventory = services.get(Service.Kind.INVENTORY).base();
            String lossReport = services.get(Service.Kind.LOSS_REPORT).base();
            String checkin = services.get(Service.Kind.CHECKIN).base();
            String supervisor = "DSUP-" + run;
            Http.post(inventory + "/api/v1/people", it(), person(supervisor, null), 201);
            for (int i = 0; i < people; i++) {
                String districtId = "DE-" + run + "-" + i;
                JsonNode p = Http.post(inventory + "/api/v1/people", it(), person(districtId, supervisor), 201);
                districtIds.add(districtId);
                personIds.add(p.path("id").asText());
            }
            for (int i = 0; i < people + 10; i++) {
                String tag = "DT-" + run + "-" + i;
                JsonNode d = Http.post(inventory + "/api/v1/devices", it(), laptop(tag, i % 4 == 0), 201);
                deviceIds.add(d.path("id").asText());
                tags.add(tag);
            }
            for (int i = 0; i < people; i++) {
                Http.post(
                        inventory + "/api/v1/devices/" + deviceIds.get(i) + "/assignment",
                        it(),
                        Map.of("personDistrictId", districtIds.get(i)),
                        200);
            }
            Stack.say("Registered %d people and %d laptops, assigned %d", people + 1, deviceIds.size(), people);
            // The other services learn of people and devices from inventory's snapshot topics.
            Database reportsDb = dbs.get(Service.Kind.LOSS_REPORT);
            Database checkinDb = dbs.get(Service.Kind.CHECKIN);
            if (!waitFor(
                    Duration.ofMinutes(3),
                    () -> reportsDb.number("select count(*) from device_view where assignee_id is not null") == people
                            && checkinDb.number("select count(*) from device where assignee_id is not null") == people
                            && checkinDb.number("select count(*) from person_view") == people + 1)) {
                throw new IllegalStateException("the read models did not receive inventory's snapshots");
            }

            int lost = Math.min(10, people);
            Instant lastSeen = Instant.now().minusSeconds(7200);
            for (int i = 0; i < lost; i++) {
                JsonNode r = Http.post(
                        lossReport + "/api/v1/loss-reports",
                        Http.bearer(districtIds.get(i), "STAFF"),
                        Map.of(
                                "assetTag",
                                tags.get(i),
                                "kind",
                                "LOST",
                                "lastSeenAt",
                                lastSeen.toString(),
                                "lastSeenLocation",
                                "Library, Lincoln HS",
                                "circumstances",
                                "Left in the library (" + Fixtures.marker(i) + ").",
                                "contactPhone",
                                "+1 555 0100"),
                        201);
                reportIds.add(r.path("id").asText());
            }
            Database inventoryDb = dbs.get(Service.Kind.INVENTORY);
            if (!waitFor(
                    Duration.ofMinutes(3),
                    () -> inventoryDb.number("select count(*) from device where status = 'LOST'") == lost
                            && checkinDb.number("select count(*) from device where status = 'LOST'") == lost
                            && checkinDb.number("select count(*) from device_command") == 2L * lost)) {
                throw new IllegalStateException("the loss reports did not reach inventory and checkin-service");
            }
            // Lost devices and some others check in with the credential IT enrols them with: alerts to IT, commands
            // delivered.
            for (int i = 0; i < people; i++) {
                String deviceId = deviceIds.get(i);
                credentials.put(
                        deviceId,
                        Http.post(checkin + "/api/v1/devices/" + deviceId + "/credential", it(), Map.of(), 201)
                                .path("credential")
                                .asText());
            }
            for (int i = 0; i < lost; i++) {
                checkIn(checkin, deviceIds.get(i), true);
            }
            for (int i = lost; i < people; i++) {
                checkIn(checkin, deviceIds.get(i), false);
            }
            for (int i = 0; i < 3; i++) {
                Http.post(
                        lossReport + "/api/v1/loss-reports/" + reportIds.get(i) + "/recovery",
                        it(),
                        Map.of("note", "Handed in at the front office."),
                        200);
            }
            // Offboarding: by REST for three people, by an HR system's event for two.
            LocalDate lastDay = LocalDate.now().plusDays(14);
            List<String> tasks = new ArrayList<>();
            for (int i = 20; i < Math.min(23, people); i++) {
                JsonNode o = Http.post(
                        checkin + "/api/v1/offboardings",
                        hr(),
                        Map.of("districtId", districtIds.get(i), "lastWorkingDay", lastDay.toString()),
                        201);
                o.path("openTasks").forEach(t -> tasks.add(t.path("id").asText()));
                offboardings++;
            }
            for (int i = 23; i < Math.min(25, people); i++) {
                hrEvent(personIds.get(i), districtIds.get(i), lastDay);
                offboardings++;
            }
            if (!tasks.isEmpty()) {
                Http.post(
                        checkin + "/api/v1/return-tasks/" + tasks.get(0) + "/returned",
                        it(),
                        Map.of("note", "Returned to IT in person."),
                        200);
                returned++;
            }
        }

        private void checkIn(String checkin, String deviceId, boolean withLocation) throws Exception {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("os", Map.of("name", "Windows", "version", "10.0.22631", "build", Fixtures.marker(checkIns)));
            body.put("lastPatchDate", LocalDate.now().minusDays(3).toString());
            body.put(
                    "antivirus",
                    Map.of(
                            "product",
                            "Defender",
                            "definitionsDate",
                            LocalDate.now().toString()));
            body.put("diskEncryption", true);
            body.put("passwordProtection", true);
            body.put("network", Map.of("site", "LINCOLN-HS", "ipAddress", "10.20.30.40"));
            if (withLocation) {
                body.put("location", Map.of("latitude", 40.7128, "longitude", -74.006, "accuracyMeters", 25.0));
            }
            Http.post(checkin + "/api/v1/checkins", "Device " + credentials.get(deviceId), body, 200);
            checkIns++;
        }

        private void hrEvent(String personId, String districtId, LocalDate lastDay) {
            UUID eventId = UUID.randomUUID();
            Instant now = Instant.now();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("personId", personId);
            data.put("districtId", districtId);
            data.put("lastWorkingDay", lastDay.toString());
            data.put("requestedBy", "hr-drill");
            data.put("requestedAt", now.toString());
            Map<String, Object> envelope = new LinkedHashMap<>();
            envelope.put("eventId", eventId.toString());
            envelope.put("eventType", "OffboardingRequested");
            envelope.put("schemaVersion", 1);
            envelope.put("occurredAt", now.toString());
            envelope.put("aggregateType", "Person");
            envelope.put("aggregateId", personId);
            envelope.put("aggregateVersion", 0);
            envelope.put("data", data);
            KafkaProbe.produce(
                    Stack.BOOTSTRAP,
                    Topics.OFFBOARDINGS,
                    personId,
                    Http.json(envelope),
                    Map.of(
                            EventHeaders.EVENT_ID, eventId.toString(),
                            EventHeaders.EVENT_TYPE, "OffboardingRequested",
                            EventHeaders.SCHEMA_VERSION, "1",
                            EventHeaders.OCCURRED_AT, now.toString(),
                            EventHeaders.AGGREGATE_TYPE, "Person"));
        }

        private Map<String, Object> person(String districtId, String supervisorDistrictId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("districtId", districtId);
            body.put("givenName", "Pat");
            body.put("familyName", "Drill");
            body.put("email", districtId.toLowerCase(java.util.Locale.ROOT) + "@district.example");
            body.put("kind", "EMPLOYEE");
            body.put("school", "LINCOLN-HS");
            if (supervisorDistrictId != null) {
                body.put("supervisorDistrictId", supervisorDistrictId);
            }
            body.put("aupAcknowledgedOn", LocalDate.now().minusDays(30).toString());
            return body;
        }

        private Map<String, Object> laptop(String tag, boolean sensitive) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("assetTag", tag);
            body.put("serialNumber", "SN-" + tag);
            body.put("type", "LAPTOP");
            body.put("make", "Dell");
            body.put("model", "Latitude 5440");
            body.put("school", "LINCOLN-HS");
            body.put("sensitiveData", sensitive);
            body.put(
                    "acquisition",
                    Map.of(
                            "type", "PURCHASED",
                            "vendor", "Dell Technologies",
                            "purchaseOrder", "PO-" + tag,
                            "cost", 1249.00,
                            "acquiredOn", "2025-08-01"));
            body.put("warrantyEnd", "2028-08-01");
            return body;
        }
    }
}
