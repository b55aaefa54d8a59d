package io.iobench.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * One client's part of a point that several clients carry together: the point's connections, idle connections and
 * open-loop rate divided as evenly as whole numbers allow, the first clients taking one more where they do not
 * divide. Each client's rate follows its connections, so every connection is offered the same load.
 *
 * @param connections     active connections this client opens
 * @param idleConnections idle connections this client opens
 * @param rateMsgsPerS    open loop: this client's share of the rate; 0 in a closed loop
 */
public record LoadSplit(int connections, int idleConnections, long rateMsgsPerS) {

    /** The whole point, for a single client. */
    static LoadSplit whole(SweepPoint point) {
        return new LoadSplit(point.connections(), point.idleConnections(), point.rateMsgsPerS());
    }

    /**
     * The point divided over at most {@code clients} clients: never more clients than active connections, since a
     * client without one would measure nothing.
     */
    static List<LoadSplit> of(SweepPoint point, int clients) {
        int n = Math.max(1, Math.min(clients, point.connections()));
        List<LoadSplit> shares = new ArrayList<>();
        long rateLeft = point.rateMsgsPerS();
        for (int i = 0; i < n; i++) {
            int connections = part(point.connections(), n, i);
            // The rate in proportion to the connections, the rounding left to the last client so the parts sum.
            long rate = i == n - 1 ? rateLeft : point.rateMsgsPerS() * connections / point.connections();
            shares.add(new LoadSplit(connections, part(point.idleConnections(), n, i), rate));
            rateLeft -= rate;
        }
        return shares;
    }

    private static int part(int total, int parts, int index) {
        return total / parts + (index < total % parts ? 1 : 0);
    }
}
