package org.district.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time spent during a measurement, from Linux's /proc: the whole machine (busy time of every core), the service
 * under test, this load generator, every PostgreSQL process and every Kafka broker. Divided by the requests served, it
 * gives what one request costs in CPU, a figure that a noisy, shared machine disturbs far less than a latency
 * percentile does.
 */
public final class CpuMeter {

    /** CPU time in microseconds, by consumer. */
    public record Sample(long machine, long service, long generator, long postgres, long kafka) {

        Sample minus(Sample earlier) {
            return new Sample(
                    machine - earlier.machine,
                    service - earlier.service,
                    generator - earlier.generator,
                    postgres - earlier.postgres,
                    kafka - earlier.kafka);
        }

        /** The share of one request, when this sample covers {@code requests} requests. */
        public Sample per(long requests) {
            long n = Math.max(1, requests);
            return new Sample(machine / n, service / n, generator / n, postgres / n, kafka / n);
        }

        /** For a per-request sample: a table cell, machine first and its parts in brackets. */
        public String cell() {
            return String.format("%d (%d / %d / %d / %d)", machine, service, generator, postgres, kafka);
        }

        /** For a per-request sample: its figures as one line. */
        public String describe() {
            return String.format(
                    "cpu/request: machine %d us, service %d us, generator %d us, postgres %d us, kafka %d us",
                    machine, service, generator, postgres, kafka);
        }
    }

    /** Linux's clock tick (USER_HZ), the unit of /proc's CPU times: 100 per second on every mainstream kernel. */
    private static final long MICROS_PER_TICK = 10_000;

    private final long servicePid;

    public CpuMeter(long servicePid) {
        this.servicePid = servicePid;
    }

    /** Whether /proc can be read here (Linux); elsewhere every sample is zero. */
    public static boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    public Sample sample() {
        if (!available()) {
            return new Sample(0, 0, 0, 0, 0);
        }
        return new Sample(
                machineBusy(),
                process(servicePid),
                process(ProcessHandle.current().pid()),
                postgres(),
                kafka());
    }

    /** Runs the measurement and returns the CPU it cost. */
    public Sample during(Runnable measurement) {
        Sample before = sample();
        measurement.run();
        return sample().minus(before);
    }

    /**
     * Busy time of all cores: user, nice, system, irq and softirq from the first line of /proc/stat (not idle or
     * iowait, and not steal, which is time the hypervisor gave to other machines).
     */
    static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 7; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * MICROS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** User plus system time of one process (all its threads), 0 if it is gone. */
    static long process(long pid) {
        return cpuTime(Path.of("/proc/" + pid + "/stat"));
    }

    /** User plus system time from a process's or a thread's stat file, 0 if it is gone. */
    private static long cpuTime(Path stat) {
        try {
            String s = Files.readString(stat);
            // The command name may hold spaces; the fields after it are fixed: utime and stime are 14 and 15.
            String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MICROS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Every process whose command is postgres (the server and its backends, autovacuum included). */
    static long postgres() {
        return sum(CpuMeter::isPostgres);
    }

    /** Every Kafka broker on the machine (a JVM whose main class is kafka.Kafka). */
    static long kafka() {
        return sum(CpuMeter::isKafkaBroker);
    }

    private static long sum(Predicate<Path> which) {
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(which)
                    .mapToLong(p -> process(Long.parseLong(p.getFileName().toString())))
                    .sum();
        } catch (IOException e) {
            return 0;
        }
    }

    private static boolean isKafkaBroker(Path proc) {
        try {
            // The command line's arguments are separated by NUL characters.
            return Files.readString(proc.resolve("cmdline")).contains("\0kafka.Kafka\0");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * CPU time of the service's just-in-time compiler threads (HotSpot names them "C1 CompilerThre..." and "C2
     * CompilerThre..."), in microseconds: a service still compiling its hot paths during a measurement spends part of
     * its CPU there, which a longer-running one does not.
     */
    public long serviceCompilers() {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/" + servicePid + "/task"))) {
            return tasks.filter(t -> {
                        try {
                            return Files.readString(t.resolve("comm")).contains("CompilerThre");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(t -> cpuTime(t.resolve("stat")))
                    .sum();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static boolean isPostgres(Path proc) {
        try {
            return Files.readString(proc.resolve("comm")).trim().equals("postgres");
        } catch (IOException e) {
            return false;
        }
    }
}
