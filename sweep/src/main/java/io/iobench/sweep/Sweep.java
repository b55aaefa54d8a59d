package io.iobench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link SweepPlan}: for each point it starts the model's server in its own pinned JVM, waits for READY,
 * runs {@code iobench load} pinned to the other CPUs against it, stops the server, and publishes the run.
 *
 * <p>A server that will not start, dies, or hangs on SIGTERM makes that run failed, with the reason and its last
 * lines of output, and the sweep goes on. {@link #interrupt()} (wired to SIGINT and SIGTERM) stops the point in
 * progress and its processes; every finished run stays, and the manifest says the sweep was interrupted.
 */
public final class Sweep {

    /** Descriptors a client keeps for itself beyond one per connection (JVM jars, epoll, pipes). */
    static final int CLIENT_DESCRIPTOR_RESERVE = 128;

    private final SweepPlan plan;
    private final ResultsDirectory results;
    private final PrintStream log;
    private final Clock clock;
    private volatile boolean interrupted;
    private volatile LoadProcess currentLoad;
    private volatile ServerProcess currentServer;

    Sweep(SweepPlan plan, ResultsDirectory results, PrintStream log, Clock clock) {
        this.plan = plan;
        this.results = results;
        this.log = log;
        this.clock = clock;
    }

    /** @return the sweep's directory */
    public Path directory() {
        return results.path();
    }

    /** Runs every point; returns false when interrupted before the end. */
    public boolean run() throws IOException {
        List<SweepPoint> points = plan.points();
        log.printf("sweep: %d runs into %s (pinning %s)%n", points.size(), results.path(), plan.pinning());
        int done = 0;
        for (SweepPoint point : points) {
            if (interrupted) {
                break;
            }
            log.printf("[%d/%d] %s%n", ++done, points.size(), point.id());
            Path scratch = results.scratchFor(point);
            JsonNode result = measure(point, scratch);
            if (interrupted) {
                results.discard(scratch);
                break;
            }
            results.commit(point, scratch, result);
            JsonNode flags = result.path("flags");
            if (flags.path("failed").asBoolean()) {
                log.printf("  FAILED: %s%n", flags.path("reason").asText());
            }
        }
        results.finish(interrupted ? "interrupted" : "complete", clock.instant());
        log.printf("sweep %s: %s%n", interrupted ? "interrupted" : "complete", results.path());
        return !interrupted;
    }

    /** Stops the point in progress and ends the sweep after it; safe to call from a signal handler. */
    public void interrupt() {
        interrupted = true;
        LoadProcess load = currentLoad;
        if (load != null) {
            load.terminate();
        }
    }

    /** Kills whatever child process is still running; for a shutdown hook. */
    public void killChildren() {
        LoadProcess load = currentLoad;
        if (load != null) {
            load.kill();
        }
        ServerProcess server = currentServer;
        if (server != null) {
            server.close();
        }
    }

    private JsonNode measure(SweepPoint point, Path scratch) throws IOException {
        List<String> problems = new ArrayList<>();
        ServerLaunch launch = new ServerLaunch(point.model(), plan.serverThreads(), 0, plan.serverJvmOptions(),
                plan.pinning().serverCpus(), scratch.resolve("server.log"), java.time.Duration.ofSeconds(30));
        try (ServerProcess server = ServerProcess.start(launch)) {
            currentServer = server;
            int exit = runClient(point, server, scratch);
            if (exit == LoadProcess.TIMED_OUT) {
                problems.add("client did not finish within " + plan.runTimeout(point).toSeconds() + " s and was killed");
            } else if (exit != 0 && exit != 1 && !interrupted) {
                problems.add("client exited with code " + exit);
            }
            if (!server.isAlive()) {
                problems.add("server died during the run (exit code " + server.stop() + ")"
                        + lastLine(server.lastOutputLines()));
            } else {
                int code = server.stop();
                if (server.wasKilled()) {
                    problems.add("server did not exit within " + ServerProcess.STOP_TIMEOUT_MS / 1000
                            + " s of SIGTERM and was killed" + lastLine(server.lastOutputLines()));
                } else if (code != 0) {
                    problems.add("server exited with code " + code + " on SIGTERM" + lastLine(server.lastOutputLines()));
                }
            }
        } catch (ServerStartException e) {
            problems.add(e.getMessage() + lastLine(e.lastOutputLines()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            interrupted = true;
        } finally {
            currentServer = null;
            currentLoad = null;
        }
        Path file = scratch.resolve("result.json");
        JsonNode result = readResult(file, problems);
        if (problems.isEmpty() && result != null) {
            return result; // the client's own file stands as written
        }
        JsonNode failed = withProblems(point, result, problems);
        ResultsDirectory.writeAtomically(file, ResultsDirectory.JSON.writeValueAsString(failed) + "\n");
        return failed;
    }

    private int runClient(SweepPoint point, ServerProcess server, Path scratch)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(
                "--target", "127.0.0.1:" + server.port(),
                "--model", point.model(),
                "--connections", Integer.toString(point.connections()),
                "--idle-connections", Integer.toString(point.idleConnections()),
                "--size", Integer.toString(point.sizeBytes()),
                "--warmup", plan.warmup().toMillis() + "ms",
                "--duration", plan.duration().toMillis() + "ms",
                "--idle-window", plan.idleWindow().toMillis() + "ms",
                "--server-pid", Long.toString(server.pid()),
                "--out", scratch.toString()));
        if (point.openLoop()) {
            args.addAll(List.of("--rate", Long.toString(point.rateMsgsPerS())));
        } else {
            args.addAll(List.of("--pipeline", Integer.toString(plan.pipeline())));
        }
        LoadProcess load = LoadProcess.start(plan.pinning().clientCpus(), plan.clientJvmOptions(), args,
                scratch.resolve("client.log"), log);
        currentLoad = load;
        if (interrupted) {
            load.terminate();
        }
        return load.await(plan.runTimeout(point));
    }

    private JsonNode readResult(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return ResultsDirectory.JSON.readTree(file.toFile());
        } catch (IOException e) {
            problems.add("client wrote an unreadable " + file.getFileName() + ": " + e.getMessage());
            return null;
        }
    }

    /** Marks the run failed with every problem seen; builds a bare failed result when the client wrote none. */
    private JsonNode withProblems(SweepPoint point, JsonNode result, List<String> problems) {
        if (result == null && problems.isEmpty()) {
            problems.add("client wrote no result");
        }
        ObjectNode node = result instanceof ObjectNode o ? o : bareResult(point);
        ObjectNode flags = node.with("flags");
        String earlier = flags.path("reason").isTextual() ? flags.get("reason").asText() + "; " : "";
        flags.put("failed", true);
        flags.put("reason", earlier + String.join("; ", problems));
        return node;
    }

    private ObjectNode bareResult(SweepPoint point) {
        ObjectNode r = ResultsDirectory.JSON.createObjectNode();
        r.put("schema", "iobench-run/1");
        r.put("model", point.model());
        r.put("connections", point.connections());
        r.put("idle_connections", point.idleConnections());
        r.put("size", point.sizeBytes());
        r.put("mode", point.openLoop() ? "open" : "closed");
        if (point.openLoop()) {
            r.putNull("pipeline");
            r.put("rate_target_msgs_per_s", point.rateMsgsPerS());
        } else {
            r.put("pipeline", plan.pipeline());
            r.putNull("rate_target_msgs_per_s");
        }
        r.put("started_at", clock.instant().toString());
        for (String missing : List.of("throughput", "latency_us", "connect", "errors", "server", "client",
                "environment")) {
            r.putNull(missing);
        }
        ObjectNode flags = r.putObject("flags");
        flags.put("client_bound", false);
        flags.put("rate_missed", false);
        flags.put("latency_incomplete", false);
        return r;
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : "; last output: " + lines.get(lines.size() - 1);
    }
}
