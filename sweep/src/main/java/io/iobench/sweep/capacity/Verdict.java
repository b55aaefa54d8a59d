package io.iobench.sweep.capacity;

import io.iobench.results.CapacityFile;
import java.util.Locale;

/** What one probe says: it met the objective, or the first thing it missed ({@link Objective#judge}). */
public enum Verdict {
    /** Within the bound, at the rate, no errors, the client not at its limit. */
    MET,
    /** The latency at the objective's percentile passed the bound: the rate is above capacity. */
    OBJECTIVE,
    /** Less than 99% of the target rate came back: above capacity too. */
    RATE_MISSED,
    /** Errors were counted (or wrong bytes came back): the search stops, the server misbehaved. */
    ERRORS,
    /** The client was at its limit: higher rates would measure the client, so the search stops. */
    CLIENT_BOUND,
    /** The run failed: the search stops. */
    FAILED;

    /** Whether a probe with this verdict brackets the capacity from above and the search goes on bisecting. */
    public boolean above() {
        return this == OBJECTIVE || this == RATE_MISSED;
    }

    /** Whether a probe with this verdict ends the search where it is. */
    public boolean stops() {
        return this == ERRORS || this == CLIENT_BOUND || this == FAILED;
    }

    /** As capacity.json spells it: {@code rate_missed}. */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What ended a search whose deciding probe had this verdict. */
    CapacityFile.EndedBy endedBy() {
        return switch (this) {
            case OBJECTIVE -> CapacityFile.EndedBy.OBJECTIVE;
            case RATE_MISSED -> CapacityFile.EndedBy.RATE_MISSED;
            case ERRORS -> CapacityFile.EndedBy.ERRORS;
            case CLIENT_BOUND -> CapacityFile.EndedBy.CLIENT_BOUND;
            case FAILED -> CapacityFile.EndedBy.FAILED;
            case MET -> CapacityFile.EndedBy.HIGHEST_RATE;
        };
    }
}
