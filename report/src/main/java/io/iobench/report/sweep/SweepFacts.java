package io.iobench.report.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import io.iobench.report.document.Block.Fact;
import io.iobench.report.results.Fields;
import io.iobench.report.results.NumberText;
import io.iobench.report.results.Run;
import io.iobench.report.results.RunStatus;
import io.iobench.report.results.Sweep;
import java.util.ArrayList;
import java.util.List;

/**
 * The header facts of a report: what the sweep was (label, status, command, plan) and where it ran (kernel, CPU,
 * JDK, JVM options, pinning). Results are only comparable with these beside them.
 */
public final class SweepFacts {

    private SweepFacts() {
    }

    /** Label, status, times, command, plan and run counts. */
    public static List<Fact> sweep(Sweep sweep) {
        JsonNode manifest = sweep.manifest();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Sweep", sweep.label(), false));
        facts.add(new Fact("Status", statusText(sweep.status()), false));
        add(facts, "Started", Fields.text(manifest, "started_at"), false);
        add(facts, "Finished", Fields.text(manifest, "finished_at"), false);
        add(facts, "Command", Fields.words(manifest, "command"), true);
        add(facts, "Plan", plan(manifest.path("plan")), false);
        long failed = sweep.runs().stream().filter(run -> run.status() == RunStatus.FAILED).count();
        long flagged = sweep.runs().stream().filter(run -> run.status() == RunStatus.FLAGGED).count();
        facts.add(new Fact("Runs", sweep.runs().size() + " read: " + failed + " failed, " + flagged + " flagged",
                false));
        facts.add(new Fact("Directory", sweep.dir().toString(), true));
        return facts;
    }

    /** Kernel, CPU, cores, JDK, JVM options, server command, pinning and host, as far as they were recorded. */
    public static List<Fact> environment(JsonNode environment) {
        List<Fact> facts = new ArrayList<>();
        add(facts, "Kernel", Fields.text(environment, "kernel"), false);
        add(facts, "CPU", Fields.text(environment, "cpu_model"), false);
        add(facts, "Cores", Fields.words(environment, "cores"), false);
        add(facts, "JDK", Fields.text(environment, "jdk"), false);
        add(facts, "Client JVM options", Fields.words(environment, "client_jvm_options"), true);
        add(facts, "Server JVM options", Fields.words(environment, "server_jvm_options"), true);
        add(facts, "Server command", ServerCommand.shown(Fields.words(environment, "server_command")), true);
        String serverCpus = Fields.words(environment, "pinning", "server_cpus");
        String clientCpus = Fields.words(environment, "pinning", "client_cpus");
        facts.add(new Fact("Pinning", "server CPUs " + (serverCpus == null ? "not pinned" : serverCpus)
                + ", client CPUs " + (clientCpus == null ? "not pinned" : clientCpus), false));
        add(facts, "Host", Fields.text(environment, "hostname"), false);
        return facts;
    }

    /** One line per model and count, so the plan reads at a glance. */
    private static String plan(JsonNode plan) {
        if (!plan.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (String[] field : new String[][] {{"models", "models"}, {"connections", "connections"},
                {"idle_connections", "idle connections"}, {"sizes", "sizes"}, {"modes", "modes"}}) {
            String values = Fields.words(plan, field[0]);
            if (values != null && !values.isEmpty()) {
                parts.add(field[1] + " " + values.replace(' ', ',') + (field[0].equals("sizes") ? " B" : ""));
            }
        }
        Double duration = Fields.number(plan, "duration_s");
        Double warmup = Fields.number(plan, "warmup_s");
        if (duration != null) {
            parts.add(NumberText.format(duration, false) + " s measured"
                    + (warmup == null ? "" : " after " + NumberText.format(warmup, false) + " s warm-up"));
        }
        return String.join("; ", parts);
    }

    private static String statusText(String status) {
        return switch (status) {
            case "complete" -> "complete";
            case "interrupted" -> "interrupted: the sweep stopped before its plan was done; the runs below finished";
            case "running" -> "running, or stopped without updating its manifest; the runs below finished";
            case "unknown" -> "unknown (no manifest.json)";
            default -> status;
        };
    }

    private static void add(List<Fact> facts, String label, String value, boolean code) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value, code));
        }
    }

    /**
     * Runs measured on another kernel, CPU, JDK or host than the header shows (a resumed sweep, a copied run). The
     * server command is left out of the check: it differs per model by design.
     */
    static List<String> differingEnvironments(Sweep sweep) {
        JsonNode shown = sweep.environment();
        List<String> differing = new ArrayList<>();
        for (Run run : sweep.runs()) {
            JsonNode own = run.json().path("environment");
            for (String field : List.of("kernel", "cpu_model", "cores", "jdk", "hostname")) {
                String ownValue = Fields.words(own, field);
                if (ownValue != null && !ownValue.equals(Fields.words(shown, field))) {
                    differing.add(run.id() + " (" + field + " " + ownValue + ")");
                    break;
                }
            }
        }
        return differing;
    }
}
