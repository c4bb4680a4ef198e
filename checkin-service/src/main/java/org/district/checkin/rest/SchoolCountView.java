package org.district.checkin.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Overdue devices of one school. */
@Schema(description = "Overdue devices of one school")
public record SchoolCountView(
        @Schema(description = "The school's code", required = true, example = "LINCOLN-HS") String school,
        @Schema(description = "Its overdue devices", required = true, minimum = "1", example = "12") long overdue) {}
