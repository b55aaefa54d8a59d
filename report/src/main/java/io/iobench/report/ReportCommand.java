package io.iobench.report;

import io.iobench.options.CommandShell;
import io.iobench.options.Flags;
import io.iobench.options.Quantities;
import io.iobench.options.UsageException;
import io.iobench.report.compare.CompareReport;
import io.iobench.report.document.Block;
import io.iobench.report.document.Document;
import io.iobench.report.html.HtmlFormat;
import io.iobench.report.markdown.MarkdownFormat;
import io.iobench.report.view.SweepView;
import io.iobench.results.PointsFile;
import io.iobench.results.SweepReader;
import io.iobench.results.Warning;
import io.iobench.report.sweep.SweepReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code iobench report}: the report of a sweep, or the comparison of two.
 *
 * <pre>
 * iobench report DIR [--out DIR] [--jmh FILE[,FILE...]] [--percentile-connections N] [--debug]
 *     writes DIR/report.html, DIR/report.md and DIR/charts/*.png|svg; JMH files named with --jmh and any
 *     jmh-*.json inside DIR are added; DIR/points.csv and DIR/points.json, the statistics of each point's
 *     repetitions, are written into the sweep even with --out
 * iobench report --compare DIR_A DIR_B [--out DIR] [--debug]
 *     writes compare.html and compare.md into DIR_B (or --out) and prints where the two hosts' tuning differs
 *     (or "same host tuning") and, per figure, how many common points show no significant change over their
 *     repetitions
 * </pre>
 *
 * Files that cannot be read (a corrupt {@code result.json}, one holding a value no run produces, a truncated
 * {@code .hgrm}) and charts that cannot be drawn are named in a warning on stderr and at the top of the report, with
 * the field or line to blame; a run whose result cannot be used is listed as unreadable, and everything else is
 * still reported; they do not change the exit code.
 * Every file is written through a temporary file renamed into place: one that cannot be written (a full disk) leaves
 * the earlier one whole and ends the command with one line naming it.
 * Exit codes: 0 written, 1 nothing to report or a file could not be written, 2 a mistake in the arguments.
 */
public final class ReportCommand {

    static final String USAGE = "usage: iobench report DIR [--out DIR] [--jmh FILE[,FILE...]]"
            + " [--percentile-connections N] [--debug] | iobench report --compare DIR_A DIR_B [--out DIR] [--debug]";

    private static final Set<String> VALUED = Set.of("out", "jmh", "percentile-connections");
    private static final Set<String> SWITCHES = Set.of("compare");

    private static final CommandShell SHELL = CommandShell.of("report", USAGE);

    private ReportCommand() {
    }

    public static void main(String[] args) {
        // Charts are drawn off screen; a DISPLAY that happens to be set must not be needed.
        System.setProperty("java.awt.headless", "true");
        System.exit(run(args, System.out, System.err));
    }

    /** Writes the report or comparison the arguments ask for; returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        return SHELL.run(args, out, err, arguments -> {
            List<String> positional = new ArrayList<>();
            Flags flags = Flags.parse(options(arguments, positional), VALUED, SWITCHES);
            return flags.has("compare") ? compare(flags, positional, out, err) : report(flags, positional, out, err);
        });
    }

    private static int report(Flags flags, List<String> positional, PrintStream out, PrintStream err)
            throws IOException {
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? "needs a sweep directory"
                    : "takes one sweep directory, got " + positional.size() + " (to compare two, use --compare A B)");
        }
        Path dir = directory(positional.getFirst());
        Integer percentileConnections = flags.has("percentile-connections")
                ? flags.intValue("percentile-connections", 0, 1, Integer.MAX_VALUE) : null;
        List<Path> jmh = jmhFiles(flags, dir);
        SweepView sweep = SweepView.of(SweepReader.read(dir));
        if (sweep.runs().isEmpty() && jmh.isEmpty()) {
            sweep.warnings().forEach(w -> warn(err, w));
            err.println("iobench report: nothing to report in " + dir
                    + ": no runs/*/result.json could be read and no JMH results (jmh-*.json, --jmh) were given");
            return CommandShell.FAILED;
        }
        // The points' statistics derive from the runs alone: they belong beside them, wherever the pages go.
        if (!sweep.points().isEmpty()) {
            PointsFile.of(sweep.points()).write(dir);
            out.println("wrote " + dir.resolve(PointsFile.CSV) + " and " + PointsFile.JSON);
        }
        Path outDir = outDir(flags, dir);
        SweepReport report = new SweepReport(sweep, outDir, percentileConnections, jmh);
        Document document = report.document();
        report.warnings().forEach(w -> warn(err, w));
        write(document, outDir, "report", out);
        return CommandShell.OK;
    }

    private static int compare(Flags flags, List<String> positional, PrintStream out, PrintStream err)
            throws IOException {
        if (positional.size() != 2) {
            throw new UsageException("--compare needs two sweep directories, A and B; got " + positional.size());
        }
        if (flags.has("jmh") || flags.has("percentile-connections")) {
            throw new UsageException("--jmh and --percentile-connections belong to a sweep report, not to --compare");
        }
        SweepView a = SweepView.of(SweepReader.read(directory(positional.get(0))));
        SweepView b = SweepView.of(SweepReader.read(directory(positional.get(1))));
        CompareReport report = new CompareReport(a, b);
        report.warnings().forEach(w -> warn(err, w));
        write(report.document(), outDir(flags, b.dir()), "compare", out);
        report.tuning().forEach(out::println);
        report.counts().forEach(out::println);
        return CommandShell.OK;
    }

    private static void write(Document document, Path outDir, String name, PrintStream out) throws IOException {
        Path html = outDir.resolve(name + ".html");
        Path markdown = outDir.resolve(name + ".md");
        new HtmlFormat().write(document, html);
        new MarkdownFormat().write(document, markdown);
        out.println("wrote " + html);
        out.println("wrote " + markdown);
        long charts = document.blocks().stream().filter(Block.Figure.class::isInstance).count();
        if (charts > 0) {
            out.println("wrote " + charts + " charts (PNG and SVG) in " + outDir.resolve("charts"));
        }
    }

    private static void warn(PrintStream err, Warning warning) {
        err.println("iobench report: warning: " + warning);
    }

    /** The explicit {@code --jmh} files, then any {@code jmh-*.json} inside the sweep, each once. */
    private static List<Path> jmhFiles(Flags flags, Path dir) throws IOException {
        Map<Path, Path> files = new LinkedHashMap<>();
        if (flags.has("jmh")) {
            for (String name : Quantities.parseList("--jmh", flags.required("jmh"))) {
                Path file = Path.of(name);
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("--jmh " + name + ": no such file");
                }
                files.putIfAbsent(file.toAbsolutePath().normalize(), file);
            }
        }
        try (Stream<Path> inside = Files.list(dir)) {
            inside.filter(p -> p.getFileName().toString().matches("jmh-.*\\.json") && Files.isRegularFile(p))
                    .sorted().forEach(p -> files.putIfAbsent(p.toAbsolutePath().normalize(), p));
        }
        return List.copyOf(files.values());
    }

    private static Path directory(String name) {
        Path dir = Path.of(name);
        if (!Files.isDirectory(dir)) {
            throw new UsageException(name + " is not a directory; give a sweep directory such as results/<id>");
        }
        return dir;
    }

    private static Path outDir(Flags flags, Path defaultDir) throws IOException {
        Path dir = flags.value("out").map(Path::of).orElse(defaultDir);
        Files.createDirectories(dir);
        return dir;
    }

    /** Splits the arguments into the directories and the {@code --options} {@link Flags} understands. */
    private static List<String> options(List<String> args, List<String> positional) {
        List<String> options = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            options.add(arg);
            if (!arg.contains("=") && VALUED.contains(arg.substring(2)) && i + 1 < args.size()) {
                options.add(args.get(++i));
            }
        }
        return options;
    }
}
