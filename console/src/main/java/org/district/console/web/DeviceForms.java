package org.district.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/** The choices of the devices page's filters, in the order people look for them ({@code inject:deviceForms}). */
@Named("deviceForms")
@ApplicationScoped
public class DeviceForms {

    public static final List<String> STATUSES = List.of(
            "IN_STOCK",
            "ASSIGNED",
            "LOST",
            "STOLEN",
            "RECOVERED",
            "QUARANTINED",
            "IN_REPAIR",
            "RETIRED",
            "WRITTEN_OFF");
    public static final List<String> TYPES =
            List.of("LAPTOP", "CHROMEBOOK", "DESKTOP", "TABLET", "SMARTPHONE", "MESSAGING_DEVICE", "OTHER");
    public static final List<String> OWNERSHIPS = List.of("DISTRICT", "PERSONAL");
    public static final List<String> COMMANDS = List.of("LOCK", "LOCATE", "WIPE");

    public List<String> statuses() {
        return STATUSES;
    }

    public List<String> types() {
        return TYPES;
    }

    public List<String> taskStatuses() {
        return ListPages.TASK_STATUSES;
    }

    public List<String> ownerships() {
        return OWNERSHIPS;
    }
}
