package org.district.support.web;

import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * The answer to an old address of a service's page that now lives in the IT console: a bookmark is sent on for good
 * (301 Moved Permanently) to the console's page that took its place. The way on is always a fixed page of the console
 * that the service names, never anything the request carries.
 */
public final class MovedToConsole {

    private MovedToConsole() {}

    /** 301 Moved Permanently to the console's page at {@code consolePath} (which starts with a slash). */
    public static Response movedTo(ConsoleLinks links, String consolePath) {
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(URI.create(links.console(consolePath)))
                .build();
    }
}
