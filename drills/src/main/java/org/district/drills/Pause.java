package org.district.drills;

import java.util.concurrent.TimeUnit;

/** A drill's deliberate pause: letting a fault last, or giving late duplicates a chance to show up. */
final class Pause {
    private Pause() {}

    static void seconds(double seconds) throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep((long) (seconds * 1000));
    }
}
