package io.iobench.remote;

import io.iobench.options.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** clean-hosts against sshds in network namespaces on 198.18.13.0/24. */
@Timeout(60)
class CleanHostsCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void removesTheWorkDirectoryOnEveryHost() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work.resolve("lib"));
        Files.writeString(work.resolve("lib/a.jar"), "x");
        try (NetnsHosts hosts = NetnsHosts.create(2, 13, dir.resolve("hosts"))) {
            int exit = run("--hosts", hosts.target(1) + "," + hosts.address(2), "--ssh-config",
                    hosts.sshConfig().toString(), "--work-dir", work.toString());
            assertThat(exit).as(text(err)).isZero();
            assertThat(text(out)).isEqualTo("host " + hosts.target(1) + ": removed " + work + "\n"
                    + "host " + hosts.address(2) + ": removed " + work + "\n");
            assertThat(work).doesNotExist();
        }
    }

    @Test
    void saysWhichHostFailedAndExitsOne() throws Exception {
        try (NetnsHosts hosts = NetnsHosts.create(1, 13, dir.resolve("hosts"))) {
            hosts.unplug(1);
            int exit = run("--hosts", hosts.target(1).toString(), "--ssh-config", hosts.sshConfig().toString(),
                    "--work-dir", dir.resolve("w").toString());
            assertThat(exit).isEqualTo(1);
            assertThat(text(err)).startsWith("host " + hosts.target(1) + ": unreachable (").endsWith(")\n");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "--hosts", "--hosts a;b", "--hosts h --work-dir /", "--hosts h --work-dir ..",
            "--hosts h --nonsense x"})
    void refusesBadUsageWithExitTwo(String args) {
        assertThat(run(args.isEmpty() ? new String[0] : args.split(" "))).isEqualTo(UsageException.EXIT_CODE);
        assertThat(text(err)).startsWith("iobench clean-hosts: ").hasLineCount(1);
        assertThat(text(out)).isEmpty();
    }

    private int run(String... args) {
        return CleanHostsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
