package org.district.console.web;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Locale;
import java.util.Map;

/**
 * Schools by name: "Lincoln High School" for LINCOLN-HS, from the district's list (district.schools.names.LINCOLN-HS=
 * Lincoln High School); a school the list does not name is shown as its code in words ("Lincoln HS").
 */
@Named("schools")
@ApplicationScoped
public class Schools {

    @ConfigMapping(prefix = "district.schools")
    public interface Directory {
        Map<String, String> names();
    }

    @Inject
    Directory directory;

    public String name(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String named = directory.names().get(code);
        return named != null ? named : words(code);
    }

    static String words(String code) {
        StringBuilder out = new StringBuilder();
        for (String part : code.split("[-_ ]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            boolean abbreviation = part.length() <= 3 || part.chars().anyMatch(Character::isDigit);
            out.append(
                    abbreviation
                            ? part.toUpperCase(Locale.ROOT)
                            : part.substring(0, 1).toUpperCase(Locale.ROOT)
                                    + part.substring(1).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
