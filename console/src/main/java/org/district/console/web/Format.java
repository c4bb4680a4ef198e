package org.district.console.web;

import io.quarkus.qute.TemplateExtension;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers the templates use on values. */
@TemplateExtension
public final class Format {

    private Format() {}

    /** The value as one parameter of a query string. */
    public static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
