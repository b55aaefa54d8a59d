package io.iobench.client.profile;

import io.iobench.results.RunProfile;
import java.io.IOException;
import java.util.List;

/**
 * One profiler of the server, its lifecycle the measured window's edges: {@link #prepare} before the window, for
 * what is slow to start; {@link #start} at the start edge; {@link #stop} at the end edge, with what it found;
 * {@link #close} in every case, which ends whatever it started. A profiler that cannot run says why from
 * {@link #prepare} or {@link #start} and is not stopped.
 */
public interface Profiler extends AutoCloseable {

    /** Its name, as {@code --prof} takes it. */
    String name();

    /** @return null when ready to start, else one line saying why it cannot run */
    String prepare() throws IOException, InterruptedException;

    /** @return null when started at the window's start edge, else one line saying why it cannot run */
    String start() throws IOException, InterruptedException;

    /** Stops at the window's end edge; a profiler that fails here finds nothing and says why. */
    Finding stop(Window window) throws IOException, InterruptedException;

    /** Ends what it started, if still running; never throws. */
    @Override
    void close();

    /**
     * The measured window on this host's clock, as the profilers saw it.
     *
     * @param startEpochMs when {@link #start} was called, ms since the epoch
     * @param endEpochMs   when {@link #stop} was called
     */
    record Window(long startEpochMs, long endEpochMs) {

        /** Whether {@code epochMs} is inside the window. */
        public boolean contains(long epochMs) {
            return epochMs >= startEpochMs && epochMs <= endEpochMs;
        }
    }

    /**
     * What one profiler found.
     *
     * @param run      whether it ran, and the file it left
     * @param syscalls its system calls; null for a profiler that does not count them, or found none
     * @param pauses   its pauses inside the window; null for a profiler that does not find them, or did not run
     */
    record Finding(RunProfile.ProfilerRun run, RunProfile.Syscalls syscalls, List<RunProfile.Pause> pauses) {

        /** A profiler that did not run, and why. */
        public static Finding skipped(String name, String reason) {
            return new Finding(RunProfile.ProfilerRun.skipped(name, reason), null, null);
        }
    }
}
