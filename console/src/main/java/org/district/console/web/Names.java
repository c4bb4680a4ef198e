package org.district.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views.PersonName;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * People's names for the district ids the services name them by: a page shows "Pat Lee", never "E1001". The inventory,
 * which owns people, answers for all the ids of one page in one call; templates ask {@code inject:names.of(id)}.
 * Records written by the district's own systems ("SYSTEM:...") are named as such.
 */
@Named("names")
@RequestScoped
public class Names {

    private static final Logger LOG = Logger.getLogger(Names.class);
    /** As many as one call asks for (a page of a list). */
    static final int PER_CALL = 200;

    @Inject
    @RestClient
    InventoryApi inventory;

    private final Map<String, String> known = new HashMap<>();
    private boolean unavailable;

    /** Looks up the names of these district ids (nulls and repeats ignored), so that {@link #of} needs no call. */
    public void load(Collection<String> districtIds) {
        Set<String> missing = new LinkedHashSet<>();
        for (String id : districtIds) {
            if (id != null && !id.isBlank() && !known.containsKey(id)) {
                missing.add(id);
            }
        }
        if (missing.isEmpty() || unavailable) {
            return;
        }
        List<String> ids = List.copyOf(missing);
        for (int from = 0; from < ids.size(); from += PER_CALL) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + PER_CALL));
            try {
                for (PersonName person : inventory.names(part)) {
                    known.put(person.districtId(), person.name());
                }
            } catch (WebApplicationException | ProcessingException e) {
                LOG.warnf("People's names are not available from the inventory (%s)", Failures.cause(e));
                unavailable = true;
                return;
            }
        }
    }

    /** Looks up the names of these people by their ids (return tasks name people so). */
    public void loadPeople(Collection<UUID> ids) {
        List<String> missing = ids.stream()
                .filter(Objects::nonNull)
                .map(UUID::toString)
                .filter(id -> !known.containsKey(id))
                .distinct()
                .toList();
        if (missing.isEmpty() || unavailable) {
            return;
        }
        for (int from = 0; from < missing.size(); from += PER_CALL) {
            List<String> part = missing.subList(from, Math.min(missing.size(), from + PER_CALL));
            try {
                for (PersonName person : inventory.namesById(part)) {
                    known.put(person.id().toString(), person.name());
                    known.put(person.districtId(), person.name());
                }
            } catch (WebApplicationException | ProcessingException e) {
                LOG.warnf("People's names are not available from the inventory (%s)", Failures.cause(e));
                unavailable = true;
                return;
            }
        }
    }

    /** The name of the person with this id. */
    public String person(UUID id) {
        if (id == null) {
            return "";
        }
        if (!known.containsKey(id.toString())) {
            loadPeople(List.of(id));
        }
        return Objects.requireNonNullElse(
                known.get(id.toString()), unavailable ? "Name not available" : "Unknown person");
    }

    /** The person's name; "Unknown person" for an id the inventory does not know (or cannot be asked about now). */
    public String of(String districtId) {
        if (districtId == null || districtId.isBlank()) {
            return "";
        }
        if (!known.containsKey(districtId)) {
            load(List.of(districtId));
        }
        return Objects.requireNonNullElse(known.get(districtId), unavailable ? "Name not available" : "Unknown person");
    }

    /**
     * Who did something, from a record's actor ("IT_ADMIN:E1001", "SYSTEM:lossreport.reports.v1"): the person's name,
     * or the district's systems.
     */
    public String actor(String actor) {
        return of(actorId(actor)).isEmpty() ? "District systems" : of(actorId(actor));
    }

    static String actorId(String actor) {
        if (actor == null) {
            return null;
        }
        int colon = actor.indexOf(':');
        String role = colon < 0 ? "" : actor.substring(0, colon);
        if (role.equals("SYSTEM") || role.equals("DEVICE") || role.equals("ANONYMOUS")) {
            return null;
        }
        return colon < 0 ? actor : actor.substring(colon + 1);
    }

    /** The district id of each actor, for {@link #load}. */
    public static List<String> actorIds(Collection<String> actors) {
        return actors.stream().map(Names::actorId).filter(Objects::nonNull).toList();
    }
}
