package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** The sign-in page. */
@TemplateData
public record SignInPage(PageHeader header, String next, String error) {}
