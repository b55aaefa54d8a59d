package io.iobench.client.engine;

/**
 * How connecting went.
 *
 * @param connected  connections established
 * @param refused    connects refused by the target
 * @param timedOut   connects that did not complete within the connect time-out
 * @param failed     connects that failed otherwise
 * @param durationNs wall time from the first connect started to the last one finished, nanoseconds
 */
public record ConnectReport(int connected, int refused, int timedOut, int failed, long durationNs) {

    /** @return connects that did not succeed, whatever the reason */
    public int failures() {
        return refused + timedOut + failed;
    }
}
