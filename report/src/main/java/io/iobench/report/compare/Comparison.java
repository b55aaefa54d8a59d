package io.iobench.report.compare;

import io.iobench.report.view.RunView;
import io.iobench.report.view.RunKey;
import io.iobench.report.view.SweepView;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points two sweeps have in common, matched on their {@link RunKey}, and those only one of them has. Each
 * point is stood for by the first of its runs; its repetitions are in its sweep's
 * {@link SweepView#point(RunView)}.
 *
 * @param common pairs in A's report order
 * @param onlyA  points A measured and B did not
 * @param onlyB  points B measured and A did not
 */
public record Comparison(List<Pair> common, List<RunView> onlyA, List<RunView> onlyB) {

    /** The same point measured by both sweeps. */
    public record Pair(RunView a, RunView b) {
    }

    public Comparison {
        common = List.copyOf(common);
        onlyA = List.copyOf(onlyA);
        onlyB = List.copyOf(onlyB);
    }

    /** Matches the points of A and B; a point's repetitions are one point, stood for by its first run. */
    public static Comparison of(SweepView a, SweepView b) {
        Map<RunKey, RunView> inB = new LinkedHashMap<>();
        b.pointRuns().forEach(run -> inB.putIfAbsent(run.key(), run));
        List<Pair> common = new ArrayList<>();
        List<RunView> onlyA = new ArrayList<>();
        for (RunView run : a.pointRuns()) {
            RunView other = inB.remove(run.key());
            if (other == null) {
                onlyA.add(run);
            } else {
                common.add(new Pair(run, other));
            }
        }
        return new Comparison(common, onlyA, List.copyOf(inB.values()));
    }
}
