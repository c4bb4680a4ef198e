package org.district.agent;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.LocalDate;
import java.util.List;

/**
 * The JSON a check-in sends. Unknown facts are sent as null; {@code location} is always null (the agent invents no
 * coordinates).
 */
@JsonPropertyOrder({
    "os",
    "lastPatchDate",
    "antivirus",
    "diskEncryption",
    "passwordProtection",
    "network",
    "location",
    "locked",
    "completedCommands"
})
public record CheckInBody(
        Facts.Os os,
        LocalDate lastPatchDate,
        Facts.Antivirus antivirus,
        Boolean diskEncryption,
        Boolean passwordProtection,
        Facts.Network network,
        Object location,
        Boolean locked,
        List<CompletedCommand> completedCommands) {

    /** The most command results one check-in carries. */
    public static final int MAX_COMPLETED = 20;

    static CheckInBody of(Facts facts, Boolean locked, List<CompletedCommand> completed) {
        return new CheckInBody(
                facts.os(),
                facts.lastPatchDate(),
                facts.antivirus(),
                facts.diskEncryption(),
                facts.passwordProtection(),
                facts.network(),
                null,
                locked,
                List.copyOf(completed));
    }
}
