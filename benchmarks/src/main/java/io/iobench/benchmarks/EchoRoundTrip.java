package io.iobench.benchmarks;

import io.iobench.client.engine.Engine;
import io.iobench.client.engine.EngineOptions;
import io.iobench.client.engine.Exchange;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * One echo round trip through a model's server while {@code connections} connections are open.
 *
 * <p><b>The operation</b> is one synchronous round trip: write a {@code size}-byte message on one connection, read
 * until its whole echo is back, check every byte. Successive operations take the connections in turn (operation
 * {@code i} uses connection {@code i mod connections}); while one connection carries a message, the other
 * {@code connections - 1} are open and idle. Client and connections are the load client's
 * ({@link Engine#exchange}, the engine the sweep uses); the server is {@link ServerUnderTest}, in its own JVM.
 *
 * <p><b>Why this operation.</b> JMH times operations, so an operation must be something whose duration means
 * something. A round trip does: its time is the latency a lone request sees, and the number that complete per
 * second is the inverse of the mean. Both modes therefore describe the same thing and agree with each other:
 * <ul>
 *   <li>{@link #throughput} (ops/s): round trips per second, one at a time. Not the server's capacity: with one
 *       message in flight the server idles between messages. Capacity under concurrent load is what
 *       {@code iobench sweep} measures, with HdrHistogram and coordinated-omission correction.</li>
 *   <li>{@link #latency} (µs/op, JMH's SampleTime): the distribution of the round trip, with percentiles.</li>
 * </ul>
 * The alternative (every connection in a closed loop, the benchmark method returning when any echo completes)
 * would give a real aggregate rate, but its "time per operation" would be the gap between completions on
 * different connections, which nobody should read as latency.
 *
 * <p><b>What it shows.</b> What idle connections cost the one busy one: select and poll scan every connection on
 * every call, a thread per connection means a different thread wakes for each message, a reactor with epoll or
 * io_uring should not care. Expect the models close together at one connection (two loopback syscalls each way
 * dominate: tens of µs on a small VM) and select/poll to slow down as connections grow to 1000; busy-poll to be
 * fastest and to pay for it with a whole core, visible in {@code serverCpuNs}. A model that cannot serve all the
 * connections at once (thread-pool beyond its workers, select beyond FD_SETSIZE) fails the trial in setup with the
 * reason, instead of producing a number.
 *
 * <p><b>Server cost</b>: {@link ServerCost} adds the server's CPU and context switches over each iteration as
 * secondary results, and the echoes they were spent on; divide one by the other for a per-echo cost.
 *
 * <p>One client thread: the server's /proc counters cover the whole process, so they cannot be split between
 * benchmark threads. Use {@code connections}, not {@code -t}, to add connections.
 */
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class EchoRoundTrip {

    /** Connections open to the server; one carries each round trip, in turn. */
    @Param({"1", "10", "100", "1000"})
    public int connections;

    /** Message size in bytes. */
    @Param({"64", "1024"})
    public int size;

    private Engine engine;
    private Exchange[] exchanges;
    private int next;

    @Setup(Level.Trial)
    public void open(ServerUnderTest server, BenchmarkParams params) throws IOException {
        if (params.getThreads() != 1) {
            throw new IllegalStateException("EchoRoundTrip runs one client thread (the server's /proc counters"
                    + " cannot be split between threads); add connections with -p connections=N instead of -t");
        }
        engine = Engine.open(EngineOptions.of(server.address(), connections, size));
        try {
            if (engine.connections() != connections) {
                throw new IOException("only " + engine.connections() + " of " + connections
                        + " connections to the " + server.model + " server opened: " + engine.connectReport()
                        + ", errors: " + engine.errors());
            }
            exchanges = new Exchange[connections];
            for (int i = 0; i < connections; i++) {
                exchanges[i] = engine.exchange(i);
            }
            FirstEchoes.await(exchanges, server.model);
        } catch (IOException | RuntimeException e) {
            // JMH runs no teardown for a state whose setup failed.
            engine.close();
            throw e;
        }
    }

    @TearDown(Level.Trial)
    public void close() {
        engine.close();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long throughput(ServerCost cost) throws IOException {
        return roundTrip(cost);
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long latency(ServerCost cost) throws IOException {
        return roundTrip(cost);
    }

    private long roundTrip(ServerCost cost) throws IOException {
        Exchange exchange = exchanges[next];
        next = next + 1 == exchanges.length ? 0 : next + 1;
        long roundTripNs = exchange.roundTrip();
        cost.echoed();
        return roundTripNs;
    }

    /*
     * ============================== HOW TO RUN THIS TEST: ====================================
     *
     *    $ java -jar benchmarks/target/benchmarks.jar EchoRoundTrip
     *    $ java -jar benchmarks/target/benchmarks.jar EchoRoundTrip.latency -p model=selector,netty-epoll \
     *          -p connections=1,1000 -p size=64
     *    $ java -jar benchmarks/target/benchmarks.jar EchoRoundTrip.throughput -p model=poll -f 3
     *
     * Build the jar first, from the repository root: `mvn package -DskipTests`; run it with JDK 25 on a host with
     * two or more CPUs and taskset, so that server and client each get their own. Every model, connection count
     * and size makes 72 trials of some 12 s each: about 15 minutes per method and fork.
     */
}
