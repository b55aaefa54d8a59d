package io.iobench.client.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** /proc readers against real processes: this JVM and child processes. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProcStatTest {

    @Test
    void showsTheCpuOfABusyThread() throws Exception {
        ProcStat before = ProcStat.self();
        burnCpu(300_000_000L);
        ProcStat after = ProcStat.self();

        ProcWindow window = new ProcWindow(before, after);
        assertThat(window.cpu().cpuS()).isGreaterThanOrEqualTo(0.25);
        assertThat(window.threads().runNs()).isGreaterThanOrEqualTo(250_000_000L);
    }

    /*
     * /proc/PID/stat counts CPU in 10 ms ticks: over a 2 s idle window nothing finer than 0.005 cores. schedstat
     * counts the nanoseconds the kernel also gives the thread's own CPU clock, so the two agree to the microsecond
     * for a thread that burned a few milliseconds, a figure ticks would show as 0 or 10 ms.
     */
    @Test
    void countsAThreadsCpuToTheNanosecond() throws Exception {
        long tid = currentTid();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long pid = ProcessHandle.current().pid();
        for (int i = 0; i < 50; i++) {
            ThreadStats.read(pid, List.of(tid)); // compiled and its files cached, so the readings cost microseconds
        }
        // The kernel brings a running thread's schedstat up to date when it is switched out: sleeping does that.
        TimeUnit.MILLISECONDS.sleep(1);
        ThreadStats before = ThreadStats.read(pid, List.of(tid));
        long cpuBeforeNs = mx.getCurrentThreadCpuTime();
        burnCpu(3_000_000L);
        long cpuAfterNs = mx.getCurrentThreadCpuTime();
        TimeUnit.MILLISECONDS.sleep(1);
        ThreadStats after = ThreadStats.read(pid, List.of(tid));

        long runNs = after.since(before).runNs();
        long clockNs = cpuAfterNs - cpuBeforeNs;
        assertThat(clockNs).isBetween(3_000_000L, 1_000_000_000L);
        // What ran besides the burn (the clock reads, waking from the sleep) is microseconds; ticks would be 10 ms.
        assertThat(runNs).isBetween(clockNs - 200_000L, clockNs + 1_000_000L);
    }

    @Test
    void showsRunqueueWaitWhenBusyThreadsOutnumberTheCpus() throws Exception {
        // One busy thread more than this JVM may use CPUs: whatever else runs, together they are runnable for
        // (cpus + 1) x the window and can be on a CPU for at most cpus x the window, so they wait at least one
        // window in all.
        int busy = Runtime.getRuntime().availableProcessors() + 1;
        CountDownLatch started = new CountDownLatch(busy);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < busy; t++) {
            threads.add(Thread.ofPlatform().name("busy-" + t).start(() -> {
                started.countDown();
                while (!stop.get()) {
                    Thread.onSpinWait();
                }
            }));
        }
        try {
            started.await();
            long pid = ProcessHandle.current().pid();
            ThreadStats before = ThreadStats.read(pid);
            List<Long> named = before.tidsNamed("busy-");
            TimeUnit.MILLISECONDS.sleep(1000);
            ThreadStats after = ThreadStats.read(pid);
            ThreadWindow all = after.since(before);
            assertThat(all.waitS()).isNotNull().isGreaterThanOrEqualTo(0.5 * all.wallS());
            // The busy threads are named: counting them alone finds their wait, counting another name finds none.
            ThreadWindow busyOnly = ThreadStats.read(pid, named).since(ThreadStats.read(pid, List.of()));
            assertThat(named).hasSize(busy);
            assertThat(ThreadStats.read(pid, named).since(before).waitNs())
                    .isGreaterThanOrEqualTo((long) (0.5 * all.wallS() * 1e9));
            assertThat(busyOnly.started()).isEqualTo(busy);
            assertThat(before.tidsNamed("no-such-thread-")).isEmpty();
            assertThat(all.busiestThreadBusy()).isGreaterThan(0.5);
        } finally {
            stop.set(true);
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    @Test
    void showsNoCpuForASleepingProcess() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "30").start();
        try {
            ProcStat before = ProcStat.read(sleeper.pid());
            TimeUnit.MILLISECONDS.sleep(1000);
            ProcStat after = ProcStat.read(sleeper.pid());
            ProcWindow window = new ProcWindow(before, after);
            assertThat(window.cpu().cpuS()).isLessThanOrEqualTo(0.02);
            assertThat(window.threads().cores()).isLessThan(0.01);
            assertThat(window.threads().waitS()).isNotNull().isLessThanOrEqualTo(0.02);
            assertThat(window.cpu().wallS()).isGreaterThanOrEqualTo(0.9);
            assertThat(after.times().threads()).isEqualTo(1);
            assertThat(after.rssKib()).isPositive();
            assertThat(after.rssPeakKib()).isGreaterThanOrEqualTo(after.rssKib());
        } finally {
            sleeper.destroyForcibly().waitFor();
        }
    }

    @Test
    void sumsContextSwitchesOverEveryThreadNotOnlyTheMainOne() throws Exception {
        int workers = 4;
        CountDownLatch done = new CountDownLatch(workers);
        CountDownLatch release = new CountDownLatch(1);
        for (int t = 0; t < workers; t++) {
            Thread.ofPlatform().start(() -> {
                switchVoluntarily(200);
                done.countDown();
                await(release);
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        ThreadStats stat = ThreadStats.read(ProcessHandle.current().pid());
        long mainThreadOnly = ProcStat.field(Files.readAllLines(Path.of("/proc/self/status")),
                "voluntary_ctxt_switches:");
        release.countDown();

        assertThat(stat.byTid().values().stream().mapToLong(ThreadStats.ThreadStat::voluntary).sum())
                .isGreaterThan(mainThreadOnly + workers * 100);
    }

    /*
     * A thread that ends between two readings takes its whole life's count with it. Summed over the living threads
     * at each end, the count it had at the first reading would be subtracted from everyone else's; differenced
     * thread by thread, it only loses what it did after the first reading, and is counted as exited.
     */
    @Test
    void aThreadThatEndsBetweenReadingsTakesNothingFromTheOthers() throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch goOn = new CountDownLatch(1);
        CountDownLatch switched = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        Thread shortLived = Thread.ofPlatform().name("short-lived").start(() -> {
            switchVoluntarily(2_000);
            ready.countDown();
            await(goOn);
        });
        Thread longLived = Thread.ofPlatform().name("long-lived").start(() -> {
            ready.countDown();
            await(goOn);
            switchVoluntarily(300);
            switched.countDown();
            await(finish);
        });
        ready.await();
        long pid = ProcessHandle.current().pid();
        ThreadStats before = ThreadStats.read(pid);
        goOn.countDown();
        shortLived.join();
        switched.await();
        ThreadStats after = ThreadStats.read(pid);
        finish.countDown();
        longLived.join();

        ThreadWindow window = after.since(before);
        long living = after.byTid().values().stream().mapToLong(ThreadStats.ThreadStat::voluntary).sum()
                - before.byTid().values().stream().mapToLong(ThreadStats.ThreadStat::voluntary).sum();
        assertThat(living).as("summed over the living threads, the short-lived thread's 2,000 are lost").isNegative();
        assertThat(window.voluntary()).as("thread by thread, the long-lived thread's 300 count")
                .isGreaterThanOrEqualTo(300);
        assertThat(window.exited()).isGreaterThanOrEqualTo(1);
    }

    private static long currentTid() throws IOException {
        // /proc/thread-self is this thread's own task directory.
        return Long.parseLong(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
    }

    private static void burnCpu(long cpuNs) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Spin until this thread has used cpuNs of CPU, however slowly a loaded machine schedules it.
        long startCpuNs = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - startCpuNs < cpuNs) {
            for (int i = 0; i < 1_000; i++) {
                sink += i ^ sink;
            }
        }
        assertThat(sink).isNotEqualTo(42);
    }

    private static void switchVoluntarily(int times) {
        for (int i = 0; i < times; i++) {
            try {
                TimeUnit.MICROSECONDS.sleep(50); // each sleep is a voluntary switch of this thread
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void countsOpenDescriptors(@TempDir Path dir) throws Exception {
        ProcStat before = ProcStat.self();
        List<FileChannel> files = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                files.add(FileChannel.open(Files.createFile(dir.resolve("f" + i))));
            }
            assertThat(ProcStat.self().fds()).isGreaterThanOrEqualTo(before.fds() + 10);
        } finally {
            for (FileChannel file : files) {
                file.close();
            }
        }
    }

    @Test
    void saysWhenTheProcessIsGone() throws Exception {
        Process quick = new ProcessBuilder("true").start();
        quick.waitFor();
        long pid = quick.pid();

        assertThat(ProcStat.alive(pid)).isFalse();
        assertThatThrownBy(() -> ProcStat.read(pid)).isInstanceOf(ProcessGoneException.class);
        assertThatThrownBy(() -> ProcessTimes.read(pid)).isInstanceOf(ProcessGoneException.class);
        assertThatThrownBy(() -> ThreadStats.read(pid)).isInstanceOf(ProcessGoneException.class);
        assertThatThrownBy(() -> ProcessInfo.read(pid)).isInstanceOf(ProcessGoneException.class);
    }

    @Test
    void takesAnExitedButUnreapedProcessForDead() throws Exception {
        // A shell starts a child and execs a sleep, which never reaps: the child exits after the exec and stays a
        // zombie. One that exited before the exec could be reaped by the shell, and was, once in a while.
        Process shell = new ProcessBuilder("sh", "-c", "sleep 0.3 & echo $!; exec sleep 30").start();
        try {
            long zombie = Long.parseLong(shell.inputReader().readLine().trim());
            for (int i = 0; i < 100 && !Files.readString(Path.of("/proc/" + zombie + "/stat")).contains(") Z"); i++) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            assertThat(Files.exists(Path.of("/proc/" + zombie))).isTrue();
            assertThat(ProcStat.alive(zombie)).isFalse();
            assertThat(ProcStat.alive(shell.pid())).isTrue();
        } finally {
            shell.destroyForcibly().waitFor();
        }
    }

    @Test
    void readsTheCommandLineAffinityAndJvmOptions() throws IOException {
        ProcessInfo self = ProcessInfo.self();

        assertThat(self.command()).isNotEmpty();
        assertThat(self.coresAllowed()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(self.jvmOptions()).isNotNull()
                .containsAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                        .filter(option -> option.startsWith("-X")).toList());
    }

    @Test
    void countsCpusInKernelListSyntax() {
        assertThat(ProcessInfo.countCpus("0")).isEqualTo(1);
        assertThat(ProcessInfo.countCpus("0-1")).isEqualTo(2);
        assertThat(ProcessInfo.countCpus("0-3,8,10-11")).isEqualTo(7);
        assertThat(ProcessInfo.countCpus("")).isZero();
        assertThat(ProcessInfo.cpus("0-3,8,10-11")).containsExactly(0, 1, 2, 3, 8, 10, 11);
    }

    @Test
    void describesTheMachine() throws IOException {
        Machine machine = Machine.current();

        assertThat(machine.kernel()).isNotBlank();
        assertThat(machine.cores()).isPositive();
        assertThat(machine.jdk()).startsWith(Runtime.version().feature() + ".");
        assertThat(machine.hostname()).isNotBlank();
    }
}
