package io.iobench.report.charts;

import io.iobench.report.view.NumberText;
import io.iobench.report.view.RunView;
import io.iobench.report.view.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The part of a caption that explains the markers and names the failed and flagged runs they stand for. */
final class RunNotes {

    private RunNotes() {
    }

    /**
     * @param runs         the runs the chart was drawn from
     * @param withMarkers  whether the chart marks them (line charts) or only lists them (bars, percentiles)
     */
    static String of(List<RunView> runs, boolean withMarkers) {
        List<RunView> failed = runs.stream().filter(run -> run.status() == RunStatus.FAILED).toList();
        List<RunView> flagged = runs.stream().filter(run -> run.status() == RunStatus.FLAGGED).toList();
        StringBuilder text = new StringBuilder();
        if (!failed.isEmpty()) {
            boolean invalid = failed.stream().anyMatch(RunView::invalid);
            String what = invalid ? "a failed run, or an invalid one (corrupt: its server answered with wrong bytes),"
                    : "a failed run,";
            text.append(withMarkers ? " Red × at the bottom: " + what + " which has no valid data and leaves a gap in"
                    + " its line." : invalid ? " Failed and invalid runs are not drawn." : " Failed runs are not drawn.");
            text.append(invalid ? " Failed or invalid: " : " Failed: ").append(failed.stream()
                    .map(run -> at(run) + " (" + run.failureReason() + ")").collect(Collectors.joining("; ")))
                    .append('.');
        }
        if (!flagged.isEmpty()) {
            List<String> meanings = new ArrayList<>();
            if (flagged.stream().anyMatch(run -> run.flags().contains("client_bound"))) {
                meanings.add("client_bound: the load client's IO threads were busy 90% of the window while the server"
                        + " was not at its limit");
            }
            if (flagged.stream().anyMatch(run -> run.flags().contains("rate_missed"))) {
                meanings.add("rate_missed: the open loop fell short of its target rate");
            }
            if (flagged.stream().anyMatch(run -> run.flags().contains("stalled"))) {
                meanings.add("stalled: some connection went without an echo for a tenth of the window or longer");
            }
            if (flagged.stream().anyMatch(run -> run.flags().contains("client_stalled"))) {
                meanings.add("client_stalled: the load client did not run for a tenth of the window or longer, and"
                        + " the latency it measured then was its own");
            }
            if (flagged.stream().anyMatch(run -> run.flags().contains("latency_incomplete"))) {
                meanings.add("latency_incomplete: connections starved past the window left no latency sample;"
                        + " its latencies are not drawn" + (withMarkers ? " (◆ at the bottom)" : "")
                        + ", since they would read as the best of all");
            }
            if (flagged.stream().anyMatch(run -> run.errorCount() != null && run.errorCount() > 0)) {
                meanings.add("errors: the client counted connections that failed or broke, echoes that timed out or"
                        + " overflowed its backlog; the figures are those of the connections and messages that worked");
            }
            text.append(withMarkers ? " Black ▲: a flagged run, measured but suspect" : " Flagged runs are measured"
                    + " but suspect").append(" (").append(String.join("; ", meanings)).append("). Flagged: ")
                    .append(flagged.stream().map(run -> at(run) + " (" + String.join(", ", run.marks()) + ")")
                            .collect(Collectors.joining("; ")))
                    .append('.');
        }
        return text.toString();
    }

    private static String at(RunView run) {
        int connections = run.key().connections();
        int idle = run.key().slice().idle();
        return run.key().model() + " at " + NumberText.format(connections, true)
                + (connections == 1 ? " connection" : " connections")
                + (idle == 0 ? "" : " + " + NumberText.format(idle, true) + " idle");
    }
}
