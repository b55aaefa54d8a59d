package io.iobench.report.sweep;

import io.iobench.report.document.Block.Fact;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.SweepView;
import io.iobench.results.LoadMode;
import io.iobench.results.RunResult;
import io.iobench.results.SweepManifest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header facts of a report: what the sweep was (label, status, command, plan) and where it ran (kernel, CPU,
 * JDK, JVM options, pinning). Results are only comparable with these beside them.
 */
public final class SweepFacts {

    private SweepFacts() {
    }

    /** Label, status, times, command, plan and run counts. */
    public static List<Fact> sweep(SweepView sweep) {
        Optional<SweepManifest> manifest = sweep.manifest();
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("Sweep", sweep.label(), false));
        facts.add(new Fact("Status", statusText(sweep.status()), false));
        add(facts, "Started", manifest.map(SweepManifest::startedAt).orElse(null), false);
        add(facts, "Finished", manifest.map(SweepManifest::finishedAt).orElse(null), false);
        add(facts, "Command", manifest.map(m -> words(m.command())).orElse(null), true);
        add(facts, "Plan", manifest.map(SweepManifest::plan).map(SweepFacts::plan).orElse(null), false);
        long invalid = sweep.runs().stream().filter(RunView::invalid).count();
        long failed = sweep.runs().stream().filter(run -> run.status() == RunStatus.FAILED).count() - invalid;
        long flagged = sweep.runs().stream().filter(run -> run.status() == RunStatus.FLAGGED).count();
        facts.add(new Fact("Runs", sweep.runs().size() + " read: " + failed + " failed, "
                + (invalid == 0 ? "" : invalid + " invalid, ") + flagged + " flagged", false));
        facts.add(new Fact("Directory", sweep.dir().toString(), true));
        return facts;
    }

    /**
     * Kernel, CPU, cores, JDK, JVM options, server command, pinning and host, as far as they were recorded. When
     * clients on other hosts carried the load ({@link SweepView#remoteClients}), the pinning and the host are the
     * server's alone, and the clients' hosts are named beside them: nothing says the two sides shared a machine.
     */
    public static List<Fact> environment(SweepView sweep) {
        List<Fact> facts = new ArrayList<>();
        RunResult.Environment environment = sweep.environment();
        if (environment == null) {
            return facts;
        }
        boolean remote = sweep.remoteClients();
        add(facts, "Kernel", environment.kernel(), false);
        add(facts, "CPU", environment.cpuModel(), false);
        add(facts, "Cores", environment.cores() > 0 ? Integer.toString(environment.cores()) : null, false);
        add(facts, "JDK", environment.jdk(), false);
        add(facts, "Client JVM options", words(environment.clientJvmOptions()), true);
        add(facts, "Server JVM options", words(environment.serverJvmOptions()), true);
        add(facts, "Server command", ServerCommand.shown(environment.serverCommand()), true);
        RunResult.Pinning pinning = environment.pinning();
        if (pinning != null) {
            String server = "server " + affinity(pinning.serverCpus(), pinning.serverPinned());
            facts.add(new Fact("Pinning", remote ? server + " on the server's host; the load clients ran on other"
                    + " hosts (see Hosts and clients)" : server + ", client "
                    + affinity(pinning.clientCpus(), pinning.clientPinned()), false));
        }
        if (remote) {
            List<String> hosts = sweep.serverHosts();
            String address = hosts.isEmpty() ? null : String.join(", ", hosts);
            add(facts, "Server host", environment.hostname() == null ? address
                    : environment.hostname() + (address == null ? "" : " (" + address + ")"), false);
            add(facts, "Client hosts", String.join(", ", clientHosts(sweep)), false);
        } else {
            add(facts, "Host", environment.hostname(), false);
        }
        return facts;
    }

    /**
     * Each load client's host once, as the sweep named it, with the name it gave itself in any run (a client that
     * failed before it ran gave none).
     */
    private static List<String> clientHosts(SweepView sweep) {
        Map<String, String> hostnames = new LinkedHashMap<>();
        sweep.runs().stream().map(run -> run.result().clients()).filter(clients -> clients != null)
                .flatMap(List::stream).forEach(client -> hostnames.merge(client.host(),
                        client.hostname() == null ? "" : client.hostname(), (had, now) -> had.isEmpty() ? now : had));
        List<String> hosts = new ArrayList<>();
        hostnames.forEach((host, hostname) -> hosts.add(hostname.isEmpty() ? host : host + " (" + hostname + ")"));
        return hosts;
    }

    /** What a process was allowed, and whether that was all of the host: "CPUs 0 (pinned)". */
    private static String affinity(String cpus, Boolean pinned) {
        if (cpus == null) {
            return "not known";
        }
        if (pinned == null) {
            return "CPUs " + cpus;
        }
        return "CPUs " + cpus + (pinned ? " (pinned)" : " (not pinned: every CPU of the host)");
    }

    /** One line per model and count, so the plan reads at a glance. */
    private static String plan(SweepManifest.Plan plan) {
        List<String> parts = new ArrayList<>();
        part(parts, "models", plan.models(), "");
        part(parts, "connections", plan.connections(), "");
        part(parts, "idle connections", plan.idleConnections(), "");
        part(parts, "sizes", plan.sizes(), " B");
        part(parts, "modes", plan.modes().stream().map(LoadMode::fieldValue).toList(), "");
        part(parts, "rates", plan.ratesMsgsPerS(), " msgs/s");
        if (plan.durationS() > 0) {
            parts.add(NumberText.format(plan.durationS(), false) + " s measured after "
                    + NumberText.format(plan.warmupS(), false) + " s warm-up");
        }
        return String.join("; ", parts);
    }

    private static void part(List<String> parts, String name, List<?> values, String unit) {
        if (!values.isEmpty()) {
            parts.add(name + " " + String.join(",", values.stream().map(String::valueOf).toList()) + unit);
        }
    }

    private static String statusText(SweepManifest.Status status) {
        return switch (status) {
            case COMPLETE -> "complete";
            case INTERRUPTED -> "interrupted: the sweep stopped before its plan was done; the runs below finished";
            case RUNNING -> "running, or stopped without updating its manifest; the runs below finished";
            case UNKNOWN -> "unknown (no manifest.json, or a status this version does not know)";
        };
    }

    private static void add(List<Fact> facts, String label, String value, boolean code) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(label, value, code));
        }
    }

    /**
     * Runs measured on another kernel, CPU, JDK, host or host tuning than the header shows (a resumed sweep, a copied
     * run, a sysctl changed mid-sweep). The server command is left out of the check: it differs per model by design.
     */
    static List<String> differingEnvironments(SweepView sweep) {
        RunResult.Environment shown = sweep.environment();
        List<String> differing = new ArrayList<>();
        if (shown == null) {
            return differing;
        }
        for (RunView run : sweep.runs()) {
            RunResult.Environment own = run.result().environment();
            if (own == null) {
                continue;
            }
            Map<String, Object> ownFields = identity(own);
            Map<String, Object> shownFields = identity(shown);
            String difference = null;
            for (Map.Entry<String, Object> field : ownFields.entrySet()) {
                if (field.getValue() != null && !field.getValue().equals(shownFields.get(field.getKey()))) {
                    difference = field.getKey() + " " + field.getValue();
                    break;
                }
            }
            List<Fact> tuning = TuningFacts.differences(shown.tuning(), own.tuning());
            if (difference == null && tuning != null && !tuning.isEmpty()) {
                difference = TuningFacts.line(tuning.getFirst());
            }
            if (difference != null) {
                differing.add(run.id() + " (" + difference + ")");
            }
        }
        return differing;
    }

    /** What must be the same for two runs to compare, by the field names the result uses. */
    private static Map<String, Object> identity(RunResult.Environment environment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kernel", environment.kernel());
        fields.put("cpu_model", environment.cpuModel());
        fields.put("cores", environment.cores());
        fields.put("jdk", environment.jdk());
        fields.put("hostname", environment.hostname());
        return fields;
    }

    /**
     * The words of a command line or JVM options joined with spaces and quoted the way a shell would need them, so
     * the line can be pasted back; null when absent.
     */
    static String words(List<String> words) {
        if (words == null) {
            return null;
        }
        return String.join(" ", words.stream().map(SweepFacts::shellWord).toList());
    }

    private static String shellWord(String word) {
        if (!word.isEmpty() && word.matches("[A-Za-z0-9_@%+=:,./-]+")) {
            return word;
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
