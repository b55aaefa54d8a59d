package io.iobench.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ssh engine against real sshds in network namespaces on 198.18.10.0/24. */
@Timeout(60)
class SshTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    @RegisterExtension
    static final NetnsHostsExtension NET = new NetnsHostsExtension(2, 10, CONNECT_TIMEOUT);

    @Test
    void returnsTheRemoteCommandsOutputAndExit() throws Exception {
        Ssh.Completed c = NET.ssh().run(host(1), "echo out; echo err >&2; exit 3", null, TIMEOUT);
        assertThat(c).isEqualTo(new Ssh.Completed(3, "out\n", "err\n"));
        assertThat(NET.ssh().run(host(2), "ip -4 -o addr show dev eth0", null, TIMEOUT).stdout())
                .contains(NET.hosts().address(2) + "/24");
    }

    @Test
    void givesStdinToTheCommand() throws Exception {
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        assertThat(NET.ssh().run(host(1), "wc -l", input, TIMEOUT).stdout().strip()).isEqualTo("2");
    }

    @Test
    void saysAHostWithNothingAtItsAddressIsUnreachable() throws Exception {
        SshTarget nobody = new SshTarget(Optional.of("root"), "198.18.10.77");
        try (Ssh fresh = Ssh.open(NET.options(NET.hosts().sshConfig()))) {
            assertThatThrownBy(() -> fresh.run(nobody, "true", null, TIMEOUT)).isInstanceOf(RemoteException.class)
                    .hasMessageStartingWith("host root@198.18.10.77: unreachable (")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"))
                    .satisfies(e -> assertThat(((RemoteException) e).host()).isEqualTo(nobody));
        }
    }

    @Test
    void saysAHostThatRefusesTheKeyRefusedIt() throws Exception {
        Path other = NET.dir().resolve("other");
        Files.createDirectories(other);
        NetnsHosts.keygen(other.resolve("key"));
        Path config = other.resolve("ssh_config");
        Files.writeString(config, Files.readString(NET.hosts().sshConfig())
                .replace(NET.hosts().sshConfig().resolveSibling("client_key").toString(),
                        other.resolve("key").toString()));
        try (Ssh stranger = Ssh.open(NET.options(config))) {
            assertThatThrownBy(() -> stranger.run(host(1), "true", null, TIMEOUT))
                    .hasMessage("host " + host(1) + ": refused the key (root@" + NET.hosts().address(1)
                            + ": Permission denied (publickey).)");
        }
    }

    @Test
    void aStartedCommandEchoesWhatIsSentAndEndsWhenClosed() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        try (RemoteProcess cat = NET.ssh().start(host(2), "cat", lines::add)) {
            cat.send("hello");
            assertThat(lines.poll(10, TimeUnit.SECONDS)).isEqualTo("hello");
            assertThat(cat.isAlive()).isTrue();
            assertThat(NET.hosts().processesBesidesSshd(2)).isNotEmpty();
            assertThat(cat.lastLines()).containsExactly("hello");
        }
        assertThat(awaitNoProcesses(2)).isEmpty();
    }

    @Test
    void aStartedCommandEndsWithItsExitCodeWhenItsStdinCloses() throws Exception {
        try (RemoteProcess cat = NET.ssh().start(host(1), "cat >/dev/null; exit 7", line -> { })) {
            cat.closeStdin();
            assertThat(cat.waitFor(TIMEOUT)).isEqualTo(7);
        }
    }

    @Test
    void uploadsAFileWhole() throws Exception {
        Path local = NET.dir().resolve("upload.bin");
        byte[] bytes = new byte[300_000];
        new java.util.Random(1).nextBytes(bytes);
        Files.write(local, bytes);
        Path remote = NET.dir().resolve("landed.bin");
        NET.ssh().upload(host(1), local, remote.toString(), TIMEOUT);
        assertThat(Files.readAllBytes(remote)).isEqualTo(bytes);
        assertThat(remote.resolveSibling("landed.bin.tmp")).doesNotExist();
    }

    @Test
    void downloadsADirectoryTree() throws Exception {
        Path tree = NET.dir().resolve("tree");
        Files.createDirectories(tree.resolve("a/b"));
        Files.writeString(tree.resolve("top.txt"), "top");
        Files.writeString(tree.resolve("a/b/deep.txt"), "deep");
        Path back = NET.dir().resolve("back/here");
        NET.ssh().download(host(2), tree.toString(), back, TIMEOUT);
        assertThat(back.resolve("top.txt")).hasContent("top");
        assertThat(back.resolve("a/b/deep.txt")).hasContent("deep");
    }

    @Test
    void aFailedDownloadNamesTheHostAndTheDirectory() {
        Path into = NET.dir().resolve("x");
        assertThatThrownBy(() -> NET.ssh().download(host(1), "/nonexistent-iobench", into, TIMEOUT))
                .isInstanceOf(RemoteException.class)
                .hasMessageStartingWith("host " + host(1) + ": download of /nonexistent-iobench failed");
    }

    @Test
    void anUnpluggedHostIsUnreachable() throws Exception {
        try (NetnsHosts lonely = NetnsHosts.create(1, 14, NET.dir().resolve("lonely"));
             Ssh fresh = Ssh.open(NET.options(lonely.sshConfig()))) {
            lonely.unplug(1);
            assertThatThrownBy(() -> fresh.run(lonely.target(1), "true", null, TIMEOUT))
                    .hasMessageStartingWith("host " + lonely.target(1) + ": unreachable (");
        }
    }

    @Test
    void timesOutACommandThatRunsTooLong() {
        assertThatThrownBy(() -> NET.ssh().run(host(1), "sleep 30", null, Duration.ofSeconds(1)))
                .hasMessage("host " + host(1) + ": timed out after 1 s running sleep 30");
    }

    private static SshTarget host(int i) {
        return NET.hosts().target(i);
    }

    /** The namespace's processes other than sshd, once they are gone or after 10 s. */
    private static List<Long> awaitNoProcesses(int host) throws InterruptedException {
        List<Long> left = NET.hosts().processesBesidesSshd(host);
        for (int i = 0; i < 100 && !left.isEmpty(); i++) {
            Thread.sleep(100);
            left = NET.hosts().processesBesidesSshd(host);
        }
        return left;
    }
}
