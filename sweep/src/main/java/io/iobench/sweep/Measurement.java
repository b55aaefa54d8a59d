package io.iobench.sweep;

import io.iobench.results.RunResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * How the sweep measures one repetition of a point: {@link FreshProcesses} starts a server JVM and a client JVM for
 * it; a test gives the sweep made-up results instead, to watch the rounds, the noise gate and {@code --until-ci}
 * decide without starting a process.
 */
interface Measurement {

    /**
     * Runs repetition {@code repetition} (from 1) of {@code point} into {@code scratch}, leaving its
     * {@code result.json} there, and returns that result: the client's own, or one marked failed with the reason.
     */
    RunResult measure(SweepPoint point, int repetition, Path scratch) throws IOException;

    /** Stops the repetition in progress, if any; safe to call from a signal handler. */
    void interrupt();

    /** Kills whatever process it started that is still running; for a shutdown hook. */
    void killChildren();
}
