package io.iobench.benchmarks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The shortest JMH run that still goes through a forked JVM: one fork, no warmup, one 1 s iteration, stopping at the
 * first error. It proves a benchmark runs and reports, never how fast.
 */
final class SmokeRun {

    private SmokeRun() {
    }

    /** Options selecting exactly the benchmark method {@code benchmark} (class and method name). */
    static ChainedOptionsBuilder of(Class<?> benchmarkClass, String method) {
        return new OptionsBuilder()
                .include("^" + Pattern.quote(benchmarkClass.getName() + "." + method) + "$")
                .forks(1)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.seconds(1))
                .shouldFailOnError(true);
    }

    static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    /**
     * Every message in {@code failure}, its causes and its suppressed exceptions: JMH reports an exception thrown in
     * the fork as a suppressed exception of its own.
     */
    static List<String> messages(Throwable failure) {
        List<String> messages = new ArrayList<>();
        collect(failure, messages);
        return messages;
    }

    private static void collect(Throwable t, List<String> messages) {
        if (t == null) {
            return;
        }
        messages.add(String.valueOf(t.getMessage()));
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, messages);
        }
        collect(t.getCause(), messages);
    }
}
