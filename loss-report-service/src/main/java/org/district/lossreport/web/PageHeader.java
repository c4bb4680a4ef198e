package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** Who is signed in, for the page header and its sign-out button, and the form's CSRF token. */
@TemplateData
public record PageHeader(String signedInAs, String csrf) {
    public boolean signedIn() {
        return signedInAs != null;
    }
}
