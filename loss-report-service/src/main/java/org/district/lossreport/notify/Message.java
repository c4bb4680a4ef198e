package org.district.lossreport.notify;

/** The words of a notification: a subject line and a plain-text body. */
public record Message(String subject, String body) {}
