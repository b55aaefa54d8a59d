package io.iobench.remote;

import io.iobench.options.UsageException;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A host to reach over ssh, as a user writes it: {@code [user@]host}, the host a name, an IPv4 address or a
 * bracketed IPv6 address ({@code root@[fd00::1]}). {@link #toString()} gives back what {@link #parse} read.
 *
 * @param user the remote user, empty for ssh's default
 * @param host the host name or address, without brackets
 */
public record SshTarget(Optional<String> user, String host) {

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._][A-Za-z0-9._-]*");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    /** Reads {@code [user@]host}; anything else is a usage error naming the text. */
    public static SshTarget parse(String text) {
        int at = text.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        String rest = text;
        if (at >= 0) {
            String name = text.substring(0, at);
            if (!USER.matcher(name).matches()) {
                throw bad(text, "the user '" + name + "' is not a user name");
            }
            user = Optional.of(name);
            rest = text.substring(at + 1);
        }
        if (rest.startsWith("[") && rest.endsWith("]")) {
            String address = rest.substring(1, rest.length() - 1);
            if (!IPV6.matcher(address).matches()) {
                throw bad(text, "'" + address + "' in brackets is not an IPv6 address");
            }
            return new SshTarget(user, address);
        }
        if (!NAME.matcher(rest).matches()) {
            throw bad(text, "'" + rest + "' is not a host name or address (IPv6 goes in brackets)");
        }
        return new SshTarget(user, rest);
    }

    private static UsageException bad(String text, String why) {
        return new UsageException("bad host '" + text + "': " + why + "; write [user@]host");
    }

    /** The host as ssh takes it after {@code user@}: IPv6 in brackets is not what ssh wants, so it is bare. */
    public String destination() {
        return user.map(u -> u + "@").orElse("") + host;
    }

    @Override
    public String toString() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return user.map(u -> u + "@").orElse("") + h;
    }
}
