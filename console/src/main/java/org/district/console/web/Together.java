package org.district.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

/**
 * The service calls of one page asked at the same time: a page that needs eight answers waits for the slowest, not
 * for their sum. Each call runs as the signed-in person (the request's context goes with it) on the application's
 * worker pool; a call no worker has taken yet when the page needs its answer is made by the page's own thread, so a
 * busy pool delays a page but can never leave it waiting for itself.
 */
@ApplicationScoped
public class Together {

    @Inject
    ManagedExecutor executor;

    @Inject
    ThreadContext context;

    /** Starts the call; its answer (or its failure, as the call threw it) comes from {@link Call#get()}. */
    public <T> Call<T> start(Supplier<T> call) {
        FutureTask<T> task = new FutureTask<>(context.contextualCallable(call::get));
        executor.execute(task);
        return new Call<>(task);
    }

    /** A call started by {@link #start}. */
    public static final class Call<T> {
        private final FutureTask<T> task;

        private Call(FutureTask<T> task) {
            this.task = task;
        }

        /** The call's answer; a failure is thrown as the call threw it. */
        public T get() {
            // Runs the call here unless a worker has taken it already (a task runs once, whoever starts it).
            task.run();
            try {
                return task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for a service's answer", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
