package io.iobench.sweep;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What a sweep measures and how: every model x size x connection count x idle connection count, each in closed
 * loop and once per open-loop rate.
 *
 * @param label            names the results directory, {@code results/<timestamp>-<label>}
 * @param models           model names, run in this order
 * @param connections      active connection counts
 * @param idleConnections  idle connection counts (0 = none)
 * @param sizesBytes       message sizes
 * @param ratesMsgsPerS    open-loop rates run after each closed-loop point; empty for closed loop only
 * @param closedLoop       whether closed-loop points are run
 * @param pipeline         closed loop: messages in flight per connection
 * @param warmup           not recorded
 * @param duration         the measured window
 * @param idleWindow       connections open and no traffic, to measure idle CPU
 * @param serverThreads    {@code --threads} for every server; 0 for each model's default
 * @param serverJvmOptions extra server JVM options
 * @param clientJvmOptions extra client JVM options
 * @param pinning          server and client CPU sets
 */
public record SweepPlan(String label, List<String> models, List<Integer> connections, List<Integer> idleConnections,
                        List<Integer> sizesBytes, List<Long> ratesMsgsPerS, boolean closedLoop, int pipeline,
                        Duration warmup, Duration duration, Duration idleWindow, int serverThreads,
                        List<String> serverJvmOptions, List<String> clientJvmOptions, CpuPinning pinning) {

    public SweepPlan {
        models = List.copyOf(models);
        connections = List.copyOf(connections);
        idleConnections = List.copyOf(idleConnections);
        sizesBytes = List.copyOf(sizesBytes);
        ratesMsgsPerS = List.copyOf(ratesMsgsPerS);
        serverJvmOptions = List.copyOf(serverJvmOptions);
        clientJvmOptions = List.copyOf(clientJvmOptions);
    }

    /** The points in run order: model by model, so one model's curve is complete before the next starts. */
    public List<SweepPoint> points() {
        List<SweepPoint> points = new ArrayList<>();
        for (String model : models) {
            for (int size : sizesBytes) {
                for (int idle : idleConnections) {
                    for (int n : connections) {
                        if (closedLoop) {
                            points.add(new SweepPoint(model, n, idle, size, 0));
                        }
                        for (long rate : ratesMsgsPerS) {
                            points.add(new SweepPoint(model, n, idle, size, rate));
                        }
                    }
                }
            }
        }
        return points;
    }

    /** Upper bound of one point's wall time, after which its client is killed and the run counts as failed. */
    public Duration runTimeout(SweepPoint point) {
        Duration connect = Duration.ofMillis(20L * point.clientDescriptors());
        return idleWindow.plus(warmup).plus(duration).plus(connect).plus(Duration.ofSeconds(60));
    }
}
