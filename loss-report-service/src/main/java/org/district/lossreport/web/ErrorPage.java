package org.district.lossreport.web;

import io.quarkus.qute.TemplateData;

/** An error page: what went wrong, in words for the person, and the id to quote to IT. */
@TemplateData
public record ErrorPage(PageHeader header, int status, String title, String message, String correlationId) {}
