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
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        // Spin until this thread has used 300 ms of CPU, however slowly a loaded machine schedules it.
        long startCpuNs = threads.getCurrentThreadCpuTime();
        long sink = 0;
        while (threads.getCurrentThreadCpuTime() - startCpuNs < 300_000_000L) {
            for (int i = 0; i < 100_000; i++) {
                sink += i ^ sink;
            }
        }
        ProcStat after = ProcStat.self();

        assertThat(sink).isNotZero();
        assertThat(new ProcWindow(before, after).cpuS()).isGreaterThanOrEqualTo(0.25);
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
            ProcStat before = ProcStat.self();
            long namedBeforeNs = ProcStat.runDelayNs(before.pid(), "busy-");
            TimeUnit.MILLISECONDS.sleep(1000);
            ProcStat after = ProcStat.self();
            long namedAfterNs = ProcStat.runDelayNs(after.pid(), "busy-");
            ProcWindow window = new ProcWindow(before, after);
            assertThat(window.runDelayS()).isNotNull().isGreaterThanOrEqualTo(0.5 * window.wallS());
            // The busy threads are named: counting them alone finds their wait, counting another name finds none.
            assertThat(namedAfterNs - namedBeforeNs).isGreaterThanOrEqualTo((long) (0.5 * window.wallS() * 1e9));
            assertThat(ProcStat.runDelayNs(after.pid(), "no-such-thread-")).isZero();
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
            assertThat(window.cpuS()).isLessThanOrEqualTo(0.02);
            assertThat(window.runDelayS()).isNotNull().isLessThanOrEqualTo(0.02);
            assertThat(window.wallS()).isGreaterThanOrEqualTo(0.9);
            assertThat(after.threads()).isEqualTo(1);
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
        for (int t = 0; t < workers; t++) {
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 200; i++) {
                    try {
                        TimeUnit.MICROSECONDS.sleep(100); // each sleep is a voluntary switch of this thread
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                done.countDown();
            });
        }
        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        ProcStat stat = ProcStat.self();
        long mainThreadOnly = ProcStat.field(Files.readAllLines(Path.of("/proc/self/status")),
                "voluntary_ctxt_switches:");

        assertThat(stat.ctxVoluntary()).isGreaterThan(mainThreadOnly + workers * 100);
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
        assertThatThrownBy(() -> ProcessInfo.read(pid)).isInstanceOf(ProcessGoneException.class);
    }

    @Test
    void takesAnExitedButUnreapedProcessForDead() throws Exception {
        // A shell that starts a child which exits at once, and does not reap it while it sleeps: a zombie.
        Process shell = new ProcessBuilder("sh", "-c", "true & echo $!; exec sleep 30").start();
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
