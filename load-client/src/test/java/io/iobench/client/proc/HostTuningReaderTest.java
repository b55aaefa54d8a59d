package io.iobench.client.proc;

import static org.assertj.core.api.Assertions.assertThat;

import io.iobench.results.HostTuning;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's tuning, read from a tree of files laid out as /proc and /sys lay them out, with the kernel's own
 * spelling (trailing newlines, tabs in tcp_rmem, every THP choice with the selected one bracketed).
 */
class HostTuningReaderTest {

    @TempDir
    Path root;

    @Test
    void readsEverySettingFromItsFile() throws IOException {
        tunedHost();

        HostTuning tuning = new HostTuningReader(root).read();

        assertThat(tuning).isEqualTo(new HostTuning("BOOT_IMAGE=/vmlinuz ro isolcpus=1 mitigations=off",
                "performance", 1_200_000L, 3_400_000L, "madvise", 4096, List.of(4096L, 131_072L, 33_554_432L),
                List.of(4096L, 16_384L, 4_194_304L), 50, 25, "kvm-clock", true,
                Map.of("meltdown", "Not affected", "retbleed", "Vulnerable",
                        "spectre_v2", "Mitigation: Retpolines; STIBP: disabled"), true, "xen"));
    }

    @Test
    void everySettingWhoseFileIsMissingIsNull() {
        HostTuning tuning = new HostTuningReader(root).read();

        assertThat(tuning).isEqualTo(new HostTuning(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null));
    }

    @Test
    void aVmWithoutCpufreqOrHypervisorTypeLeavesOnlyThoseNull() throws IOException {
        tunedHost();
        delete("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor",
                "sys/devices/system/cpu/cpu0/cpufreq/scaling_min_freq",
                "sys/devices/system/cpu/cpu0/cpufreq/scaling_max_freq", "sys/hypervisor/type");

        HostTuning tuning = new HostTuningReader(root).read();

        assertThat(tuning.cpufreqGovernor()).isNull();
        assertThat(tuning.cpufreqMinKhz()).isNull();
        assertThat(tuning.cpufreqMaxKhz()).isNull();
        assertThat(tuning.hypervisorType()).isNull();
        assertThat(tuning.hypervisor()).isTrue();
        assertThat(tuning.somaxconn()).isEqualTo(4096);
    }

    @Test
    void takesTheBracketedTransparentHugePagesChoice() {
        assertThat(HostTuningReader.selected("always [madvise] never")).isEqualTo("madvise");
        assertThat(HostTuningReader.selected("[always] madvise never")).isEqualTo("always");
        assertThat(HostTuningReader.selected("always madvise [never]")).isEqualTo("never");
        assertThat(HostTuningReader.selected("never")).as("nothing bracketed").isEqualTo("never");
        assertThat(HostTuningReader.selected(null)).isNull();
    }

    /* Kernels before 4.19 have smt/control but no smt/active. */
    @Test
    void readsSmtFromItsControlWhenTheKernelDoesNotSayWhetherItIsActive() throws IOException {
        write("sys/devices/system/cpu/smt/control", "on\n");
        assertThat(new HostTuningReader(root).read().smtActive()).isTrue();

        for (String off : List.of("off", "forceoff", "notsupported")) {
            write("sys/devices/system/cpu/smt/control", off + "\n");
            assertThat(new HostTuningReader(root).read().smtActive()).as(off).isFalse();
        }
        write("sys/devices/system/cpu/smt/control", "notimplemented\n");
        assertThat(new HostTuningReader(root).read().smtActive()).isNull();

        write("sys/devices/system/cpu/smt/active", "0\n");
        write("sys/devices/system/cpu/smt/control", "on\n");
        assertThat(new HostTuningReader(root).read().smtActive()).as("active decides over control").isFalse();
    }

    @Test
    void aValueThatIsNotANumberIsNullAndTheRestIsRead() throws IOException {
        tunedHost();
        write("proc/sys/net/core/somaxconn", "lots\n");
        write("proc/sys/net/ipv4/tcp_rmem", "4096\t131072\n");
        write("proc/sys/net/ipv4/tcp_wmem", "4096\tsixteen\t4194304\n");
        write("proc/sys/net/core/busy_poll", "99999999999\n");

        HostTuning tuning = new HostTuningReader(root).read();

        assertThat(tuning.somaxconn()).isNull();
        assertThat(tuning.tcpRmemBytes()).as("minimum, default and maximum, or nothing").isNull();
        assertThat(tuning.tcpWmemBytes()).isNull();
        assertThat(tuning.busyPollUs()).as("beyond an int").isNull();
        assertThat(tuning.busyReadUs()).isEqualTo(25);
    }

    @Test
    void aHostWithoutTheHypervisorFlagIsBareMetalAndOneWithoutFlagsDoesNotSay() throws IOException {
        write("proc/cpuinfo", "processor\t: 0\nflags\t\t: fpu vme de pse tsc msr\n\n"
                + "processor\t: 1\nflags\t\t: fpu vme de pse tsc msr\n");
        assertThat(new HostTuningReader(root).read().hypervisor()).isFalse();

        write("proc/cpuinfo", "processor\t: 0\nFeatures\t: fp asimd evtstrm\n");
        assertThat(new HostTuningReader(root).read().hypervisor()).as("ARM's cpuinfo has no flags").isNull();
    }

    /* A sysctl's file answers only a read from its start: read a byte at a time, somaxconn 4096 was 4. */
    @Test
    void readsThisHostsSysctlsWhole() throws IOException {
        HostTuning tuning = HostTuningReader.current();

        assertThat(tuning.kernelCommandLine()).as("/proc/cmdline is on every Linux").isNotNull();
        Path somaxconn = Path.of("/proc/sys/net/core/somaxconn");
        if (Files.isReadable(somaxconn)) {
            String written = Files.readAllLines(somaxconn).getFirst().strip();
            assertThat(tuning.somaxconn()).isEqualTo(Integer.parseInt(written));
        }
        if (Files.isReadable(Path.of("/proc/sys/net/ipv4/tcp_rmem"))) {
            assertThat(tuning.tcpRmemBytes()).hasSize(3);
        }
    }

    /** A tuned host under a Xen hypervisor, every file in place. */
    private void tunedHost() throws IOException {
        write("proc/cmdline", "BOOT_IMAGE=/vmlinuz ro isolcpus=1 mitigations=off\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_governor", "performance\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_min_freq", "1200000\n");
        write("sys/devices/system/cpu/cpu0/cpufreq/scaling_max_freq", "3400000\n");
        write("sys/kernel/mm/transparent_hugepage/enabled", "always [madvise] never\n");
        write("proc/sys/net/core/somaxconn", "4096\n");
        write("proc/sys/net/ipv4/tcp_rmem", "4096\t131072\t33554432\n");
        write("proc/sys/net/ipv4/tcp_wmem", "4096\t16384\t4194304\n");
        write("proc/sys/net/core/busy_poll", "50\n");
        write("proc/sys/net/core/busy_read", "25\n");
        write("sys/devices/system/clocksource/clocksource0/current_clocksource", "kvm-clock\n");
        write("sys/devices/system/cpu/smt/active", "1\n");
        write("sys/devices/system/cpu/smt/control", "on\n");
        write("sys/devices/system/cpu/vulnerabilities/spectre_v2", "Mitigation: Retpolines; STIBP: disabled\n");
        write("sys/devices/system/cpu/vulnerabilities/meltdown", "Not affected\n");
        write("sys/devices/system/cpu/vulnerabilities/retbleed", "Vulnerable\n");
        write("proc/cpuinfo", "processor\t: 0\nmodel name\t: Fixture CPU\n"
                + "flags\t\t: fpu vme de pse tsc msr hypervisor lahf_lm\n\n");
        write("sys/hypervisor/type", "xen\n");
    }

    private void write(String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private void delete(String... files) throws IOException {
        for (String file : files) {
            Files.delete(root.resolve(file));
        }
    }
}
