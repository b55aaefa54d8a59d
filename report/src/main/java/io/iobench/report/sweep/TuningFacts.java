package io.iobench.report.sweep;

import io.iobench.report.document.Block.Fact;
import io.iobench.results.HostTuning;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The host's tuning as the report shows it (each setting by the name it is set by, {@code net.core.somaxconn}) and as
 * two sweeps differ in it ({@code net.core.somaxconn: 4096 → 128}). Figures from two hosts compare only when these
 * are the same, or differ as meant.
 */
public final class TuningFacts {

    /** How a setting the kernel did not expose (no cpufreq driver in a VM) shows. */
    static final String NOT_EXPOSED = "not exposed";

    private static final String NOT_AFFECTED = "Not affected";

    private TuningFacts() {
    }

    /**
     * A fact per setting, in the record's order; the CPU vulnerabilities last, as one: those in force, then the ones
     * that do not affect the CPU by name. Empty when no tuning was recorded.
     */
    public static List<Fact> facts(HostTuning tuning) {
        List<Fact> facts = new ArrayList<>();
        if (tuning == null) {
            return facts;
        }
        List<String> inForce = new ArrayList<>();
        List<String> notAffected = new ArrayList<>();
        for (Map.Entry<String, String> setting : tuning.settings().entrySet()) {
            String name = setting.getKey();
            String value = setting.getValue();
            if (name.startsWith(HostTuning.VULNERABILITY)) {
                String vulnerability = name.substring(HostTuning.VULNERABILITY.length());
                if (NOT_AFFECTED.equals(value)) {
                    notAffected.add(vulnerability);
                } else {
                    inForce.add(vulnerability + ": " + value);
                }
                continue;
            }
            facts.add(new Fact(name, value == null ? NOT_EXPOSED : value, name.equals("kernel command line")));
        }
        if (tuning.vulnerabilities() != null) {
            facts.add(vulnerabilities(inForce, notAffected));
        }
        return facts;
    }

    /**
     * Every setting whose value differs between {@code a} and {@code b}, each as a fact named by the setting with the
     * value {@code 4096 → 128}, in the record's order; a setting only one side recorded shows as {@value #NOT_EXPOSED}
     * on the other. Empty when they are the same; null when either was not recorded, as in files older than it.
     */
    public static List<Fact> differences(HostTuning a, HostTuning b) {
        if (a == null || b == null) {
            return null;
        }
        Map<String, String> settingsA = a.settings();
        Map<String, String> settingsB = b.settings();
        Set<String> names = new LinkedHashSet<>(settingsA.keySet());
        names.addAll(settingsB.keySet());
        List<Fact> differences = new ArrayList<>();
        for (String name : names) {
            String valueA = settingsA.get(name);
            String valueB = settingsB.get(name);
            if (!Objects.equals(valueA, valueB)) {
                differences.add(new Fact(name, shown(valueA) + " → " + shown(valueB), false));
            }
        }
        return differences;
    }

    /** A difference as one line: {@code net.core.somaxconn: 4096 → 128}. */
    public static String line(Fact difference) {
        return difference.label() + ": " + difference.value();
    }

    private static Fact vulnerabilities(List<String> inForce, List<String> notAffected) {
        List<String> parts = new ArrayList<>(inForce);
        if (!notAffected.isEmpty()) {
            parts.add("not affected: " + String.join(", ", notAffected));
        }
        return new Fact("CPU vulnerabilities", parts.isEmpty() ? "none listed" : String.join("; ", parts), false);
    }

    private static String shown(String value) {
        return value == null ? NOT_EXPOSED : value;
    }
}
