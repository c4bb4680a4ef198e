package org.district.drills;

import java.util.ArrayList;
import java.util.List;

/**
 * The frame every drill runs in: options, the stack, the verdict, and cleanup. Whatever happens, the services a drill
 * started are stopped and the mail sink closed before the verdict is printed; the exit code is the verdict's.
 */
abstract class Drill {

    /** How long a service may take to start: minutes, not seconds, on a busy shared machine. */
    static final java.time.Duration STARTUP = java.time.Duration.ofMinutes(5);

    final Options options;
    final Stack stack;
    final Verdict verdict;
    private final List<Service> services = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    Drill(String title, String[] args) throws Exception {
        this.options = Options.parse(args);
        this.stack = Stack.from(options);
        this.verdict = new Verdict(title);
    }

    /** Injects the fault and counts; records everything in {@link #verdict}. */
    abstract void run() throws Exception;

    /** A replica this drill starts; it is stopped when the drill ends. */
    Service service(Service.Kind kind, String name, int port) {
        Service s = new Service(stack, kind, name, port);
        services.add(s);
        return s;
    }

    <T extends AutoCloseable> T closeAtEnd(T closeable) {
        closeables.add(closeable);
        return closeable;
    }

    /** A condition a drill waits for; may query databases and the broker. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls the condition every half second; true as soon as it holds, false when the timeout passes first. */
    static boolean waitFor(java.time.Duration timeout, Condition condition) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.holds()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(500);
        }
    }

    /** Runs the drill and exits with its verdict's code. */
    static void execute(Drill drill) {
        Thread cleanup = new Thread(drill::cleanup, "drill-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            Stack.say("Starting the identity provider unless it runs (the services trust it; people sign in there)");
            drill.stack.ensureIdentityProvider();
            drill.run();
        } catch (Throwable e) {
            drill.verdict.error(e);
        }
        drill.cleanup();
        int code = drill.verdict.print();
        System.exit(code);
    }

    private synchronized void cleanup() {
        for (Service s : services) {
            try {
                s.stop();
            } catch (Exception e) {
                System.err.println("could not stop " + s.name + ": " + e);
            }
        }
        services.clear();
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                System.err.println("could not close " + c + ": " + e);
            }
        }
        closeables.clear();
    }
}
