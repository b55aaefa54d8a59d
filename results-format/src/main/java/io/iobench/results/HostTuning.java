package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the host was tuned, in what decides network performance: two hosts' figures compare only when these are
 * known. Each is read from /proc or /sys as the run starts; a setting the kernel does not expose (no cpufreq
 * driver in a VM, no SMT control, an older kernel) is null, and so is the whole record in files written before it
 * existed. {@link #settings()} names each as an administrator sets it, for the report and the comparison of sweeps.
 *
 * @param kernelCommandLine    the kernel's command line, /proc/cmdline (where {@code mitigations=}, {@code isolcpus=},
 *                             {@code nohz_full=} and the like are set)
 * @param cpufreqGovernor      CPU 0's frequency governor, {@code performance} or {@code powersave} for example
 *                             (/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor); null without a cpufreq driver
 * @param cpufreqMinKhz        the lowest frequency that governor may choose for CPU 0, kHz (scaling_min_freq); null
 *                             without a cpufreq driver
 * @param cpufreqMaxKhz        the highest, kHz (scaling_max_freq); null without a cpufreq driver
 * @param transparentHugepages the transparent huge pages mode selected, {@code always}, {@code madvise} or
 *                             {@code never} (the bracketed one of /sys/kernel/mm/transparent_hugepage/enabled)
 * @param somaxconn            the largest accept backlog a listening socket may have, connections
 *                             (net.core.somaxconn)
 * @param tcpRmemBytes         a TCP socket's receive buffer: minimum, default and maximum, bytes (net.ipv4.tcp_rmem)
 * @param tcpWmemBytes         a TCP socket's send buffer: minimum, default and maximum, bytes (net.ipv4.tcp_wmem)
 * @param busyPollUs           how long poll and select busy-wait on a device queue before sleeping, microseconds; 0
 *                             is off (net.core.busy_poll)
 * @param busyReadUs           how long a blocking read busy-waits on a device queue, microseconds; 0 is off
 *                             (net.core.busy_read)
 * @param clocksource          the kernel's clock source, {@code tsc} or {@code kvm-clock} for example: what every
 *                             timestamp costs (/sys/devices/system/clocksource/clocksource0/current_clocksource)
 * @param smtActive            whether simultaneous multithreading (hyper-threading) is on, so two logical CPUs may
 *                             share a core (/sys/devices/system/cpu/smt/active, else smt/control); null when the
 *                             kernel does not say
 * @param vulnerabilities      every CPU vulnerability the kernel knows, by name, with its state: {@code Not
 *                             affected}, {@code Vulnerable} or the mitigation in force, which may cost every system
 *                             call (/sys/devices/system/cpu/vulnerabilities/*)
 * @param hypervisor           whether the kernel runs under a hypervisor (the {@code hypervisor} flag of
 *                             /proc/cpuinfo); null when /proc/cpuinfo has no flags line (as on ARM)
 * @param hypervisorType       the hypervisor's type, {@code xen} for example (/sys/hypervisor/type); null where the
 *                             kernel does not expose it, as under KVM
 */
public record HostTuning(String kernelCommandLine, String cpufreqGovernor, Long cpufreqMinKhz, Long cpufreqMaxKhz,
                         String transparentHugepages, Integer somaxconn, List<Long> tcpRmemBytes,
                         List<Long> tcpWmemBytes, Integer busyPollUs, Integer busyReadUs, String clocksource,
                         Boolean smtActive, Map<String, String> vulnerabilities, Boolean hypervisor,
                         String hypervisorType) {

    /** The prefix of each vulnerability's name in {@link #settings()}. */
    public static final String VULNERABILITY = "vulnerabilities/";

    public HostTuning {
        tcpRmemBytes = tcpRmemBytes == null ? null : List.copyOf(tcpRmemBytes);
        tcpWmemBytes = tcpWmemBytes == null ? null : List.copyOf(tcpWmemBytes);
        // Sorted by name, so a file and a comparison list them in one order whatever the directory's.
        vulnerabilities = vulnerabilities == null ? null : Collections.unmodifiableMap(new TreeMap<>(vulnerabilities));
    }

    /**
     * Every setting by the name an administrator sets it by ({@code net.core.somaxconn}, {@code
     * cpufreq/scaling_governor}, {@code vulnerabilities/spectre_v2}), with its value as text in the kernel's own
     * spelling ({@code 4096 131072 6291456} for tcp_rmem); null where it was not recorded. In the order of the
     * fields above, each vulnerability in its place.
     */
    @JsonIgnore
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("kernel command line", kernelCommandLine);
        settings.put("cpufreq/scaling_governor", cpufreqGovernor);
        settings.put("cpufreq/scaling_min_freq", kilohertz(cpufreqMinKhz));
        settings.put("cpufreq/scaling_max_freq", kilohertz(cpufreqMaxKhz));
        settings.put("transparent_hugepage/enabled", transparentHugepages);
        settings.put("net.core.somaxconn", text(somaxconn));
        settings.put("net.ipv4.tcp_rmem", words(tcpRmemBytes));
        settings.put("net.ipv4.tcp_wmem", words(tcpWmemBytes));
        settings.put("net.core.busy_poll", text(busyPollUs));
        settings.put("net.core.busy_read", text(busyReadUs));
        settings.put("clocksource", clocksource);
        settings.put("SMT", smtActive == null ? null : smtActive ? "on" : "off");
        if (vulnerabilities != null) {
            vulnerabilities.forEach((name, state) -> settings.put(VULNERABILITY + name, state));
        }
        settings.put("hypervisor", hypervisor == null ? null : hypervisor ? "yes" : "no");
        settings.put("hypervisor type", hypervisorType);
        return settings;
    }

    private static String kilohertz(Long khz) {
        return khz == null ? null : khz + " kHz";
    }

    private static String text(Integer value) {
        return value == null ? null : value.toString();
    }

    private static String words(List<Long> values) {
        return values == null ? null : String.join(" ", values.stream().map(String::valueOf).toList());
    }
}
