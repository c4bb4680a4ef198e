package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** Asks a signed-in person to confirm signing out, when a sign-out did not come from one of the pages' buttons. */
@TemplateData
public record SignOutPage(PageHeader header) {}
