package org.district.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.district.console.store.SavedSearches;

/**
 * Search text that names people (a name, a district id, an email) stays out of the pages' addresses: the search form
 * is posted, its text is kept for the signed-in person ({@link SavedSearches}), and the page's address carries the
 * kept search's id ({@code ?search=}). An address that still carries the text (an older bookmark, a link) is answered
 * with a redirect to the same page by id.
 */
@RequestScoped
public class Searches {

    /** What an address's search id stands for: the text, or that the search ended (expired, or not this person's). */
    public record Kept(String text, boolean ended) {

        static final Kept NONE = new Kept(null, false);
    }

    @Inject
    SavedSearches saved;

    @Inject
    Pages pages;

    /** The id of the signed-in person's search of the page; null for no text. */
    String keep(String page, String text) {
        String kept = text(text);
        return kept == null ? null : saved.save(pages.districtId(), page, kept).toString();
    }

    /** Search text as typed, or null when there is none: trimmed, without NULs (no name holds one; text cannot). */
    static String text(String typed) {
        return typed == null ? null : DevicePages.blank(typed.replace("\u0000", ""));
    }

    /** The text of the signed-in person's search of the page the id names. */
    Kept of(String page, String id) {
        String value = DevicePages.blank(id);
        if (value == null) {
            return Kept.NONE;
        }
        UUID search;
        try {
            search = UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return new Kept(null, true);
        }
        return saved.find(search, pages.districtId(), page)
                .map(text -> new Kept(text, false))
                .orElse(new Kept(null, true));
    }
}
