package io.iobench.report.sweep;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server command as the report header shows it: as recorded, except that the value of {@code -cp},
 * {@code -classpath} or {@code --class-path} becomes {@code <class path: N entries>}. A sweep's class path is
 * kilobytes of jar paths that bury the options and model a reader is looking for; the jars are the build's, and the
 * JDK is in the header already.
 */
final class ServerCommand {

    /** The option, its separator (spaces or =), and its value: one shell word, possibly single-quoted. */
    private static final Pattern CLASS_PATH = Pattern.compile(
            "(?<=^|\\s)(-cp|-classpath|--class-path)(\\s+|=)('(?:[^']|'\\\\'')*'|\\S+)");

    private ServerCommand() {
    }

    /** The command with every class path value replaced by its entry count; null stays null. */
    static String shown(String command) {
        if (command == null) {
            return null;
        }
        Matcher matcher = CLASS_PATH.matcher(command);
        StringBuilder shown = new StringBuilder();
        while (matcher.find()) {
            long entries = entries(matcher.group(3));
            String summary = "<class path: " + entries + (entries == 1 ? " entry>" : " entries>");
            matcher.appendReplacement(shown, Matcher.quoteReplacement(matcher.group(1) + matcher.group(2) + summary));
        }
        return matcher.appendTail(shown).toString();
    }

    /** Entries of a Linux class path, where the command was recorded; quotes of a shell word do not count. */
    private static long entries(String value) {
        String unquoted = value.startsWith("'") ? value.substring(1, value.length() - 1) : value;
        return Arrays.stream(unquoted.split(":")).filter(entry -> !entry.isEmpty()).count();
    }
}
