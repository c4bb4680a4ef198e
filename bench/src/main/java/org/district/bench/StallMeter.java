package org.district.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * How long the machine stopped running this process during a measurement. A thread asks to wake every millisecond
 * and records by how much it woke late; a late wake-up of tens or hundreds of milliseconds means nothing in this
 * process ran (the scheduler, the hypervisor or a pause of this JVM held it), and a server on the same machine was most
 * likely held too. With it, the machine's steal time (what the hypervisor gave to other machines, from /proc/stat) over
 * the same window. A step that misses its latency target with a long stall here missed because of the machine; one
 * that misses without a stall missed in the service, the database or the network stack.
 */
final class StallMeter {

    /** Figures of one window: the longest late wake-up and the steal time, both in milliseconds. */
    record Window(long longestStallMillis, long stealMillis) {

        String describe() {
            return String.format("longest stall %d ms, steal %d ms", longestStallMillis, stealMillis);
        }

        String cell() {
            return longestStallMillis + " / " + stealMillis;
        }
    }

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final AtomicLong longest = new AtomicLong();
    private volatile long stealAtStart;

    StallMeter() {
        Thread t = new Thread(this::watch, "stall-meter");
        t.setDaemon(true);
        t.setPriority(Thread.MAX_PRIORITY);
        t.start();
        stealAtStart = stealMillis();
    }

    /** Starts a new window. */
    void reset() {
        longest.set(0);
        stealAtStart = stealMillis();
    }

    /** The figures since the last {@link #reset()}. */
    Window window() {
        return new Window(TimeUnit.NANOSECONDS.toMillis(longest.get()), Math.max(0, stealMillis() - stealAtStart));
    }

    private void watch() {
        while (true) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PERIOD_NANOS);
            long late = System.nanoTime() - before - PERIOD_NANOS;
            longest.accumulateAndGet(late, Math::max);
        }
    }

    /** Steal time of all cores (the eighth field of /proc/stat's first line), in ms; 0 where it cannot be read. */
    static long stealMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            return f.length > 8 ? Long.parseLong(f[8]) * 10 : 0;
        } catch (Exception e) {
            return 0;
        }
    }
}
