package org.district.inventory.service.csv;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.district.support.domain.ConflictException;
import org.district.support.domain.DomainException;
import org.district.support.domain.Failures;
import org.district.support.domain.FieldViolation;
import org.district.support.domain.InvalidException;
import org.district.support.domain.UnavailableException;
import org.jboss.logging.Logger;

/**
 * Runs an import: reads rows one at a time (bounded memory), saves valid rows in chunks of a configured size, one
 * transaction per chunk, and reports every rejected row. If a chunk fails in the database (say a concurrent change
 * took the same serial number), its rows are retried one by one so only the offending row is rejected.
 */
public final class RowImporter<T> {

    private static final Logger LOG = Logger.getLogger(RowImporter.class);
    private static final FieldViolation UNSAVED_DEPENDENCY =
            new FieldViolation("supervisorDistrictId", "names a person whose own row was not saved.");

    /** A row read from the source: a value to save, or the reasons it cannot be read. */
    public record Parsed<T>(Long line, Integer index, String key, T value, List<FieldViolation> errors) {
        public boolean readable() {
            return errors == null || errors.isEmpty();
        }
    }

    /** Reads rows; null at the end. Throws IOException when the rest of the source cannot be read. */
    @FunctionalInterface
    public interface Source<T> {
        Parsed<T> next() throws IOException;
    }

    /** What saving one row did. */
    public record Result(Outcome outcome, List<FieldViolation> errors) {
        public static Result of(Outcome outcome) {
            return new Result(outcome, List.of());
        }

        public static Result rejected(List<FieldViolation> errors) {
            return new Result(Outcome.REJECTED, errors);
        }
    }

    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED,
        REJECTED,
        /** Depends on a row later in the source (a supervisor); try again after the others. */
        DEFERRED
    }

    /** Validates and saves one row inside the current transaction; returns REJECTED instead of throwing for bad data. */
    @FunctionalInterface
    public interface Saver<T> {
        Result save(T value);
    }

    private final int chunkSize;
    private final Runnable endOfChunk;
    private final int maxErrors;
    private long rows;
    private long created;
    private long updated;
    private long unchanged;
    private long rejected;
    private final List<RowError> errors = new ArrayList<>();
    private String stoppedEarly;

    /**
     * @param endOfChunk run after every {@code chunkSize} rows of a single-transaction import (flush and clear the
     *     persistence context)
     */
    public RowImporter(int chunkSize, int maxErrors, Runnable endOfChunk) {
        this.chunkSize = chunkSize;
        this.maxErrors = maxErrors;
        this.endOfChunk = endOfChunk;
    }

    public ImportReport run(Source<T> source, Saver<T> saver, ImportMode mode) {
        return mode.singleTransaction() ? runInOneTransaction(source, saver, mode) : runInChunks(source, saver);
    }

    private ImportReport runInChunks(Source<T> source, Saver<T> saver) {
        List<Parsed<T>> chunk = new ArrayList<>(chunkSize);
        List<Parsed<T>> deferred = new ArrayList<>();
        readAll(source, row -> {
            if (!row.readable()) {
                reject(row, row.errors());
                return;
            }
            chunk.add(row);
            if (chunk.size() >= chunkSize) {
                saveChunk(chunk, saver, deferred);
                chunk.clear();
            }
        });
        saveChunk(chunk, saver, deferred);
        retryDeferred(deferred, pending -> {
            List<Parsed<T>> next = new ArrayList<>();
            saveChunk(pending, saver, next);
            return next;
        });
        return report(true, false);
    }

    private ImportReport runInOneTransaction(Source<T> source, Saver<T> saver, ImportMode mode) {
        boolean[] committed = {false};
        boolean[] rollbackRequested = {false};
        try {
            QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                Tally tally = new Tally();
                List<Parsed<T>> deferred = new ArrayList<>();
                readAll(source, row -> {
                    tally.add(row, row.readable() ? saver.save(row.value()) : Result.rejected(row.errors()), deferred);
                    if (rows % chunkSize == 0) {
                        // Keeps the persistence context small: without this every query re-checks every row
                        // saved so far, and a long file slows down quadratically.
                        endOfChunk.run();
                        tally.mergeInto(this);
                    }
                });
                tally.mergeInto(this);
                retryDeferred(deferred, pending -> {
                    List<Parsed<T>> next = new ArrayList<>();
                    for (Parsed<T> row : pending) {
                        tally.add(row, saver.save(row.value()), next);
                    }
                    tally.mergeInto(this);
                    return next;
                });
                if (mode.dryRun() || rejected > 0 || stoppedEarly != null) {
                    rollbackRequested[0] = true;
                    QuarkusTransaction.setRollbackOnly();
                } else {
                    committed[0] = true;
                }
            });
        } catch (RuntimeException e) {
            if (rollbackRequested[0]) {
                // The rollback this import asked for (a dry run, or an atomic import with rejected rows).
                return report(false, mode.dryRun());
            }
            DomainException failure = unlessUnavailable(e);
            LOG.warnf("Atomic import rolled back: %s", e.getMessage());
            committed[0] = false;
            if (stoppedEarly == null) {
                stoppedEarly =
                        failure != null ? failure.getMessage() : "The import could not be saved; nothing was changed.";
            }
        }
        return report(committed[0], mode.dryRun());
    }

    /** Reads every row of the source, up to the point it cannot be read past (which the report names). */
    private void readAll(Source<T> source, Consumer<Parsed<T>> each) {
        try {
            Parsed<T> row;
            while ((row = source.next()) != null) {
                rows++;
                each.accept(row);
            }
        } catch (IOException e) {
            stoppedEarly = e.getMessage();
        }
    }

    /** Passes over the rows that wait for another row (a supervisor) while each pass saves some; rejects the rest. */
    private void retryDeferred(List<Parsed<T>> deferred, UnaryOperator<List<Parsed<T>>> pass) {
        List<Parsed<T>> pending = deferred;
        while (!pending.isEmpty()) {
            List<Parsed<T>> next = pass.apply(pending);
            if (next.size() == pending.size()) {
                next.forEach(row -> reject(row, List.of(UNSAVED_DEPENDENCY)));
                break;
            }
            pending = next;
        }
    }

    private void saveChunk(List<Parsed<T>> chunk, Saver<T> saver, List<Parsed<T>> deferred) {
        if (chunk.isEmpty()) {
            return;
        }
        try {
            saveInTransaction(chunk, saver, deferred);
        } catch (RuntimeException e) {
            unlessUnavailable(e);
            LOG.infof("Import chunk failed (%s); saving its %d rows one by one", e.getMessage(), chunk.size());
            for (Parsed<T> row : chunk) {
                try {
                    saveInTransaction(List.of(row), saver, deferred);
                } catch (RuntimeException rowFailure) {
                    reject(row, reasons(unlessUnavailable(rowFailure)));
                }
            }
        }
    }

    /** Saves the rows in a transaction of their own; what they did counts only once it commits. */
    private void saveInTransaction(List<Parsed<T>> batch, Saver<T> saver, List<Parsed<T>> deferred) {
        Tally tally = new Tally();
        List<Parsed<T>> waiting = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (Parsed<T> row : batch) {
                tally.add(row, saver.save(row.value()), waiting);
            }
        });
        tally.mergeInto(this);
        deferred.addAll(waiting);
    }

    /**
     * What a failed save means; rethrown when the database is unavailable, since every later row would fail the same
     * way and the caller should retry the whole import.
     */
    private static DomainException unlessUnavailable(RuntimeException e) {
        DomainException failure = Failures.classify(e);
        if (failure instanceof UnavailableException) {
            throw failure;
        }
        return failure;
    }

    /** Why a row that failed in the database is rejected: the fields the failure names, or its sentence. */
    private static List<FieldViolation> reasons(DomainException failure) {
        if (failure instanceof InvalidException invalid && !invalid.violations().isEmpty()) {
            return invalid.violations();
        }
        if (failure instanceof ConflictException conflict
                && !conflict.violations().isEmpty()) {
            return conflict.violations();
        }
        return List.of(new FieldViolation("row", failure != null ? failure.getMessage() : "could not be saved."));
    }

    private void reject(Parsed<T> row, List<FieldViolation> reasons) {
        rejected++;
        if (errors.size() < maxErrors) {
            errors.add(new RowError(row.line(), row.index(), row.key(), reasons));
        }
    }

    /** A dry run reports what the import would do; a refused atomic import reports nothing saved. */
    private ImportReport report(boolean committed, boolean dryRun) {
        boolean counts = committed || dryRun;
        return new ImportReport(
                rows,
                counts ? created : 0,
                counts ? updated : 0,
                counts ? unchanged : 0,
                rejected,
                committed,
                dryRun,
                stoppedEarly,
                List.copyOf(errors),
                rejected > errors.size());
    }

    /** Outcomes of rows saved in one transaction, counted in the import when merged (once it has committed). */
    private final class Tally {
        long created;
        long updated;
        long unchanged;
        final List<Parsed<T>> rejectedRows = new ArrayList<>();
        final List<List<FieldViolation>> rejectedReasons = new ArrayList<>();

        void add(Parsed<T> row, Result result, List<Parsed<T>> deferred) {
            switch (result.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> {
                    rejectedRows.add(row);
                    rejectedReasons.add(result.errors());
                }
                case DEFERRED -> deferred.add(row);
            }
        }

        void mergeInto(RowImporter<T> importer) {
            importer.created += created;
            importer.updated += updated;
            importer.unchanged += unchanged;
            for (int i = 0; i < rejectedRows.size(); i++) {
                importer.reject(rejectedRows.get(i), rejectedReasons.get(i));
            }
            created = 0;
            updated = 0;
            unchanged = 0;
            rejectedRows.clear();
            rejectedReasons.clear();
        }
    }
}
