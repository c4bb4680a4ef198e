package org.district.agent;

/** Reads the facts a check-in reports from the machine. Never throws: what it cannot read is reported unknown. */
public interface FactCollector {

    /** Reads the facts now. */
    Facts collect();
}
