package org.district.checkin.rest;

import org.district.checkin.security.DeviceCredentialMechanism;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Describes the device credential in the API document beside the people's bearer tokens. Declared here rather than by
 * an annotation: an annotated scheme would become the one every role-guarded operation is documented with, while only
 * the check-in takes it.
 */
public class DeviceCredentialScheme implements OASFilter {

    /** The scheme's name, which the check-in operation requires. */
    public static final String NAME = "device-credential";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents()
                .addSecurityScheme(
                        NAME,
                        OASFactory.createSecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme(DeviceCredentialMechanism.SCHEME)
                                .description(
                                        "The device's enrolment credential: Authorization: Device dc1.<device id>.<secret>"));
    }
}
