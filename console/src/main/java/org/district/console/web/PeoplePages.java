package org.district.console.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.district.console.api.CheckInApi;
import org.district.console.api.InventoryApi;
import org.district.console.api.Page;
import org.district.console.api.Views.Device;
import org.district.console.api.Views.NewPerson;
import org.district.console.api.Views.Offboarding;
import org.district.console.api.Views.OffboardingResult;
import org.district.console.api.Views.Person;
import org.district.console.api.Views.ReturnTask;
import org.district.console.web.Failures.FieldError;
import org.district.support.security.Roles;
import org.district.support.time.DistrictClock;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * People, for IT and HR: search, and the person page with their devices, their acceptable-use acknowledgement (with a
 * warning once it is more than a year old) and their return tasks. HR offboards a person from that page, on a page
 * of its own that names the person and the devices they hold; the return tasks it opens show on the person's page.
 * HR and IT also set (or clear) the leaving date of someone still active, ahead of time, on the person's page; the
 * check-in service opens the return tasks for that day.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PeoplePages {

    /** As long as an acknowledgement of the acceptable use policy counts. */
    static final int AUP_VALID_DAYS = 365;

    private static final Logger LOG = Logger.getLogger(PeoplePages.class);

    /** The leaving date form's one field, whose label starts the inventory's messages about it. */
    static final String LEAVING_DATE = "leavingDate";

    static final Map<String, String> LEAVING_LABELS = Map.of(LEAVING_DATE, "Leaving date");

    /** The inventory calls the leaving date departedOn. */
    static final Map<String, String> LEAVING_API_FIELDS = Map.of("departedOn", LEAVING_DATE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance people(
                Chrome chrome, String q, String search, boolean ended, Page<Person> people, List<FieldError> errors);

        static native TemplateInstance person(
                Chrome chrome,
                Person person,
                List<Device> devices,
                List<ReturnTask> tasks,
                boolean aupOld,
                boolean offboards,
                Integer opened,
                boolean registered,
                ChargePages.Summary charges,
                boolean setsLeavingDate,
                Form leaving,
                String leavingSaved);

        static native TemplateInstance offboard(
                Chrome chrome, Person person, List<Device> devices, String lastWorkingDay, List<FieldError> errors);
    }

    @Inject
    Flash flash;

    @Inject
    Pages pages;

    @Inject
    DistrictClock clock;

    @Inject
    @RestClient
    InventoryApi inventory;

    @Inject
    @RestClient
    CheckInApi checkin;

    @Inject
    Searches searches;

    /** The page a kept search belongs to. */
    private static final String PEOPLE = "people";

    /**
     * The people found by a search. The search's text (a name, an email) is never part of the address: the page names
     * it by the id of the signed-in person's kept search ({@link Searches}); an address with the text itself is sent on
     * to one with its id.
     */
    @GET
    @Path("/people")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response people(
            @QueryParam("q") String q, @QueryParam("search") String search, @QueryParam("cursor") String cursor) {
        String typed = Searches.text(q);
        if (typed != null) {
            return searched(typed);
        }
        Searches.Kept kept = searches.of(PEOPLE, search);
        String text = kept.text();
        List<FieldError> errors = List.of();
        Page<Person> page = new Page<>(List.of(), DevicePages.PAGE_SIZE, null);
        try {
            // An ended search lists no one: everyone, on whatever page its cursor named, would read as its results.
            if (!kept.ended()) {
                page = inventory.people(text, null, null, DevicePages.blank(cursor), DevicePages.PAGE_SIZE);
            }
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() != 400) {
                throw e;
            }
            errors = Failures.refusal(e).errors().stream()
                    .map(error -> new FieldError("q", "Search " + error.message()))
                    .toList();
            page = new Page<>(List.of(), DevicePages.PAGE_SIZE, null);
        }
        return DevicePages.html(Templates.people(
                pages.chrome("people"), text, text == null ? null : search, kept.ended(), page, errors));
    }

    /** The search form: its text is kept, and the page shows what it finds under the kept search's id. */
    @POST
    @Path("/people")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response search(@FormParam("q") String q) {
        String typed = Searches.text(q);
        return typed == null ? Response.seeOther(URI.create("/people")).build() : searched(typed);
    }

    private Response searched(String text) {
        return Response.seeOther(URI.create("/people?search=" + Links.encode(searches.keep(PEOPLE, text))))
                .build();
    }

    @GET
    @Path("/people/{id}")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response person(@PathParam("id") String id) {
        UUID personId = DevicePages.uuid(id);
        Person person = inventory.person(personId);
        String saved = DevicePages.choice(flash.take(LEAVING_DATE), List.of("set", "cleared"));
        return personPage(
                200,
                person,
                leavingForm(person),
                opened(flash.take("opened")),
                flash.take("registered") != null,
                saved);
    }

    /**
     * HR (and IT) set the leaving date of someone still active: their last working day, announced ahead; or clear it.
     * The rest of the person's record is sent back as the page read it. The inventory's refusals show by the field.
     */
    @POST
    @Path("/people/{id}/leaving-date")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response setLeavingDate(
            @PathParam("id") String id, @FormParam(LEAVING_DATE) String leavingDate, @FormParam("clear") String clear) {
        UUID personId = DevicePages.uuid(id);
        Person person = inventory.person(personId);
        boolean clearing = clear != null;
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!setsLeavingDate(person)) {
            errors.add(new FieldError(
                    LEAVING_DATE,
                    person.active()
                            ? "Only HR and district IT set leaving dates."
                            : person.name() + " has left the district: the leaving date no longer changes."));
        }
        LocalDate day = errors.isEmpty() ? leavingDate(leavingDate, clearing, errors) : null;
        if (errors.isEmpty()) {
            try {
                inventory.updatePerson(personId, withLeavingDate(person, day));
                LOG.infof("Leaving date of person %s %s", personId, day == null ? "cleared" : "set to " + day);
                return Flash.seeOther("/people/" + personId, LEAVING_DATE, day == null ? "cleared" : "set")
                        .build();
            } catch (WebApplicationException e) {
                errors.addAll(Failures.fieldErrors(e, LEAVING_DATE, LEAVING_LABELS, LEAVING_API_FIELDS));
            }
        }
        Map<String, String> values = new HashMap<>();
        values.put(LEAVING_DATE, leavingDate);
        return personPage(422, person, Form.empty(values).withErrors(errors), null, false, null);
    }

    private Response personPage(
            int status, Person person, Form leaving, Integer opened, boolean registered, String leavingSaved) {
        UUID personId = person.id();
        List<Device> devices = devicesOf(personId);
        List<ReturnTask> tasks = checkin.personsTasks(personId.toString(), 100).items();
        boolean aupOld = person.aupAcknowledgedOn() == null
                || person.aupAcknowledgedOn().isBefore(clock.today().minusDays(AUP_VALID_DAYS));
        return DevicePages.html(
                status,
                Templates.person(
                        pages.chrome("people"),
                        person,
                        devices,
                        tasks,
                        aupOld,
                        offboards(person),
                        opened,
                        registered,
                        ChargePages.ofPerson(pages, inventory, personId),
                        setsLeavingDate(person),
                        leaving,
                        leavingSaved));
    }

    /** The leaving date form as the page first shows it: the current leaving date, when one is set. */
    static Form leavingForm(Person person) {
        Map<String, String> values = new HashMap<>();
        values.put(
                LEAVING_DATE,
                person.departedOn() == null ? null : person.departedOn().toString());
        return Form.empty(values);
    }

    /** How many return tasks the offboarding just opened, as its notice says. */
    private static Integer opened(String notice) {
        try {
            return notice == null ? null : Integer.valueOf(notice);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The leaving date as the browser's date field sends it (2026-06-05); none when the person chose Clear. An empty
     * field or one that is no date adds the field's message to {@code errors} and gives none.
     */
    static LocalDate leavingDate(String raw, boolean clear, List<FieldError> errors) {
        if (clear) {
            return null;
        }
        String v = DevicePages.blank(raw);
        if (v == null) {
            errors.add(new FieldError(LEAVING_DATE, "Enter the leaving date: the person's last working day."));
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeException e) {
            errors.add(new FieldError(LEAVING_DATE, "Leaving date must be a date, for example 2026-06-05."));
            return null;
        }
    }

    /**
     * The person's record as the inventory's update takes it (the whole record), unchanged but for the leaving date:
     * still active, leaving on {@code day}, or on no day announced when it is none.
     */
    static NewPerson withLeavingDate(Person person, LocalDate day) {
        return new NewPerson(
                person.districtId(),
                person.givenName(),
                person.familyName(),
                person.email(),
                person.kind(),
                person.school(),
                person.supervisor() == null ? null : person.supervisor().districtId(),
                Boolean.TRUE,
                day,
                person.aupAcknowledgedOn());
    }

    @GET
    @Path("/people/{id}/offboard")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response confirmOffboard(@PathParam("id") String id) {
        UUID personId = DevicePages.uuid(id);
        Person person = inventory.person(personId);
        List<Device> devices = devicesOf(personId);
        return DevicePages.html(Templates.offboard(
                pages.chrome("people"), person, devices, clock.today().toString(), List.of()));
    }

    @POST
    @Path("/people/{id}/offboard")
    @RolesAllowed({Roles.IT_ADMIN, Roles.HR})
    public Response offboard(@PathParam("id") String id, @FormParam("lastWorkingDay") String lastWorkingDay) {
        UUID personId = DevicePages.uuid(id);
        Person person = inventory.person(personId);
        LocalDate day = null;
        try {
            day = DevicePages.blank(lastWorkingDay) == null ? null : LocalDate.parse(lastWorkingDay.trim());
        } catch (DateTimeException e) {
            // reported below
        }
        String problem = day == null ? "Enter the person's last working day, for example 12/04/2026." : null;
        if (problem == null) {
            try {
                OffboardingResult result = checkin.offboard(new Offboarding(personId, day));
                return Flash.seeOther("/people/" + personId, "opened", result.tasksOpened())
                        .build();
            } catch (WebApplicationException e) {
                problem = Failures.refusedInput(e).detail();
            }
        }
        List<Device> devices = devicesOf(personId);
        return DevicePages.html(
                422,
                Templates.offboard(
                        pages.chrome("people"),
                        person,
                        devices,
                        lastWorkingDay,
                        List.of(new FieldError("lastWorkingDay", problem))));
    }

    /**
     * The devices the person holds, as IT sees them; null for HR, whom the inventory shows no one else's devices (the
     * return tasks an offboarding opens name them).
     */
    private List<Device> devicesOf(UUID personId) {
        return pages.seesEverything()
                ? inventory.devicesOf(personId.toString(), 100).items()
                : null;
    }

    /** HR (and IT) set the leaving date of people who are still active; auditors have no actions. */
    private boolean setsLeavingDate(Person person) {
        return person.active() && (pages.is(Roles.HR) || pages.is(Roles.IT_ADMIN));
    }

    /** HR (and IT) offboard people who are still active. */
    private boolean offboards(Person person) {
        return person.active() && (pages.is(Roles.HR) || pages.is(Roles.IT_ADMIN));
    }
}
