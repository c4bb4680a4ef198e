package org.district.drills;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a drill counted and what it demands of those counts. Prints the counts, each check with PASS or FAIL, the
 * drill's overall verdict, and one {@code RESULT|} line that {@code drills/run-all.sh} collects into its summary.
 */
final class Verdict {

    private record Check(String name, boolean passed, String detail) {}

    private final String drill;
    private final Map<String, Object> counts = new LinkedHashMap<>();
    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private Throwable error;
    private String headline = "";

    Verdict(String drill) {
        this.drill = drill;
    }

    void count(String name, Object value) {
        counts.put(name, value);
    }

    void check(String name, boolean passed, String detail) {
        checks.add(new Check(name, passed, detail));
    }

    /** The few numbers the run-all summary shows for this drill. */
    void headline(String text) {
        headline = text;
    }

    void note(String text) {
        notes.add(text);
    }

    /** The drill itself broke (a service would not start, a script failed): neither PASS nor FAIL of the fault. */
    void error(Throwable e) {
        error = e;
    }

    boolean passed() {
        return error == null && !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }

    /** Prints everything and returns the exit code: 0 PASS, 1 FAIL, 2 the drill could not run. */
    int print() {
        System.out.println();
        System.out.println("==== " + drill);
        System.out.println("Counts:");
        counts.forEach((k, v) -> System.out.printf("  %-58s %s%n", k, v));
        System.out.println("Checks:");
        for (Check c : checks) {
            System.out.printf("  [%s] %s: %s%n", c.passed() ? "PASS" : "FAIL", c.name(), c.detail());
        }
        for (String n : notes) {
            System.out.println("Note: " + n);
        }
        String outcome;
        int code;
        if (error != null) {
            System.out.println("The drill could not complete: " + error);
            error.printStackTrace(System.out);
            outcome = "ERROR";
            code = 2;
        } else {
            outcome = passed() ? "PASS" : "FAIL";
            code = passed() ? 0 : 1;
        }
        long failed = checks.stream().filter(c -> !c.passed()).count();
        System.out.println();
        System.out.println(
                drill + ": " + outcome + " (" + (checks.size() - failed) + " of " + checks.size() + " checks passed)");
        System.out.println("RESULT|" + drill + "|" + outcome + "|" + headline);
        System.out.flush();
        return code;
    }
}
