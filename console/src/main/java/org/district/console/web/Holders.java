package org.district.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.district.console.api.InventoryApi;
import org.district.console.api.Views.Person;
import org.district.support.security.Roles;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Who the devices page's "holder" is: IT types a name, a district id or an email, and the inventory's people search
 * finds them; several matches are offered as choices. Auditors, who do not search people, give a district id.
 */
@RequestScoped
public class Holders {

    /** Least the people search takes. */
    private static final int SEARCH_MIN = 3;

    /**
     * What a holder filter found.
     *
     * @param query what was typed; null when no holder is asked for
     * @param districtId the one person it names, whose devices are listed; null when it names no one or several
     * @param choices the people it may mean (up to 10) when they are several
     */
    public record Found(String query, String districtId, String name, List<Person> choices) {

        static final Found NONE = new Found(null, null, null, List.of());

        public boolean several() {
            return districtId == null && choices.size() > 1;
        }

        public boolean nobody() {
            return query != null && districtId == null && choices.isEmpty();
        }
    }

    @Inject
    Pages pages;

    @Inject
    @RestClient
    InventoryApi inventory;

    Found find(String holder) {
        if (holder == null) {
            return Found.NONE;
        }
        if (!(pages.is(Roles.IT_ADMIN) || pages.is(Roles.HR)) || holder.length() < SEARCH_MIN) {
            return new Found(holder, holder.toUpperCase(Locale.ROOT), null, List.of());
        }
        List<Person> people = inventory.people(holder, null, null, null, 10).items();
        Optional<Person> exact = people.stream()
                .filter(p -> p.districtId().equalsIgnoreCase(holder))
                .findFirst();
        if (exact.isPresent()) {
            return new Found(holder, exact.get().districtId(), exact.get().name(), List.of(exact.get()));
        }
        if (people.size() == 1) {
            return new Found(holder, people.get(0).districtId(), people.get(0).name(), people);
        }
        return new Found(holder, null, null, people);
    }
}
