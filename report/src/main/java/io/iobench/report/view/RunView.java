package io.iobench.report.view;

import io.iobench.results.PointStatistics;
import io.iobench.results.RunResult;
import io.iobench.results.StoredRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A stored run as the report shows it: its point of the plan ({@link RunKey}), its figures ({@link Metric}), how
 * far they can be trusted ({@link RunStatus}) and the words of its flags and errors columns.
 */
public final class RunView {

    /**
     * Steal from this share of a side's CPU time up is named beside the flags: the process pinned there stalled
     * that often, unseen in its own CPU time. A VM shows some steal in most runs; below this it is noise.
     */
    public static final double STEAL_NOTED_PCT = PointStatistics.STEAL_MARKED_PCT;
    /** The mark of a run a profiler ran over ({@code --prof}): its figures include the profiler's cost. */
    public static final String PROFILED = "profiled";

    private final StoredRun stored;
    private final RunKey key;

    private RunView(StoredRun stored, RunKey key) {
        this.stored = stored;
        this.key = key;
    }

    public static RunView of(StoredRun stored) {
        return of(stored, false);
    }

    /**
     * @param threadsInLabel whether the run's model is one the sweep ran at several thread counts (a pool-size
     *                       axis): its label then carries them, {@code thread-pool ×64}, so each count is a line of
     *                       its own in every chart and table
     */
    static RunView of(StoredRun stored, boolean threadsInLabel) {
        RunResult.Point point = stored.result().point();
        Slice slice = new Slice(point.size(), point.idleConnections(), point.mode(),
                point.rateTargetMsgsPerS() == null ? null : point.rateTargetMsgsPerS().doubleValue());
        String model = point.model() == null ? "unknown" : point.model();
        if (threadsInLabel && point.threads() != null) {
            model = model + " ×" + point.threads();
        }
        return new RunView(stored, new RunKey(model, point.connections(), slice));
    }

    /** The threads column: the server's IO or worker threads, {@code per conn} for a thread per connection. */
    public String threadsText() {
        Integer threads = stored.result().point().threads();
        return threads == null ? NumberText.MISSING : threads == 0 ? "per conn" : NumberText.format(threads, true);
    }

    /**
     * The host the load went to, from the point's {@code host:port} target ({@code [::1]:40000} gives {@code ::1});
     * null when the run never started.
     */
    public String targetHost() {
        String target = stored.result().point().target();
        if (target == null || target.isBlank()) {
            return null;
        }
        if (target.startsWith("[") && target.contains("]")) {
            return target.substring(1, target.indexOf(']'));
        }
        int colon = target.lastIndexOf(':');
        // One colon is host:port; more without brackets is a bare IPv6 address.
        return colon > 0 && target.indexOf(':') == colon ? target.substring(0, colon) : target;
    }

    /** Whether several clients on other hosts carried this run together: its result keeps each one's share. */
    public boolean remoteClients() {
        return stored.result().clients() != null;
    }

    /** The run's directory name, e.g. {@code selector-c100-s64}. */
    public String id() {
        return stored.id();
    }

    public Path dir() {
        return stored.dir();
    }

    public RunKey key() {
        return key;
    }

    /** The whole result, for what no {@link Metric} covers (environment, pipeline). */
    public RunResult result() {
        return stored.result();
    }

    /** The metric's value, or null when the run did not measure it. */
    public Double value(Metric metric) {
        return metric.of(stored.result());
    }

    /**
     * Failed (or invalid: {@code corrupt}), flagged by a flag that makes its figures suspect or by errors the
     * client counted, or good ({@code both_saturated} is not suspect).
     */
    public RunStatus status() {
        RunResult.RunFlags flags = stored.result().flags();
        if (flags.failed() || flags.invalid()) {
            return RunStatus.FAILED;
        }
        Long errors = errorCount();
        return flags.raised().stream().anyMatch(RunResult.RunFlags.Flag::suspect) || errors != null && errors > 0
                ? RunStatus.FLAGGED : RunStatus.GOOD;
    }

    /**
     * What marks a completed run: its raised flags, then {@code errors 12 (connect 12)} when the client counted
     * errors, which make its figures those of the connections and messages that worked.
     */
    public List<String> marks() {
        List<String> marks = new ArrayList<>(flags());
        Long errors = errorCount();
        if (errors != null && errors > 0) {
            marks.add("errors " + errorText());
        }
        if (stored.result().profiled()) {
            marks.add(PROFILED);
        }
        return List.copyOf(marks);
    }

    /** The raised flags by their result-format names: {@code client_bound}, {@code both_saturated}, ... */
    public List<String> flags() {
        return stored.result().flags().raised().stream().map(RunResult.RunFlags.Flag::fieldName).toList();
    }

    /**
     * Why the run failed, in one line, or why its figures are invalid ({@code corrupt: 408 echoes came back with
     * wrong bytes}); a placeholder when the writer gave no reason.
     */
    public String failureReason() {
        RunResult.RunFlags flags = stored.result().flags();
        if (!flags.failed() && flags.corrupt()) {
            RunResult.Errors errors = stored.result().errors();
            long wrong = errors == null ? 0 : errors.mismatch();
            return "corrupt: " + NumberText.format(wrong, true) + (wrong == 1 ? " echo" : " echoes")
                    + " came back with wrong bytes";
        }
        String reason = flags.reason();
        return reason == null || reason.isBlank() ? "no reason recorded" : reason;
    }

    /** Whether the run completed but its figures mean nothing ({@code corrupt}): shown as a failed run is. */
    public boolean invalid() {
        RunResult.RunFlags flags = stored.result().flags();
        return !flags.failed() && flags.invalid();
    }

    /**
     * The flags column: {@code FAILED: reason} or {@code INVALID: reason}, the {@link #marks}, or empty for a good
     * run; then what the hypervisor stole from either side's CPUs, where that reached {@link #STEAL_NOTED_PCT}.
     */
    public String statusText() {
        String status = status() == RunStatus.FAILED ? (invalid() ? "INVALID: " : "FAILED: ") + failureReason()
                : String.join(", ", marks());
        String steal = stealNote();
        return steal == null ? status : status.isEmpty() ? steal : status + "; " + steal;
    }

    /** What the hypervisor stole from the sides whose steal reached {@link #STEAL_NOTED_PCT}; null for none. */
    public String stealNote() {
        RunResult result = stored.result();
        Map<String, Double> steal = new LinkedHashMap<>();
        steal.put("server", result.server() == null ? null : result.server().cpuStealPct());
        steal.put("client", result.client() == null ? null : result.client().cpuStealPct());
        List<String> stolen = new ArrayList<>();
        steal.forEach((side, percent) -> {
            if (percent != null && percent >= STEAL_NOTED_PCT) {
                stolen.add(String.format(Locale.ROOT, "%.1f%% of the %s's", percent, side));
            }
        });
        return stolen.isEmpty() ? null : "the hypervisor stole " + String.join(" and ", stolen) + " CPU time";
    }

    /** Client-side errors of every kind, summed; null when the run recorded none at all. */
    public Long errorCount() {
        RunResult.Errors errors = stored.result().errors();
        return errors == null ? null : errors.total();
    }

    /** The errors column: {@code 0}, or the total with its non-zero kinds, {@code 12 (io 10, timeout 2)}. */
    public String errorText() {
        RunResult.Errors errors = stored.result().errors();
        if (errors == null) {
            return NumberText.MISSING;
        }
        Map<String, Long> byKind = new LinkedHashMap<>();
        byKind.put("connect", errors.connect());
        byKind.put("io", errors.io());
        byKind.put("reset", errors.reset());
        byKind.put("refused", errors.refused());
        byKind.put("mismatch", errors.mismatch());
        byKind.put("timeout", errors.timeout());
        byKind.put("backlog_overflow", errors.backlogOverflow());
        List<String> kinds = new ArrayList<>();
        byKind.forEach((kind, count) -> {
            if (count != 0) {
                kinds.add(kind + " " + NumberText.format(count, true));
            }
        });
        String text = NumberText.format(errors.total(), true);
        return kinds.isEmpty() ? text : text + " (" + String.join(", ", kinds) + ")";
    }

    /** The run's {@code .hgrm} file, uncorrected or corrected; empty when the run has none. */
    public Optional<Path> hgrm(boolean corrected) {
        return stored.hgrm(corrected);
    }

    @Override
    public String toString() {
        return stored.id();
    }
}
