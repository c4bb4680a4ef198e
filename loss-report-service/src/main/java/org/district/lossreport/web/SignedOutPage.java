package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** The page a person lands on after signing out. */
@TemplateData
public record SignedOutPage(PageHeader header) {}
