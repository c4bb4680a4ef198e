package org.district.agent;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The server's answer to a check-in; fields the agent does not know are ignored. {@code reportedMissing} is null from a
 * server that does not say (nothing changes then).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckInReply(
        String deviceId,
        Instant receivedAt,
        List<Command> commands,
        Long nextCheckInSeconds,
        Boolean compliant,
        List<Issue> complianceIssues,
        Boolean reportedMissing) {

    public CheckInReply {
        commands = commands == null
                ? List.of()
                : commands.stream().filter(c -> c != null).toList();
        complianceIssues = complianceIssues == null ? List.of() : complianceIssues;
    }

    /** A command to carry out, confirmed by sending its id and nonce back. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Command(String id, String type, String message, String nonce) {}

    /** A way the device falls short of the district's baseline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Issue(String code, String description) {}
}
