package org.district.support.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class QueryTextsTest {

    private final ExecutorService requests = Executors.newFixedThreadPool(2);
    private final AtomicInteger parsing = new AtomicInteger();
    private final AtomicInteger parses = new AtomicInteger();
    private final CountDownLatch firstParseMayEnd = new CountDownLatch(1);

    /** An entity manager whose first parse of a text lasts until the test lets it end; it counts parses under way. */
    private final EntityManager em = (EntityManager) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                if (!method.getName().equals("createQuery")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                parsing.incrementAndGet();
                try {
                    if (parses.incrementAndGet() == 1) {
                        firstParseMayEnd.await(10, TimeUnit.SECONDS);
                    }
                    return typedQuery();
                } finally {
                    parsing.decrementAndGet();
                }
            });

    @AfterEach
    void stop() {
        firstParseMayEnd.countDown();
        requests.shutdownNow();
    }

    @Test
    void requestsBringingATextWhoseFirstParseIsUnderWayWaitForIt() {
        String text = "from Report where status = :status and device = :device " + System.nanoTime();
        CompletableFuture<TypedQuery<Object>> first =
                CompletableFuture.supplyAsync(() -> QueryTexts.create(em, text, Object.class), requests);
        await().atMost(Duration.ofSeconds(10)).until(() -> parsing.get() == 1);
        CompletableFuture<TypedQuery<Object>> second =
                CompletableFuture.supplyAsync(() -> QueryTexts.create(em, text, Object.class), requests);

        // The second request waits for the first parse instead of parsing the same text beside it.
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(5)).until(() -> parsing.get() == 1);
        assertThat(second).isNotDone();

        firstParseMayEnd.countDown();
        assertThat(first.join()).isNotNull();
        assertThat(second.join()).isNotNull();
        assertThat(QueryTexts.parsed(text)).isTrue();
    }

    @Test
    void aTextAlreadyParsedIsNotWaitedFor() {
        firstParseMayEnd.countDown();
        String text = "from Report where id = :id " + System.nanoTime();
        QueryTexts.create(em, text, Object.class);
        int before = parses.get();

        QueryTexts.create(em, text, Object.class);

        // One call to the entity manager (its own kept parse), no second first-parse.
        assertThat(parses.get()).isEqualTo(before + 1);
    }

    @SuppressWarnings("unchecked")
    private static TypedQuery<Object> typedQuery() {
        return (TypedQuery<Object>) Proxy.newProxyInstance(
                QueryTextsTest.class.getClassLoader(), new Class<?>[] {TypedQuery.class}, (p, m, a) -> null);
    }
}
