package org.district.inventory.service.csv;

/**
 * How an import treats rejected rows.
 *
 * @param atomic save nothing unless every row is valid
 * @param dryRun check every row and report, saving nothing
 */
public record ImportMode(boolean atomic, boolean dryRun) {

    public static final ImportMode ROW_BY_ROW = new ImportMode(false, false);

    public boolean singleTransaction() {
        return atomic || dryRun;
    }
}
