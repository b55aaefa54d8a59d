package io.iobench.benchmarks;

import io.iobench.client.proc.ProcStat;
import io.iobench.client.proc.ProcWindow;
import io.iobench.client.proc.ThreadWindow;
import java.io.IOException;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What the server process spent on the echoes of an iteration, from /proc ({@link ProcStat}): JMH secondary
 * results next to the primary score.
 *
 * <p>How JMH reports them: {@link AuxCounters.Type#EVENTS} counters are neither divided by time nor by operations;
 * JMH takes each field's value at the end of every iteration and <em>sums</em> it over the measured iterations (and
 * forks; warmup is discarded). A per-operation ratio stored here would come out multiplied by the iteration count,
 * and the counters must be {@code int} or {@code long}. So each counter is a total over exactly the same window,
 * this iteration's setup to its teardown, and the per-echo cost is a ratio of two of them:
 *
 * <pre>
 * server CPU per echo (ns)          = serverCpuNs / echoes
 * server context switches per echo  = (serverVoluntarySwitches + serverInvoluntarySwitches) / echoes
 * </pre>
 *
 * {@code echoes} counts the operations in the window, which is a few more than JMH's timed ones (JMH's own
 * catch-up calls around the timed part are echoes the server also paid for).
 *
 * <p>Resolution: CPU time is each thread's schedstat, in nanoseconds, summed thread by thread; where the kernel does
 * not keep schedstat it falls back to clock ticks (10 ms), within 20 ms of the truth per iteration.
 */
@AuxCounters(AuxCounters.Type.EVENTS)
@State(Scope.Thread)
public class ServerCost {

    /** Echoes completed in the iteration, the window of every other counter here. */
    public long echoes;
    /** Server CPU time, user plus system, over the iteration, nanoseconds. */
    public long serverCpuNs;
    /** Times a server thread blocked (on a read, a lock, a selector...) over the iteration. */
    public long serverVoluntarySwitches;
    /** Times the kernel preempted a server thread over the iteration. */
    public long serverInvoluntarySwitches;

    private ProcStat start;

    /** JMH zeroes the counters itself right after this, at the start of every iteration. */
    @Setup(Level.Iteration)
    public void begin(ServerUnderTest server) throws IOException {
        start = ProcStat.read(server.pid());
    }

    @TearDown(Level.Iteration)
    public void end(ServerUnderTest server) throws IOException {
        ProcWindow window = new ProcWindow(start, ProcStat.read(server.pid()));
        ThreadWindow threads = window.threads();
        serverCpuNs = threads.schedstat() ? threads.runNs() : Math.round(window.cpu().cpuS() * 1e9);
        serverVoluntarySwitches = threads.voluntary();
        serverInvoluntarySwitches = threads.involuntary();
    }

    void echoed() {
        echoes++;
    }
}
