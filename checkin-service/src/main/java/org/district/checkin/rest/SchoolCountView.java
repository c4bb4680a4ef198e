package org.district.checkin.rest;

/** Overdue devices of one school. */
public record SchoolCountView(String school, long overdue) {}
