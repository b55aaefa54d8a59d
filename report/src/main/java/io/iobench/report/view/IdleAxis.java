package io.iobench.report.view;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs that differ only in their idle connections: one message size, mode and rate, one active count, several idle
 * counts. This is the axis {@code --idle-connections} sweeps: poll and select hand the kernel every descriptor on
 * every call, so their cost per message grows with descriptors that carry nothing, while epoll and io_uring only
 * hear about the ready ones and should stay flat.
 *
 * @param slice       what the runs share; its idle count is 0 and stands for every idle count
 * @param connections the active counts run at two idle counts or more, ascending
 * @param runs        the runs at those active counts, in report order
 */
public record IdleAxis(Slice slice, List<Integer> connections, List<RunView> runs) {

    public IdleAxis {
        connections = List.copyOf(connections);
        runs = List.copyOf(runs);
    }

    /** The idle axes of a sweep, in slice order; empty unless some point was run at two idle counts or more. */
    public static List<IdleAxis> of(SweepView sweep) {
        Map<Slice, List<RunView>> bySlice = new TreeMap<>();
        for (RunView run : sweep.runs()) {
            bySlice.computeIfAbsent(run.key().slice().withIdle(0), slice -> new ArrayList<>()).add(run);
        }
        List<IdleAxis> axes = new ArrayList<>();
        bySlice.forEach((slice, runs) -> {
            List<Integer> connections = runs.stream().map(run -> run.key().connections()).distinct().sorted()
                    .filter(c -> idleCounts(runs, c).size() > 1).toList();
            if (!connections.isEmpty()) {
                axes.add(new IdleAxis(slice, connections,
                        runs.stream().filter(run -> connections.contains(run.key().connections())).toList()));
            }
        });
        return axes;
    }

    /** Every idle count run, ascending. */
    public List<Integer> idleCounts() {
        return List.copyOf(new TreeSet<>(runs.stream().map(run -> run.key().slice().idle()).toList()));
    }

    /** The idle counts run at one active count, ascending. */
    public List<Integer> idleCounts(int activeConnections) {
        return idleCounts(runs, activeConnections);
    }

    /** The runs at one active count, in report order: by idle count, then model. */
    public List<RunView> at(int activeConnections) {
        return runs.stream().filter(run -> run.key().connections() == activeConnections).toList();
    }

    private static List<Integer> idleCounts(List<RunView> runs, int activeConnections) {
        return List.copyOf(new TreeSet<>(runs.stream().filter(run -> run.key().connections() == activeConnections)
                .map(run -> run.key().slice().idle()).toList()));
    }
}
