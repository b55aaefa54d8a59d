package io.iobench.report.results;

/** How far a run's numbers can be trusted; reports never draw or list a failed or flagged run as a good one. */
public enum RunStatus {
    /** Completed and nothing limited it but the server. */
    GOOD,
    /** Completed, but {@code client_bound} or {@code rate_missed}: measured, yet the server was not the limit. */
    FLAGGED,
    /** Did not complete ({@code flags.failed}); its metrics are missing or meaningless. */
    FAILED
}
