package io.iobench.sweep;

import io.iobench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which completed runs the sweep cannot vouch for as a repetition of their point, although they measured: on a VM
 * the hypervisor can take a side's CPUs mid-run (the reference run lost a third of both CPUs for one point), which
 * stalls the process pinned there without showing in its own CPU time, and a run flagged client_bound measured the
 * client. Such a run is kept, marked noisy with the reason, and run once more at the end of its round: both stay in
 * the data, and the report can tell them apart. A failed or corrupt run is not noisy: it is failed or invalid, and
 * a re-run would hide a model's own failure.
 */
final class NoiseGate {

    /** Steal, percent of a side's CPUs' time, from which a run is noisy. */
    static final double MAX_STEAL_PCT = 2.0;

    private NoiseGate() {
    }

    /**
     * @return why {@code result} is noisy, such as {@code server cpu_steal_pct 3.4 >= 2; client_bound}, or empty
     *         for a clean run (and for a failed or corrupt one)
     */
    static Optional<String> noise(RunResult result) {
        RunResult.RunFlags flags = result.flags();
        if (flags.failed() || flags.corrupt()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>();
        if (result.server() != null) {
            stolen("server", result.server().cpuStealPct(), reasons);
        }
        if (result.client() != null) {
            stolen("client", result.client().cpuStealPct(), reasons);
        }
        if (flags.clientBound()) {
            reasons.add(RunResult.RunFlags.Flag.CLIENT_BOUND.fieldName());
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /**
     * @return whether {@code result} speaks for its point's figures: it completed, echoed correctly and was not
     *         noisy
     */
    static boolean clean(RunResult result) {
        RunResult.RunFlags flags = result.flags();
        return !flags.failed() && !flags.corrupt() && result.throughput() != null && noise(result).isEmpty();
    }

    private static void stolen(String side, Double stealPct, List<String> reasons) {
        if (stealPct != null && stealPct >= MAX_STEAL_PCT) {
            reasons.add(String.format(Locale.ROOT, "%s cpu_steal_pct %.1f >= %s", side, stealPct,
                    formatted(MAX_STEAL_PCT)));
        }
    }

    private static String formatted(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
