package io.iobench.remote;

import java.util.List;
import java.util.stream.Collectors;

/**
 * POSIX single-quote escaping for remote command lines: ssh hands its command to the remote user's shell as one
 * string, so every argument we send is quoted here and nowhere else.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** One argument as the shell will read it back verbatim: {@code it's} becomes {@code 'it'\''s'}. */
    public static String quote(String argument) {
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    /** The arguments quoted one by one and joined with spaces. */
    public static String command(List<String> arguments) {
        return arguments.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
