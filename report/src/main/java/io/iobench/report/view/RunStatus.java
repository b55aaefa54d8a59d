package io.iobench.report.view;

/** How far a run's numbers can be trusted; reports never draw or list a failed or flagged run as a good one. */
public enum RunStatus {
    /** Completed and nothing limited it but the server. */
    GOOD,
    /**
     * Completed, but {@code client_bound}, {@code rate_missed} or {@code latency_incomplete}: measured, yet the
     * numbers do not describe the server alone, or not all of its connections. ({@code both_saturated} says how
     * to read a good run's throughput: as the pair's.)
     */
    FLAGGED,
    /** Did not complete ({@code flags.failed}); its metrics are missing or meaningless. */
    FAILED
}
