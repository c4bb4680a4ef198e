package org.district.support.history;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * What every entry of a history has, whatever it records (a device's or a person's changes, a loss report's steps):
 * who did what, and when. Entries are numbered in the order they were written.
 */
@MappedSuperclass
public abstract class ActionEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public Instant occurredAt;

    /** Who did it, for example {@code IT_ADMIN:E1001}, or the system part that did. */
    @Column(nullable = false)
    public String actor;

    /** What was done, in the history's own words (REGISTERED, ASSIGNED, NOTE, RECOVERED, ...). */
    @Column(nullable = false)
    public String action;
}
