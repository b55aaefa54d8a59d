package io.iobench.remote;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** How ssh's stderr becomes the one line a user reads. */
class RemoteExceptionTest {

    private static final SshTarget HOST = new SshTarget(Optional.of("root"), "198.18.0.9");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "ssh: connect to host 198.18.0.9 port 22: No route to host|unreachable",
            "ssh: connect to host 198.18.0.9 port 22: Connection refused|unreachable",
            "ssh: connect to host 198.18.0.9 port 22: Connection timed out|unreachable",
            "ssh: Could not resolve hostname nowhere: Name or service not known|unreachable",
            "ssh: connect to host 198.18.0.9 port 22: Network is unreachable|unreachable",
            "root@198.18.0.9: Permission denied (publickey).|refused the key",
            "Host key verification failed.|host key not trusted",
            "kex_exchange_identification: read: Connection reset by peer|ssh failed"})
    void namesTheCauseAndQuotesTheLineThatSaysSo(String stderr, String cause) {
        assertThat(RemoteException.diagnose(stderr)).isEqualTo(cause + " (" + stderr + ")");
    }

    @Test
    void looksPastWarningsForTheCause() {
        String stderr = "Warning: Permanently added '198.18.0.9' (ED25519) to the list of known hosts.\r\n"
                + "root@198.18.0.9: Permission denied (publickey).\n";
        assertThat(RemoteException.sshFailed(HOST, stderr).getMessage())
                .isEqualTo("host root@198.18.0.9: refused the key (root@198.18.0.9: Permission denied (publickey).)");
    }

    @Test
    void saysSoWhenSshSaidNothing() {
        assertThat(RemoteException.diagnose("\n")).isEqualTo("ssh failed without saying why");
    }

    @Test
    void isAlwaysOneLine() {
        assertThat(new RemoteException(HOST, "first\nsecond").getMessage())
                .isEqualTo("host root@198.18.0.9: first / second");
    }
}
