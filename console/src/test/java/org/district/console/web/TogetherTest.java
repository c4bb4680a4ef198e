package org.district.console.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.context.SmallRyeManagedExecutor;
import io.smallrye.context.SmallRyeThreadContext;
import jakarta.ws.rs.NotFoundException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TogetherTest {

    private final Together together = new Together();
    private final CountDownLatch release = new CountDownLatch(1);

    private void pool(int threads) {
        together.executor = SmallRyeManagedExecutor.builder()
                .maxAsync(threads)
                .maxQueued(-1)
                .propagated()
                .cleared()
                .build();
        together.context =
                SmallRyeThreadContext.builder().propagated().cleared().build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        together.executor.shutdownNow();
    }

    @Test
    void callsStartedTogetherRunAtTheSameTime() {
        pool(2);
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch second = new CountDownLatch(1);
        // Each call waits for the other to have begun: asked one after the other, neither would ever see the other.
        Together.Call<Boolean> a = together.start(() -> {
            first.countDown();
            return await(second);
        });
        Together.Call<Boolean> b = together.start(() -> {
            second.countDown();
            return await(first);
        });

        assertThat(a.get()).isTrue();
        assertThat(b.get()).isTrue();
    }

    @Test
    void aCallNoWorkerHasTakenIsMadeByThePagesOwnThread() {
        pool(1);
        // The only worker is busy until the test ends: the page's thread makes the call itself instead of waiting.
        together.start(() -> await(release));
        Thread page = Thread.currentThread();
        Together.Call<Thread> call = together.start(Thread::currentThread);

        assertThat(call.get()).isSameAs(page);
    }

    @Test
    void aFailureComesAsTheCallThrewIt() {
        pool(2);
        NotFoundException gone = new NotFoundException("No such device");
        Together.Call<String> call = together.start(() -> {
            throw gone;
        });

        assertThatThrownBy(call::get).isSameAs(gone);
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
