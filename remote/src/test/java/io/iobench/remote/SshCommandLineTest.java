package io.iobench.remote;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The one ssh command line every call uses, and how a command is shown in a message. */
class SshCommandLineTest {

    @Test
    void sharesOneMasterPerHostAndNeverAsksForAPassword() throws Exception {
        SshOptions options = SshOptions.defaults().withConfig(Path.of("/etc/cfg")).withConnectTimeout(
                Duration.ofMillis(2500));
        try (Ssh ssh = Ssh.open(options)) {
            List<String> line = ssh.commandLine(SshTarget.parse("u@h"), "echo 'x'");
            assertThat(Path.of(line.getFirst()).getFileName()).hasToString("ssh");
            assertThat(line.get(7)).startsWith("ControlPath=" + System.getProperty("java.io.tmpdir")).endsWith("/%C");
            assertThat(line.subList(1, line.size()).stream().map(a -> a.startsWith("ControlPath=") ? "CP" : a))
                    .containsExactly("-T", "-o", "BatchMode=yes", "-o", "ControlMaster=auto", "-o", "CP",
                            "-o", "ControlPersist=60s", "-o", "ConnectTimeout=3", "-o", "ServerAliveInterval=5",
                            "-o", "ServerAliveCountMax=3", "-F", "/etc/cfg",
                            "--", "u@h", "echo 'x'");
        }
    }

    @Test
    void defaultsToTheUsersOwnConfigAndTenSeconds() {
        assertThat(SshOptions.defaults().configFile()).isEmpty();
        assertThat(SshOptions.defaults().connectTimeoutSeconds()).isEqualTo(10);
        assertThat(SshOptions.defaults().withConnectTimeout(Duration.ofMillis(1)).connectTimeoutSeconds()).isOne();
    }

    @Test
    void showsACommandByItsFirstLineAbbreviated() {
        assertThat(Ssh.abbreviate("sleep 30")).isEqualTo("sleep 30");
        assertThat(Ssh.abbreviate("bash -s\nmore")).isEqualTo("bash -s...");
        assertThat(Ssh.abbreviate("x".repeat(80))).isEqualTo("x".repeat(57) + "...");
    }
}
