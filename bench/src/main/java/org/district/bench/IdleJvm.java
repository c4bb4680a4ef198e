package org.district.bench;

/**
 * The baseline for start time and memory: a JVM with the same heap settings that does nothing but say it is ready
 * and wait. A service's start time and resident memory are quoted as ratios to this process's, measured in the same
 * run.
 */
public final class IdleJvm {
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.parseLong(args.length > 0 ? args[0] : "60000"));
    }
}
