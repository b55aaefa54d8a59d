package io.iobench.report.view;

import io.iobench.results.RunResult;
import io.iobench.results.StoredSweep;
import io.iobench.results.SweepManifest;
import io.iobench.results.UnreadableRun;
import io.iobench.results.Warning;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A stored sweep as the report shows it: its runs in report order (slice, connections, then model in plan order)
 * and its models in plan order, which fixes each model's colour and marker in every chart.
 */
public final class SweepView {

    private final StoredSweep stored;
    private final List<String> models;
    private final List<RunView> runs;

    private SweepView(StoredSweep stored, List<String> models, List<RunView> runs) {
        this.stored = stored;
        this.models = List.copyOf(models);
        this.runs = runs.stream().sorted(order(this.models)).toList();
    }

    public static SweepView of(StoredSweep stored) {
        Set<String> threadAxes = threadAxes(stored);
        List<RunView> runs = stored.runs().stream()
                .map(run -> RunView.of(run, threadAxes.contains(run.result().point().model()))).toList();
        // A model run at several thread counts is a line per count, in the model's place, fewest threads first.
        Set<String> models = new LinkedHashSet<>();
        for (String planned : stored.plannedModels()) {
            if (!threadAxes.contains(planned)) {
                models.add(planned);
                continue;
            }
            runs.stream().filter(run -> planned.equals(run.result().point().model()))
                    .sorted(Comparator.comparing(run -> run.result().point().threads(),
                            Comparator.nullsFirst(Comparator.naturalOrder())))
                    .forEach(run -> models.add(run.key().model()));
        }
        models.addAll(new TreeSet<>(runs.stream().map(run -> run.key().model()).toList()));
        return new SweepView(stored, List.copyOf(models), runs);
    }

    /** The directory as the user named it. */
    public Path dir() {
        return stored.dir();
    }

    /** The runs, in report order. */
    public List<RunView> runs() {
        return runs;
    }

    /** Model labels in plan order, then any others found in runs, alphabetically. */
    public List<String> models() {
        return models;
    }

    /** Run directories whose result could not be used, in directory order, each with the warning saying why. */
    public List<UnreadableRun> unreadable() {
        return stored.unreadable();
    }

    /** Files that could not be used. */
    public List<Warning> warnings() {
        return stored.warnings();
    }

    public Optional<SweepManifest> manifest() {
        return stored.manifest();
    }

    /**
     * The models run at several thread counts on one point of the plan (a pool-size axis): only there do the
     * counts tell runs apart. A pool sized to each point's connections has a count per point, not an axis.
     */
    private static Set<String> threadAxes(StoredSweep stored) {
        Map<List<Object>, Set<Integer>> countsAtPoint = new HashMap<>();
        for (var run : stored.runs()) {
            RunResult.Point p = run.result().point();
            countsAtPoint.computeIfAbsent(List.of(String.valueOf(p.model()), p.connections(), p.idleConnections(),
                    p.size(), p.mode(), String.valueOf(p.rateTargetMsgsPerS())), key -> new HashSet<>())
                    .add(p.threads() == null ? -1 : p.threads());
        }
        Set<String> axes = new HashSet<>();
        countsAtPoint.forEach((key, counts) -> {
            if (counts.size() > 1) {
                axes.add((String) key.getFirst());
            }
        });
        return axes;
    }

    /** The run order of every table: by slice, then connections, then model in plan order. */
    private static Comparator<RunView> order(List<String> models) {
        return Comparator.comparing((RunView run) -> run.key().slice())
                .thenComparingInt(run -> run.key().connections())
                .thenComparingInt(run -> indexOf(models, run.key().model()));
    }

    /** A model's position in {@link #models()}, which fixes its colour and marker in every chart. */
    public int modelIndex(String model) {
        return indexOf(models, model);
    }

    private static int indexOf(List<String> models, String model) {
        int index = models.indexOf(model);
        return index < 0 ? models.size() : index;
    }

    /** The slices present, in order. */
    public List<Slice> slices() {
        return List.copyOf(new TreeSet<>(runs.stream().map(run -> run.key().slice()).toList()));
    }

    /** The sweep's environment: the manifest's, else the first run's; null when none was recorded. */
    public RunResult.Environment environment() {
        return stored.environment();
    }

    /** How far the sweep got; {@code UNKNOWN} without a manifest. */
    public SweepManifest.Status status() {
        return stored.status();
    }

    /** The manifest's label, else the directory's name. */
    public String label() {
        return stored.label();
    }
}
