package io.iobench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.iobench.options.Flags;
import io.iobench.options.UsageException;
import io.iobench.remote.SshOptions;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The hosts of a sweep on several hosts: from a hosts file or from flags, and every mistake one usage line. */
class HostsFileTest {

    private static SweepHosts parse(String text) {
        return HostsFile.parse(text.lines().toList(), "hosts.ini", ".iobench-work", SshOptions.defaults());
    }

    @Test
    void readsAServerAndItsClientsWithTheirSettings() {
        SweepHosts hosts = parse("""
                # a comment
                [server]
                host = bench@server-1
                cpus = 0-3
                bind = 198.18.0.1

                [client]
                host = client-1
                cpus = 0,2

                [client]
                host = root@198.18.0.3
                work-dir = /scratch/iobench
                """);
        assertThat(hosts.server().ssh().toString()).isEqualTo("bench@server-1");
        assertThat(hosts.server().cpus()).contains("0-3");
        assertThat(hosts.server().bind()).contains("198.18.0.1");
        assertThat(hosts.server().workDir()).isEqualTo(".iobench-work");
        assertThat(hosts.clients()).extracting(SweepHost::toString).containsExactly("client-1", "root@198.18.0.3");
        assertThat(hosts.clients().get(0).cpus()).contains("0,2");
        assertThat(hosts.clients().get(1).cpus()).isEmpty();
        assertThat(hosts.clients().get(1).workDir()).isEqualTo("/scratch/iobench");
    }

    @Test
    void refusesWhatItCannotReadWithTheLine() {
        assertThatThrownBy(() -> parse("[server]\nhost = a\nport = 22\n[client]\nhost = b\n"))
                .isInstanceOf(UsageException.class).hasMessageContaining("line 3").hasMessageContaining("port");
        assertThatThrownBy(() -> parse("[server]\nhost = a\n[client]\nhost = b\nbind = 1.2.3.4\n"))
                .isInstanceOf(UsageException.class).hasMessageContaining("bind");
        assertThatThrownBy(() -> parse("host = a\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("before any");
        assertThatThrownBy(() -> parse("[server]\nhost = a\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no [client]");
        assertThatThrownBy(() -> parse("[client]\nhost = a\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("no [server]");
        assertThatThrownBy(() -> parse("[server]\nhost = a\n[server]\nhost = b\n[client]\nhost = c\n"))
                .isInstanceOf(UsageException.class).hasMessageContaining("second [server]");
        assertThatThrownBy(() -> parse("[servers]\nhost = a\n")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown section");
        assertThatThrownBy(() -> parse("[server]\nhost = a;rm -rf /\n[client]\nhost = c\n"))
                .isInstanceOf(UsageException.class).hasMessageContaining("bad host");
        assertThatThrownBy(() -> parse("[server]\nhost = a\ncpus = 0;reboot\n[client]\nhost = c\n"))
                .isInstanceOf(UsageException.class).hasMessageContaining("taskset");
        assertThatThrownBy(() -> parse("[server]\nhost = a\nwork-dir = /\n[client]\nhost = c\n"))
                .isInstanceOf(UsageException.class);
    }

    private static Optional<SweepHosts> fromFlags(String... args) {
        return SweepHosts.from(Flags.parse(List.of(args), Set.copyOf(SweepHosts.FLAGS), Set.of()));
    }

    @Test
    void flagsNameTheHostsOrNothingChanges() {
        assertThat(fromFlags()).isEmpty();
        SweepHosts hosts = fromFlags("--server-host", "root@198.18.0.1", "--client-hosts",
                "root@198.18.0.2,root@198.18.0.3", "--work-dir", "/tmp/iobench-work").orElseThrow();
        assertThat(hosts.server().toString()).isEqualTo("root@198.18.0.1");
        assertThat(hosts.clients()).hasSize(2);
        assertThat(hosts.distinct()).hasSize(3);
        assertThat(hosts.server().workDir()).isEqualTo("/tmp/iobench-work");
        assertThatThrownBy(() -> fromFlags("--server-host", "a")).isInstanceOf(UsageException.class)
                .hasMessageContaining("go together");
        assertThatThrownBy(() -> fromFlags("--work-dir", "x")).isInstanceOf(UsageException.class)
                .hasMessageContaining("several hosts");
        assertThatThrownBy(() -> fromFlags("--hosts", "/nonexistent/hosts.ini")).isInstanceOf(UsageException.class)
                .hasMessageContaining("cannot read");
    }
}
