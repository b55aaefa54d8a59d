package io.iobench.sweep.capacity;

import io.iobench.results.LoadMode;
import io.iobench.results.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.LongFunction;

/**
 * Made-up probes for the search: no process is started, and each probe's result is what {@code behaviour} says
 * a server does at that rate. None of these numbers was measured.
 */
final class FakeProbes implements ProbeRunner {

    /** Every rate probed, in order. */
    final List<Long> rates = new ArrayList<>();
    private final LongFunction<RunResult> behaviour;

    FakeProbes(LongFunction<RunResult> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public Probe run(long rateMsgsPerS) {
        rates.add(rateMsgsPerS);
        RunResult result = behaviour.apply(rateMsgsPerS);
        return new Probe("fake-r" + rateMsgsPerS + "-p" + rates.size(), rateMsgsPerS, result,
                Objective.parse("--slo", "p99=1ms").recordedUs(result));
    }

    /** A server whose corrected p99 is 200 µs up to {@code kneeMsgsPerS} and 5 ms past it. */
    static RunResult kneeAt(long kneeMsgsPerS, long rate) {
        return run(rate, rate, rate <= kneeMsgsPerS ? 200 : 5000, RunResult.Errors.NONE, Set.of());
    }

    /** An open-loop run at {@code rate} that echoed {@code achieved} msgs/s with this p99 (µs), errors and flags. */
    static RunResult run(long rate, double achieved, long p99Us, RunResult.Errors errors,
                         Set<RunResult.RunFlags.Flag> flags) {
        RunResult.Latency latency = new RunResult.Latency(1000, p99Us / 2.0, p99Us / 4, p99Us / 2, p99Us,
                p99Us * 2, p99Us * 3, p99Us * 4, 0);
        return RunResult.of(RunResult.Point.openLoop("fake", "127.0.0.1:4000", 10, 0, 64, rate),
                new RunResult.Timing(0.2, 1, 1, "2026-12-02T03:00:00Z"),
                RunResult.Throughput.of(Math.round(achieved), 64, 1), new RunResult.LatencyUs(latency, latency, null),
                null, errors,
                new RunResult.Server(4242, new RunResult.CpuUse(0.1, 0.2, 0.3, 3.0), null,
                        new RunResult.ContextSwitches(10, 1, 0.0), new RunResult.ProcessSize(3, 40, 41, 20),
                        new RunResult.ConnectionMemory(40, null), 0.0, new RunResult.RunqueueWait(0.0, 0.0), 0.5, 0),
                new RunResult.Client(new RunResult.CpuUse(0.1, 0.2, 0.3, 3.0), 1, "selector", 0.0, 0.0, 0.5),
                RunResult.RunFlags.of(flags, null), null, RunResult.Files.standard(LoadMode.OPEN));
    }
}
