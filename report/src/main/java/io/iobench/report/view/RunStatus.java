package io.iobench.report.view;

/** How far a run's numbers can be trusted; reports never draw or list a failed or flagged run as a good one. */
public enum RunStatus {
    /** Completed and nothing limited it but the server. */
    GOOD,
    /**
     * Completed, but {@code client_bound}, {@code rate_missed}, {@code latency_incomplete}, {@code stalled} or
     * {@code client_stalled}: measured, yet the numbers do not describe the server alone, or not all of its
     * connections, or not all of the window. ({@code both_saturated} says how
     * to read a good run's throughput: as the pair's.)
     */
    FLAGGED,
    /**
     * Did not complete ({@code flags.failed}), or completed with echoes that differed from the messages
     * ({@code flags.corrupt}, shown as INVALID): its metrics are missing or meaningless, and it is drawn and listed
     * as a failed run, never as a point.
     */
    FAILED
}
