package io.iobench.remote;

import java.io.IOException;
import java.util.List;

/**
 * Something failed on or on the way to a host. {@link #getMessage()} is one line naming the host and what went
 * wrong, such as {@code host root@198.18.0.2: refused the key (Permission denied (publickey))}, ready to be shown
 * to the user as it is.
 */
public final class RemoteException extends IOException {

    /** Words in ssh's stderr, in the order they are tried, and what each says about the host. */
    private static final List<Cause> CAUSES = List.of(
            new Cause("Permission denied", "refused the key"),
            new Cause("Host key verification failed", "host key not trusted"),
            new Cause("Connection refused", "unreachable"),
            new Cause("No route to host", "unreachable"),
            new Cause("timed out", "unreachable"),
            new Cause("Could not resolve", "unreachable"),
            new Cause("Network is unreachable", "unreachable"));

    private final transient SshTarget host;

    /** @param what what went wrong, one line, without the host */
    public RemoteException(SshTarget host, String what) {
        super("host " + host + ": " + oneLine(what));
        this.host = host;
    }

    /** The host that failed. */
    public SshTarget host() {
        return host;
    }

    /** The failure of ssh itself (its exit code 255), diagnosed from what it wrote on stderr. */
    static RemoteException sshFailed(SshTarget host, String stderr) {
        return new RemoteException(host, diagnose(stderr));
    }

    /** What ssh's stderr says went wrong: a cause in words and, in parentheses, the line that says so. */
    static String diagnose(String stderr) {
        List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        for (Cause cause : CAUSES) {
            for (String line : lines) {
                if (line.contains(cause.words())) {
                    return cause.meaning() + " (" + line + ")";
                }
            }
        }
        return lines.isEmpty() ? "ssh failed without saying why" : "ssh failed (" + lines.getLast() + ")";
    }

    /** Long or multi-line text as one short line, so a message never spills over the screen. */
    static String oneLine(String text) {
        String line = text.replaceAll("\\s*[\\r\\n]+\\s*", " / ").strip();
        return line.length() <= 300 ? line : line.substring(0, 297) + "...";
    }

    private record Cause(String words, String meaning) {
    }
}
