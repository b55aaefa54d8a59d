package io.iobench.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The check of a host, against an sshd in a network namespace on 198.18.12.0/24 sharing this machine's JDKs. */
@Timeout(60)
class RemoteHostTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final SshTarget HOST = new SshTarget(Optional.of("root"), "h");

    @RegisterExtension
    static final NetnsHostsExtension NET = new NetnsHostsExtension(1, 12, Duration.ofSeconds(10));

    @Test
    void findsAJdk25AndTheHostsFacts() throws Exception {
        HostFacts facts = RemoteHost.check(NET.ssh(), NET.hosts().target(1), TIMEOUT);
        assertThat(facts.target()).isEqualTo(NET.hosts().target(1));
        assertThat(Files.readString(Path.of(facts.javaHome(), "release"))).containsPattern("JAVA_VERSION=\"2[5-9]");
        assertThat(Path.of(facts.javaBinary())).isExecutable();
        assertThat(facts.cores()).isPositive();
        assertThat(facts.kernel()).isEqualTo(System.getProperty("os.version"));
        assertThat(facts.hostname()).isNotBlank();
    }

    @Test
    void saysWhenNoJdkIsThere() {
        assertThatThrownBy(() -> RemoteHost.facts(HOST, "java_home=\ntaskset=/usr/bin/taskset\ncores=2\n"))
                .hasMessage("host root@h: no JDK 25 or newer (looked in JAVA_HOME and /usr/lib/jvm)");
    }

    @Test
    void saysWhenTasksetIsMissing() {
        assertThatThrownBy(() -> RemoteHost.facts(HOST, "java_home=/usr/lib/jvm/x\ntaskset=\ncores=2\n"))
                .hasMessageStartingWith("host root@h: no taskset");
    }

    @Test
    void readsTheFactsItPrinted() throws Exception {
        assertThat(RemoteHost.facts(HOST, "java_home=/j\ntaskset=/t\nkernel=6.1\ncores=4\nhostname=n=1\n"))
                .isEqualTo(new HostFacts(HOST, "/j", "n=1", "6.1", 4));
    }
}
