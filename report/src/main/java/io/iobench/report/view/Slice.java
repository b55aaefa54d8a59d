package io.iobench.report.view;

import io.iobench.results.LoadMode;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;

/**
 * The part of a run's identity that is not the model or the connection count: what one chart holds. Charts draw
 * connections on the x axis and a line per model, so a sweep of several sizes, idle counts or rates gets one chart per
 * slice.
 *
 * @param size       message size, bytes
 * @param idle       idle connections opened beside the active ones
 * @param mode       closed or open loop
 * @param rateTarget the open loop's target rate, msgs/s; null in closed loop
 */
public record Slice(int size, int idle, LoadMode mode, Double rateTarget) implements Comparable<Slice> {

    private static final Comparator<Slice> ORDER = Comparator.comparingInt(Slice::size)
            .thenComparingInt(Slice::idle)
            .thenComparing(Slice::mode)
            .thenComparing(Slice::rateTarget, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Slice {
        Objects.requireNonNull(mode, "mode");
    }

    /** Whether latency here is measured from the intended send time (open loop). */
    public boolean openLoop() {
        return mode == LoadMode.OPEN;
    }

    /** The same point of the plan at another idle count; {@code withIdle(0)} names what every idle count shares. */
    public Slice withIdle(int idleConnections) {
        return new Slice(size, idleConnections, mode, rateTarget);
    }

    /** A file-name part in the run-id style: {@code s64}, {@code s64-i1000-open-r20000}. */
    public String id() {
        StringBuilder id = new StringBuilder("s").append(size);
        if (idle > 0) {
            id.append("-i").append(idle);
        }
        if (mode != LoadMode.CLOSED) {
            id.append('-').append(mode.fieldValue());
        }
        if (rateTarget != null) {
            id.append("-r").append(Math.round(rateTarget));
        }
        return id.toString();
    }

    /** For titles: {@code 64 B, closed loop} or {@code 64 B, open loop at 20,000 msgs/s, 1,000 idle connections}. */
    public String title() {
        StringBuilder title = new StringBuilder(NumberText.bytes(size));
        title.append(openLoop() ? ", open loop" : ", closed loop");
        if (rateTarget != null) {
            title.append(" at ").append(NumberText.format(rateTarget, true)).append(" msgs/s");
        }
        if (idle > 0) {
            title.append(String.format(Locale.ROOT, ", %s idle connections", NumberText.format(idle, true)));
        }
        return title.toString();
    }

    @Override
    public int compareTo(Slice other) {
        return ORDER.compare(this, other);
    }
}
