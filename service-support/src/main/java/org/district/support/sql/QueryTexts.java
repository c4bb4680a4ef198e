package org.district.support.sql;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Queries written as text (HQL) whose first parse is made once. Hibernate keeps the parse of each query text, but only
 * once it is finished: until then every request that brings the same text parses it again. On a replica that has just
 * started, a burst of requests so parses the same text many times at once, on a parser whose shared tables are still
 * cold and guarded by locks; measured on the console's device page, the loss reports of a device stalled for five
 * seconds so. Here the first request of each text parses it while the others with that text wait for it, and every
 * later one goes straight to Hibernate's kept parse.
 */
public final class QueryTexts {

    /** Query texts come from fixed fragments; past this many, texts are no longer tracked (only parsed as usual). */
    static final int MAX_TRACKED = 10_000;

    private static final Map<String, Boolean> PARSED = new ConcurrentHashMap<>();

    private QueryTexts() {}

    /** The query of this text, its first parse made by one caller at a time. */
    public static <T> TypedQuery<T> create(EntityManager em, String hql, Class<T> type) {
        if (!PARSED.containsKey(hql) && PARSED.size() < MAX_TRACKED) {
            // Others asking for the same text wait here until this parse is kept; a text that fails is not recorded.
            PARSED.computeIfAbsent(hql, text -> {
                em.createQuery(text, type);
                return Boolean.TRUE;
            });
        }
        return em.createQuery(hql, type);
    }

    /** Whether the first parse of this text has been made here (for tests). */
    static boolean parsed(String hql) {
        return PARSED.containsKey(hql);
    }
}
