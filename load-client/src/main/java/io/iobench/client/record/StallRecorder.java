package io.iobench.client.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stretches inside a measured window that a connection went unanswered for a tenth of the window or more, and
 * those the client's IO threads did not run. A closed loop that stops getting echoes stops sending, so neither its
 * throughput nor its percentiles show a server that stopped answering; and a client that was stopped (SIGSTOP) or
 * lost its CPU would pass its own stall off as the server's. So a connection's stretch counts only for the time its
 * IO thread was running: the server may have answered while the client could not read.
 *
 * <p>Stretches arrive from the IO threads in any order (a client stall is noticed when the thread runs again, after
 * the echoes it then reads), so they are kept and weighed only when {@link #stalls()} is asked. They are rare: a
 * healthy run has none, and a connection can stall at most ten times per window.
 */
public final class StallRecorder {

    /** A connection unanswered for this share of the window, or the client not running for it, stalled. */
    public static final double STALLED_SHARE = 0.1;

    private final long startNs;
    private final long endNs;
    private final long stalledNs;
    private final List<Unanswered> unanswered = new ArrayList<>();
    private final List<Stretch> ioThreadGaps = new ArrayList<>();

    /**
     * @param startNs the window's start, {@link System#nanoTime()} base
     * @param endNs   the window's end
     */
    public StallRecorder(long startNs, long endNs) {
        this.startNs = startNs;
        this.endNs = endNs;
        this.stalledNs = Math.round((endNs - startNs) * STALLED_SHARE);
    }

    /** A connection had a message sent and no echo from {@code fromNs} to {@code toNs}. */
    void unanswered(int connection, long fromNs, long toNs) {
        Stretch inWindow = Stretch.clipped(fromNs, toNs, startNs, endNs);
        if (inWindow != null && inWindow.lengthNs() >= stalledNs) {
            synchronized (unanswered) {
                unanswered.add(new Unanswered(connection, inWindow));
            }
        }
    }

    /** An IO thread did not run from {@code fromNs} to {@code toNs}. */
    void ioThreadStalled(long fromNs, long toNs) {
        Stretch inWindow = Stretch.clipped(fromNs, toNs, startNs, endNs);
        if (inWindow != null) {
            synchronized (ioThreadGaps) {
                ioThreadGaps.add(inWindow);
            }
        }
    }

    /** @return how long a connection must go unanswered, or the client not run, to count as stalled, nanoseconds */
    public long stalledNs() {
        return stalledNs;
    }

    /** The stalls inside the window so far. */
    public Stalls stalls() {
        List<Stretch> gaps;
        synchronized (ioThreadGaps) {
            gaps = Stretch.union(ioThreadGaps);
        }
        Set<Integer> stalled = new HashSet<>();
        long longestNs = 0;
        synchronized (unanswered) {
            for (Unanswered u : unanswered) {
                long answerableNs = u.stretch().lengthNs() - u.stretch().overlapNs(gaps);
                if (answerableNs >= stalledNs) {
                    stalled.add(u.connection());
                    longestNs = Math.max(longestNs, answerableNs);
                }
            }
        }
        return new Stalls(longestNs, stalled.size(), gaps.stream().mapToLong(Stretch::lengthNs).max().orElse(0));
    }

    /**
     * @param longestUnansweredNs  the longest a stalled connection went unanswered while its IO thread ran; 0 when
     *                             none stalled
     * @param connections          connections unanswered for {@link #stalledNs()} or longer while their IO thread ran
     * @param longestIoThreadGapNs the longest stretch the IO threads did not run; 0 when none was noted
     */
    public record Stalls(long longestUnansweredNs, int connections, long longestIoThreadGapNs) {
    }

    /** A connection's stretch without an echo. */
    private record Unanswered(int connection, Stretch stretch) {
    }

    /** A stretch of time, {@code fromNs} inclusive to {@code toNs} exclusive. */
    private record Stretch(long fromNs, long toNs) {

        /** The part of {@code fromNs..toNs} inside {@code startNs..endNs}, or null when none is. */
        static Stretch clipped(long fromNs, long toNs, long startNs, long endNs) {
            long from = Math.max(fromNs, startNs);
            long to = Math.min(toNs, endNs);
            return to > from ? new Stretch(from, to) : null;
        }

        /** These stretches merged where they overlap (several IO threads stall together), in order. */
        static List<Stretch> union(List<Stretch> stretches) {
            List<Stretch> sorted = new ArrayList<>(stretches);
            sorted.sort(Comparator.comparingLong(Stretch::fromNs));
            List<Stretch> union = new ArrayList<>();
            for (Stretch next : sorted) {
                Stretch last = union.isEmpty() ? null : union.getLast();
                if (last != null && next.fromNs() <= last.toNs()) {
                    union.set(union.size() - 1, new Stretch(last.fromNs(), Math.max(last.toNs(), next.toNs())));
                } else {
                    union.add(next);
                }
            }
            return union;
        }

        long lengthNs() {
            return toNs - fromNs;
        }

        /** How much of this stretch the disjoint {@code others} cover. */
        long overlapNs(List<Stretch> others) {
            long overlap = 0;
            for (Stretch other : others) {
                overlap += Math.max(0, Math.min(toNs, other.toNs()) - Math.max(fromNs, other.fromNs()));
            }
            return overlap;
        }
    }
}
