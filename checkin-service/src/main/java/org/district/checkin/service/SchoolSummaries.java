package org.district.checkin.service;

import io.smallrye.mutiny.infrastructure.Infrastructure;
import java.util.function.Function;
import org.district.checkin.config.SummarySettings;

/**
 * A start page's counts of one school or of the whole district, each kept {@link FreshEnough} for
 * {@link SummarySettings#maxAge()}: one computation per school and period, whoever asks.
 *
 * @param <V> the counts
 */
public final class SchoolSummaries<V> {

    /** Schools are few; a key beyond this many (made up by callers) is counted on every call. */
    private static final int MAX_SCHOOLS = 1000;

    /** The district's counts are kept under this key. */
    private static final String DISTRICT = "";

    private final FreshEnough<String, V> kept;
    private final Function<String, V> count;

    /** @param count the counts of a school, or of the district when given null */
    public SchoolSummaries(SummarySettings settings, Function<String, V> count) {
        this.kept = new FreshEnough<>(
                settings.maxAge(), MAX_SCHOOLS, Infrastructure.getDefaultWorkerPool(), System::nanoTime);
        this.count = count;
    }

    /** The counts of {@code school}, or of the district when it is null. */
    public V of(String school) {
        return kept.get(school == null ? DISTRICT : school, key -> count.apply(DISTRICT.equals(key) ? null : key));
    }
}
