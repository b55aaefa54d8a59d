package io.iobench.report.jmh;

import io.iobench.report.charts.ChartFiles;
import io.iobench.report.charts.ScoreChart;
import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.view.NumberText;
import io.iobench.results.JmhResult;
import io.iobench.results.JmhResultFile;
import io.iobench.results.Warnings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report section of one JMH result file: per benchmark and mode, a bar chart of the score per model and
 * parameter set with JMH's error bars, then one table of every result. The {@code model} parameter, when the
 * benchmark has one, names the bars; the other parameters name the groups.
 */
public final class JmhSection {

    /** The parameter whose values become the bars of each group. */
    static final String MODEL_PARAM = "model";

    private final Path file;
    private final ChartFiles files;
    private final Warnings warnings;

    public JmhSection(Path file, ChartFiles files, Warnings warnings) {
        this.file = file;
        this.files = files;
        this.warnings = warnings;
    }

    public List<Block> blocks() throws IOException {
        List<JmhResult> results = JmhResultFile.read(file, warnings);
        String stem = file.getFileName().toString().replaceFirst("\\.json$", "").replaceFirst("^jmh-", "");
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "JMH: " + file.getFileName(), "jmh-" + safe(stem)));
        if (results.isEmpty()) {
            blocks.add(new Block.Paragraph("No results could be read from " + file + "."));
            return blocks;
        }
        blocks.add(new Block.Paragraph("Scores as JMH measured them. Error bars and the ± column are JMH's"
                + " scoreError, the half-width of its 99.9% confidence interval; bars whose error ranges overlap"
                + " are not shown to differ. Missing (—) when JMH had too few samples to compute it."));

        Map<String, List<JmhResult>> groups = results.stream().collect(Collectors.groupingBy(
                r -> r.shortName() + " (" + r.mode() + ")", LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<JmhResult>> group : groups.entrySet()) {
            List<JmhResult> members = group.getValue();
            String name = "jmh-" + safe(stem + "-" + members.getFirst().shortName() + "-" + members.getFirst().mode());
            blocks.add(files.write(group.getKey(), () -> chart(group.getKey(), members), name,
                    "Score of " + members.getFirst().benchmark() + " in " + members.getFirst().unit() + ", a bar per "
                            + (hasModel(members) ? "model" : "benchmark")
                            + " and a group per parameter set, with JMH's error as error bars."));
        }
        blocks.add(new Block.TableBlock(table(results)));
        return blocks;
    }

    private static org.knowm.xchart.CategoryChart chart(String title, List<JmhResult> results) {
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(results.stream().map(JmhSection::category)
                .toList()));
        List<String> series = new ArrayList<>(new LinkedHashSet<>(results.stream().map(JmhSection::series).toList()));
        List<ScoreChart.Bars> bars = new ArrayList<>();
        for (String name : series) {
            List<Double> scores = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (String category : categories) {
                JmhResult result = results.stream()
                        .filter(r -> series(r).equals(name) && category(r).equals(category)).findFirst().orElse(null);
                scores.add(result == null ? Double.NaN : result.score());
                errors.add(result == null || Double.isNaN(result.scoreError()) ? 0.0 : result.scoreError());
            }
            bars.add(new ScoreChart.Bars(name, scores, errors));
        }
        String unit = results.getFirst().unit();
        return ScoreChart.of(title, "parameters", "score (" + unit + ")", categories, bars);
    }

    private static Table table(List<JmhResult> results) {
        Set<String> params = new LinkedHashSet<>();
        results.forEach(r -> params.addAll(r.params().keySet()));
        boolean secondary = results.stream().anyMatch(r -> !r.secondary().isEmpty());
        List<Column> columns = new ArrayList<>(List.of(Column.text("benchmark"), Column.text("mode")));
        params.forEach(p -> columns.add(Column.text(p)));
        columns.addAll(List.of(Column.number("score"), Column.number("± error"), Column.text("unit"),
                Column.number("samples")));
        if (secondary) {
            columns.add(Column.text("secondary metrics"));
        }
        Table table = new Table(columns);
        for (JmhResult r : results) {
            List<Cell> cells = new ArrayList<>(List.of(Cell.of(r.shortName()), Cell.of(r.mode())));
            params.forEach(p -> cells.add(Cell.of(r.params().getOrDefault(p, NumberText.MISSING))));
            cells.add(Cell.of(NumberText.format(r.score(), false)));
            cells.add(Cell.of(NumberText.format(r.scoreError(), false)));
            cells.add(Cell.of(r.unit()));
            cells.add(Cell.of(r.samples() == 0 ? NumberText.MISSING : String.valueOf(r.samples())));
            if (secondary) {
                cells.add(Cell.of(r.secondary().stream().map(s -> s.name() + " " + NumberText.format(s.score(), false)
                        + " ± " + NumberText.format(s.scoreError(), false) + " " + s.unit())
                        .collect(Collectors.joining("; "))));
            }
            table.add(Table.Tone.NORMAL, cells);
        }
        return table;
    }

    private static boolean hasModel(List<JmhResult> results) {
        return results.stream().anyMatch(r -> r.params().containsKey(MODEL_PARAM));
    }

    /** The bar's name: the model parameter, else the benchmark. */
    private static String series(JmhResult result) {
        return result.params().getOrDefault(MODEL_PARAM, result.shortName());
    }

    /** The group's name: every parameter but the model, {@code connections=10 size=64}. */
    private static String category(JmhResult result) {
        String text = result.params().entrySet().stream().filter(p -> !p.getKey().equals(MODEL_PARAM))
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(" "));
        return text.isEmpty() ? "(no parameters)" : text;
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
