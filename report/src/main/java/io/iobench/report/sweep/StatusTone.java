package io.iobench.report.sweep;

import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.RunStatus;

/** How a run's status looks in a table row: failed red, flagged amber, good plain. */
public final class StatusTone {

    private StatusTone() {
    }

    public static Tone of(RunStatus status) {
        return switch (status) {
            case FAILED -> Tone.FAILED;
            case FLAGGED -> Tone.FLAGGED;
            case GOOD -> Tone.NORMAL;
        };
    }

    /** The tone of a row showing two runs: the worse of their statuses. */
    public static Tone of(RunStatus a, RunStatus b) {
        return of(a.compareTo(b) >= 0 ? a : b);
    }
}
