package org.district.console.web;

import java.util.List;

/**
 * What every page shows around its content: who is signed in (by name and role, never an id), the navigation the
 * person's roles open, which of its sections the page belongs to, and the token of the sign-out form; whether the
 * person is district IT or HR, for the actions a page offers (the services decide again); the page's language, and
 * whether the person's pages come in other languages too (the staff pages do).
 */
public record Chrome(
        String name,
        String role,
        List<NavItem> nav,
        String section,
        String csrfToken,
        boolean itAdmin,
        boolean hr,
        boolean supervisor,
        String language,
        boolean multilingual) {

    public record NavItem(String href, String label, String section) {}

    /** The language the header's link offers instead of the page's. */
    public String otherLanguage() {
        return "es".equals(language) ? "en" : "es";
    }

    /** That language's name, in that language. */
    public String otherLanguageName() {
        return "es".equals(language) ? "English" : "Español";
    }

    public boolean current(NavItem item) {
        return item.section().equals(section);
    }
}
