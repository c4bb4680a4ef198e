package org.district.inventory.service.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.district.support.problem.FieldViolation;
import org.district.support.problem.ProblemException;
import org.district.support.problem.ProblemMappers;
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
        if (mode.singleTransaction()) {
            return runInOneTransaction(source, saver, mode);
        }
        List<Parsed<T>> chunk = new ArrayList<>(chunkSize);
        List<Parsed<T>> deferred = new ArrayList<>();
        try {
            Parsed<T> row;
            while ((row = source.next()) != null) {
                rows++;
                if (!row.readable()) {
                    reject(row, row.errors());
                    continue;
                }
                chunk.add(row);
                if (chunk.size() >= chunkSize) {
                    saveChunk(chunk, saver, deferred);
                    chunk.clear();
                }
            }
        } catch (IOException e) {
            stoppedEarly = e.getMessage();
        }
        saveChunk(chunk, saver, deferred);
        // Rows waiting for another row (a supervisor) are retried while each pass makes progress.
        List<Parsed<T>> pending = deferred;
        while (!pending.isEmpty()) {
            List<Parsed<T>> next = new ArrayList<>();
            saveChunk(pending, saver, next);
            if (next.size() == pending.size()) {
                next.forEach(row -> reject(row, List.of(UNSAVED_DEPENDENCY)));
                break;
            }
            pending = next;
        }
        return report(true, false);
    }

    private ImportReport runInOneTransaction(Source<T> source, Saver<T> saver, ImportMode mode) {
        boolean[] committed = {false};
        boolean[] rollbackRequested = {false};
        try {
            QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
                List<Parsed<T>> deferred = new ArrayList<>();
                try {
                    Parsed<T> row;
                    while ((row = source.next()) != null) {
                        rows++;
                        if (!row.readable()) {
                            reject(row, row.errors());
                        } else {
                            count(row, saver.save(row.value()), deferred);
                        }
                        if (rows % chunkSize == 0) {
                            // Keeps the persistence context small: without this every query re-checks every row
                            // saved so far, and a long file slows down quadratically.
                            endOfChunk.run();
                        }
                    }
                } catch (IOException e) {
                    stoppedEarly = e.getMessage();
                }
                List<Parsed<T>> pending = deferred;
                while (!pending.isEmpty()) {
                    List<Parsed<T>> next = new ArrayList<>();
                    for (Parsed<T> row : pending) {
                        count(row, saver.save(row.value()), next);
                    }
                    if (next.size() == pending.size()) {
                        next.forEach(row -> reject(row, List.of(UNSAVED_DEPENDENCY)));
                        break;
                    }
                    pending = next;
                }
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
            ProblemException problem = ProblemMappers.classify(e);
            if (problem != null && problem.status() == 503) {
                throw problem;
            }
            LOG.warnf("Atomic import rolled back: %s", e.getMessage());
            committed[0] = false;
            if (stoppedEarly == null) {
                stoppedEarly =
                        problem != null ? problem.getMessage() : "The import could not be saved; nothing was changed.";
            }
        }
        return report(committed[0], mode.dryRun());
    }

    private void saveChunk(List<Parsed<T>> chunk, Saver<T> saver, List<Parsed<T>> deferred) {
        if (chunk.isEmpty()) {
            return;
        }
        Counts counts = new Counts();
        List<Parsed<T>> chunkDeferred = new ArrayList<>();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                counts.clear();
                chunkDeferred.clear();
                for (Parsed<T> row : chunk) {
                    counts.add(row, saver.save(row.value()), chunkDeferred);
                }
            });
            counts.mergeInto(this);
            deferred.addAll(chunkDeferred);
        } catch (RuntimeException e) {
            ProblemException problem = ProblemMappers.classify(e);
            if (problem != null && problem.status() == 503) {
                throw problem;
            }
            LOG.infof("Import chunk failed (%s); saving its %d rows one by one", e.getMessage(), chunk.size());
            for (Parsed<T> row : chunk) {
                Counts single = new Counts();
                List<Parsed<T>> singleDeferred = new ArrayList<>();
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        single.clear();
                        singleDeferred.clear();
                        single.add(row, saver.save(row.value()), singleDeferred);
                    });
                    single.mergeInto(this);
                    deferred.addAll(singleDeferred);
                } catch (RuntimeException rowFailure) {
                    ProblemException rowProblem = ProblemMappers.classify(rowFailure);
                    if (rowProblem != null && rowProblem.status() == 503) {
                        throw rowProblem;
                    }
                    String message = rowProblem != null ? rowProblem.getMessage() : "could not be saved.";
                    reject(
                            row,
                            rowProblem != null && !rowProblem.errors().isEmpty()
                                    ? rowProblem.errors()
                                    : List.of(new FieldViolation("row", message)));
                }
            }
        }
    }

    private void count(Parsed<T> row, Result result, List<Parsed<T>> deferred) {
        switch (result.outcome()) {
            case CREATED -> created++;
            case UPDATED -> updated++;
            case UNCHANGED -> unchanged++;
            case REJECTED -> reject(row, result.errors());
            case DEFERRED -> deferred.add(row);
        }
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

    /** Outcomes of one chunk, merged only when its transaction commits. */
    private final class Counts {
        long created;
        long updated;
        long unchanged;
        final List<Parsed<T>> rejectedRows = new ArrayList<>();
        final List<List<FieldViolation>> rejectedReasons = new ArrayList<>();

        void clear() {
            created = 0;
            updated = 0;
            unchanged = 0;
            rejectedRows.clear();
            rejectedReasons.clear();
        }

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
        }
    }
}
