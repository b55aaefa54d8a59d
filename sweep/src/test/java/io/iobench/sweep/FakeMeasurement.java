package io.iobench.sweep;

import io.iobench.results.LoadMode;
import io.iobench.results.RunFiles;
import io.iobench.results.RunResult;
import io.iobench.results.RunResultFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Made-up repetitions for the sweep's rounds: no process is started, and each result is what {@code results}
 * says for that point and repetition. None of these numbers was measured.
 */
final class FakeMeasurement implements Measurement {

    /** What one repetition of a point measured. */
    interface Results {
        RunResult of(SweepPoint point, int repetition);
    }

    /** Every visit, in order: {@code <point id>#<repetition>}. */
    final List<String> visits = new ArrayList<>();
    private final Results results;

    FakeMeasurement(Results results) {
        this.results = results;
    }

    @Override
    public RunResult measure(SweepPoint point, int repetition, Path scratch) throws IOException {
        visits.add(point.id() + "#" + repetition);
        RunResult result = results.of(point, repetition);
        RunResultFile.write(result, scratch.resolve(RunFiles.RESULT_JSON));
        return result;
    }

    @Override
    public void interrupt() {
    }

    @Override
    public void killChildren() {
    }

    /** A clean closed-loop run of {@code point} at {@code msgsPerS}, with this much of each side's CPUs stolen. */
    static RunResult run(SweepPoint point, double msgsPerS, Double serverStealPct, Double clientStealPct,
                         Set<RunResult.RunFlags.Flag> flags) {
        long messages = Math.round(msgsPerS);
        return RunResult.of(RunResult.Point.closedLoop(point.model(), "127.0.0.1:4000", point.connections(),
                        point.idleConnections(), point.sizeBytes(), 1),
                new RunResult.Timing(0.2, 1, 1, "2026-12-02T03:00:00Z"),
                RunResult.Throughput.of(messages, point.sizeBytes(), 1), null, null, RunResult.Errors.NONE,
                new RunResult.Server(4242, new RunResult.CpuUse(0.1, 0.2, 0.3, 3.0), null,
                        new RunResult.ContextSwitches(10, 1, 0.0), new RunResult.ProcessSize(3, 40, 41, 20),
                        new RunResult.ConnectionMemory(40, null), serverStealPct,
                        new RunResult.RunqueueWait(0.0, 0.0), 0.5, 0),
                new RunResult.Client(new RunResult.CpuUse(0.1, 0.2, 0.3, 3.0), 1, "selector", clientStealPct, 0.0,
                        0.5),
                RunResult.RunFlags.of(flags, null), null, RunResult.Files.standard(LoadMode.CLOSED));
    }

    /** A clean run at {@code msgsPerS}, nothing stolen. */
    static RunResult clean(SweepPoint point, double msgsPerS) {
        return run(point, msgsPerS, 0.1, 0.1, Set.of());
    }
}
