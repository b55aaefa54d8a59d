package io.iobench.sweep.capacity;

import java.io.IOException;

/**
 * Runs the probes of one search, all against the same server: the sweep's is a fresh {@code iobench load} process
 * per probe; a test's makes results up.
 */
@FunctionalInterface
public interface ProbeRunner {

    /**
     * Measures one fresh window at {@code rateMsgsPerS} and returns it, published as a run.
     *
     * @throws InterruptedException when the sweep was interrupted during the probe (it is then dropped)
     */
    Probe run(long rateMsgsPerS) throws IOException, InterruptedException;
}
