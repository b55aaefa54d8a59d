package io.iobench.server.select;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Counts connections closed because their descriptor is at or above {@link FdSet#FD_SETSIZE}, and says so on
 * stderr without flooding it: the first one at once, then at most one line per {@link #REPORT_INTERVAL_NS} with the
 * running count, and a last line at shutdown for any not yet reported. A flood of connections past the limit thus
 * costs a handful of lines, not one each.
 *
 * <p>Written by the loop thread only; {@link #overflows()} may be read by any thread.
 */
final class FdSetOverflowLog {

    static final long REPORT_INTERVAL_NS = TimeUnit.SECONDS.toNanos(1);

    private final PrintStream err;
    private final LongSupplier nanoClock;
    private volatile long overflows;
    private long reportedOverflows;
    private long lastReportNs;

    FdSetOverflowLog(PrintStream err, LongSupplier nanoClock) {
        this.err = err;
        this.nanoClock = nanoClock;
    }

    /** Called after the connection on {@code fd} was closed unserved. */
    void overflowed(int fd) {
        long total = overflows + 1;
        overflows = total; // single writer: the loop thread
        long nowNs = nanoClock.getAsLong();
        if (total == 1) {
            err.println("select: closed the connection on descriptor " + fd + ": select(2) cannot watch descriptors"
                    + " at or above FD_SETSIZE=" + FdSet.FD_SETSIZE + "; fdset_overflows=1 (later ones are counted"
                    + " and reported at most once a second; lower --max-connections or use another model)");
            reportedOverflows = total;
            lastReportNs = nowNs;
        } else if (nowNs - lastReportNs >= REPORT_INTERVAL_NS) {
            report(nowNs);
        }
    }

    /** Reports the overflows counted since the last line, if any: at shutdown. */
    void flush() {
        if (overflows > reportedOverflows) {
            report(nanoClock.getAsLong());
        }
    }

    /** @return connections closed since start because their descriptor did not fit in an fd_set */
    long overflows() {
        return overflows;
    }

    private void report(long nowNs) {
        long total = overflows;
        err.println("select: fdset_overflows=" + total + " (+" + (total - reportedOverflows)
                + " since the last report): connections on descriptors >= FD_SETSIZE=" + FdSet.FD_SETSIZE
                + " closed unserved");
        reportedOverflows = total;
        lastReportNs = nowNs;
    }
}
