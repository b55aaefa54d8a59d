package io.iobench.report.sweep;

import io.iobench.report.document.Block;
import io.iobench.report.document.Table;
import io.iobench.report.document.Table.Cell;
import io.iobench.report.document.Table.Column;
import io.iobench.report.document.Table.Tone;
import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunStatus;
import io.iobench.report.view.RunView;
import io.iobench.report.view.SweepView;
import io.iobench.results.RunResult;
import io.iobench.results.RunResult.ClientShare;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a sweep of remote clients ran: the server's host, then for every run (each repetition, failed ones too) a
 * row per load client with its own figures and a row of the merge the main tables show. A client at its limit, one
 * that carried less than its share, or one whose clock was off is only visible here; without this section a merged
 * run reads as one client's.
 *
 * <p>Empty for a sweep whose clients ran beside the server: then there is one host, and the environment says it.
 */
final class HostsSection {

    private static final List<Column> COLUMNS = List.of(Column.text("host"), Column.text("hostname"),
            Column.text("kernel"), Column.number("connections"), Column.number("messages"), Column.number("msgs/s"),
            Column.number("errors"), Column.number("p50 µs"), Column.number("p99 µs"),
            Column.number("client CPU cores"), Column.number("io_busy"), Column.text("flags"),
            Column.text("failure"), Column.number("clock offset ms"));

    private final SweepView sweep;

    HostsSection(SweepView sweep) {
        this.sweep = sweep;
    }

    /** The section's blocks; none when no run had remote clients. */
    List<Block> blocks() {
        if (!sweep.remoteClients()) {
            return List.of();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Heading(2, "Hosts and clients", "hosts"));
        blocks.add(new Block.Paragraph("Server figures measured on " + serverHosts() + " by iobench probe: the"
                + " server's CPU, CPU µs/msg, context switches, run-queue wait, memory and threads in the tables"
                + " above come from /proc on the server's host, not from any client. The load came from the clients"
                + " below, each on its own host; a run's throughput, errors and client CPU are theirs added, its"
                + " latency their histograms added, its flags every flag any client raised."));
        blocks.add(new Block.Facts(serverFacts()));
        blocks.add(new Block.Paragraph("One table per run, every repetition and every failed run included: a row per"
                + " client as it reported itself, then the merged row the tables above show. Latency is corrected in"
                + " an open loop, uncorrected in a closed one. io_busy is the share of the window the client's IO"
                + " threads were busy (0 to 1); the clock offset is the client host's clock minus the sweep's, as"
                + " measured when the clients were released together, by which its interval log was shifted."));
        for (RunView run : sweep.runs()) {
            blocks.add(new Block.Heading(3, heading(run), "hosts-" + run.id()));
            List<ClientShare> clients = run.result().clients();
            if (clients == null) {
                blocks.add(new Block.Paragraph(run.status() == RunStatus.FAILED && !run.invalid()
                        ? "No client's share was recorded: the run failed before its clients' runs could be merged: "
                        + run.failureReason()
                        : "No client's share was recorded: a single client carried this run."));
                continue;
            }
            blocks.add(new Block.TableBlock(table(run, clients)));
        }
        return blocks;
    }

    /** The server's host by the address the clients loaded, with its name and kernel as the run recorded them. */
    private List<Block.Fact> serverFacts() {
        List<Block.Fact> facts = new ArrayList<>();
        facts.add(new Block.Fact("Server host", serverHosts(), false));
        RunResult.Environment environment = sweep.environment();
        if (environment != null && environment.hostname() != null) {
            facts.add(new Block.Fact("Server hostname", environment.hostname(), false));
        }
        if (environment != null && environment.kernel() != null) {
            facts.add(new Block.Fact("Server kernel", environment.kernel(), false));
        }
        return facts;
    }

    private String serverHosts() {
        List<String> hosts = sweep.serverHosts();
        return hosts.isEmpty() ? "the server's host" : String.join(", ", hosts);
    }

    private static String heading(RunView run) {
        RunResult.Point point = run.result().point();
        String status = run.status() == RunStatus.FAILED ? (run.invalid() ? ", INVALID" : ", FAILED") : "";
        return run.id() + ": " + run.key().model() + ", " + NumberText.format(point.connections(), true)
                + (point.connections() == 1 ? " connection" : " connections") + status;
    }

    private static Table table(RunView run, List<ClientShare> clients) {
        Table table = new Table(COLUMNS);
        for (ClientShare client : clients) {
            boolean failed = client.failure() != null;
            Tone tone = failed ? Tone.FAILED
                    : !client.flags().isEmpty() || client.errors() > 0 ? Tone.FLAGGED : Tone.NORMAL;
            // A failed client's figures describe a window cut short, as a failed run's do in the tables above.
            table.add(tone, List.of(Cell.of(client.host()), Cell.of(text(client.hostname())),
                    Cell.of(text(client.kernel())), Cell.of(NumberText.format(client.connections(), true)),
                    Cell.of(failed ? NumberText.MISSING : NumberText.format(client.messages(), true)),
                    Cell.of(failed ? NumberText.MISSING : NumberText.format(client.msgsPerS(), false)),
                    Cell.of(NumberText.format(client.errors(), true)),
                    Cell.of(failed ? NumberText.MISSING : NumberText.format(client.p50Us(), true)),
                    Cell.of(failed ? NumberText.MISSING : NumberText.format(client.p99Us(), true)),
                    Cell.of(failed ? NumberText.MISSING : NumberText.format(client.cpuCores(), false)),
                    Cell.of(number(failed ? null : client.ioBusy())),
                    new Cell(String.join(", ", client.flags()), client.flags().isEmpty() ? Tone.NORMAL : Tone.FLAGGED),
                    new Cell(failed ? client.failure() : "", failed ? Tone.FAILED : Tone.NORMAL),
                    Cell.of(number(client.clockOffsetMs()))));
        }
        table.add(StatusTone.of(run.status()), merged(run, clients.size()));
        return table;
    }

    /** The run as the tables above show it, with the same figures the clients' rows give. */
    private static List<Cell> merged(RunView run, int clients) {
        RunResult result = run.result();
        boolean failed = run.status() == RunStatus.FAILED;
        RunResult.LatencyUs latency = failed ? null : result.latencyUs();
        RunResult.Latency primary = latency == null ? null
                : latency.corrected() != null ? latency.corrected() : latency.uncorrected();
        RunResult.Throughput throughput = failed ? null : result.throughput();
        RunResult.Client client = failed ? null : result.client();
        return List.of(Cell.of("merged (" + clients + (clients == 1 ? " client)" : " clients)")), Cell.of(""),
                Cell.of(""), Cell.of(NumberText.format(result.point().connections(), true)),
                Cell.of(throughput == null ? NumberText.MISSING : NumberText.format(throughput.messages(), true)),
                Cell.of(throughput == null ? NumberText.MISSING : NumberText.format(throughput.msgsPerS(), false)),
                Cell.of(run.errorText()),
                Cell.of(primary == null ? NumberText.MISSING : NumberText.format(primary.p50(), true)),
                Cell.of(primary == null ? NumberText.MISSING : NumberText.format(primary.p99(), true)),
                Cell.of(client == null ? NumberText.MISSING : NumberText.format(client.cpu().cpuCores(), false)),
                Cell.of(number(client == null ? null : client.ioBusy())),
                new Cell(String.join(", ", run.flags()), StatusTone.of(run.status())),
                new Cell(failed ? run.failureReason() : "", failed ? Tone.FAILED : Tone.NORMAL),
                Cell.of(""));
    }

    private static String number(Double value) {
        return value == null ? NumberText.MISSING : NumberText.format(value, false);
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NumberText.MISSING : value;
    }
}
