package io.iobench.report.view;

import io.iobench.results.PointStatistics;
import io.iobench.results.RunResult;
import io.iobench.results.StoredSweep;
import io.iobench.results.SweepManifest;
import io.iobench.results.UnreadableRun;
import io.iobench.results.Warning;
import io.iobench.results.Warnings;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * and its models in plan order, which fixes each model's colour and marker in every chart; and its points, the
 * runs of one {@link RunKey} being repetitions of one point, with their statistics ({@link PointStatistics}).
 */
public final class SweepView {

    private final StoredSweep stored;
    private final List<String> models;
    private final List<RunView> runs;
    private final Map<String, PointStatistics> pointOfRun = new HashMap<>();
    private final List<PointStatistics> points;
    private final List<Warning> pointWarnings;

    private SweepView(StoredSweep stored, List<String> models, List<RunView> runs) {
        this.stored = stored;
        this.models = List.copyOf(models);
        this.runs = runs.stream().sorted(order(this.models)).toList();
        Warnings warnings = new Warnings();
        this.points = PointStatistics.of(stored, warnings);
        this.pointWarnings = warnings.all();
        for (PointStatistics point : points) {
            point.repetitions().forEach(repetition -> pointOfRun.put(repetition.run().id(), point));
        }
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

    /** Files that could not be used: the sweep's, then the interval logs the points' statistics could not read. */
    public List<Warning> warnings() {
        List<Warning> all = new ArrayList<>(stored.warnings());
        all.addAll(pointWarnings);
        return all;
    }

    /** Every point of the sweep with the statistics of its repetitions, in {@link PointStatistics.Key} order. */
    public List<PointStatistics> points() {
        return points;
    }

    /** The point a run is a repetition of. */
    public PointStatistics point(RunView run) {
        return pointOfRun.get(run.id());
    }

    /**
     * The runs in report order, one per point: the first of its repetitions to start, standing for the point
     * where a table or chart needs its key.
     */
    public List<RunView> pointRuns() {
        Set<PointStatistics> seen = new HashSet<>();
        return runs.stream().filter(run -> seen.add(point(run))).toList();
    }

    /** The most runs any point has: 1 for a sweep without repetitions. */
    public int mostRepetitions() {
        return points.stream().mapToInt(point -> point.repetitions().size()).max().orElse(0);
    }

    /** The fewest counted repetitions of a point that has any: below 3 no point has an interval everywhere. */
    public int fewestCounted() {
        return points.stream().mapToInt(PointStatistics::counted).filter(n -> n > 0).min().orElse(0);
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

    /**
     * Whether any run was carried by load clients on other hosts than the server's ({@link RunView#remoteClients}):
     * the report then names the hosts and does not describe client and server as sharing one.
     */
    public boolean remoteClients() {
        return runs.stream().anyMatch(RunView::remoteClients);
    }

    /** The hosts the runs with remote clients loaded, in report order, each once: the server's host. */
    public List<String> serverHosts() {
        return runs.stream().filter(RunView::remoteClients).map(RunView::targetHost).filter(host -> host != null)
                .distinct().toList();
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
