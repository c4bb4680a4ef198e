package org.district.inventory;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An endpoint of the tests only, that says nothing about who may call it, as a new endpoint might be written by
 * mistake: the service must refuse it to everyone (quarkus.security.jaxrs.deny-unannotated-endpoints).
 */
@Path("/api/v1/unannotated-probe")
public class UnannotatedProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String secret() {
        return "reached";
    }
}
