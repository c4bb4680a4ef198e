package org.district.inventory.service;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The owner asks again: to renew an approval that ends soon, or after a refusal, an expiry or a removal. */
@Schema(
        description = "The owner asks again: to renew an approval that ends within 30 days, or after a refusal, an"
                + " expiry or a removal. The purpose stays as it was unless a new one is given.",
        example = "{\"purpose\": \"Grading and lesson planning, and the robotics club's scheduling.\"}")
public record PersonalDeviceRenewalRequest(
        @Size(max = 500)
                @Schema(
                        description = "A new purpose, at most 500 characters; the earlier one stays when absent",
                        maxLength = 500,
                        example = "Grading and lesson planning, and the robotics club's scheduling.")
                String purpose) {}
