package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/**
 * Who is signed in, for the page header, and the CSRF token its sign-out button sends (null where the browser holds
 * none that this page could repeat).
 */
@TemplateData
public record PageHeader(String signedInAs, String formToken) {

    /** The header of a page nobody is signed in to. */
    public static PageHeader anonymous() {
        return new PageHeader(null, null);
    }

    public boolean signedIn() {
        return signedInAs != null;
    }
}
