package io.iobench.options;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one way an iobench command meets its user: {@code server}, {@code load}, {@code sweep} and {@code report} each
 * hand it their body and get the same behaviour.
 * <ul>
 *   <li>{@code --help} anywhere prints the usage on stdout and exits 0;</li>
 *   <li>a {@link UsageException} prints one line, {@code iobench NAME: what was wrong (iobench NAME --help shows
 *       the options)}, and exits {@value UsageException#EXIT_CODE};</li>
 *   <li>an {@link IOException} (a file, a socket, a process) prints one line saying which file or what failed and
 *       exits {@value #FAILED}; so does anything unexpected;</li>
 *   <li>{@code --debug} anywhere adds the stack trace to those lines; it is taken out of the arguments the body
 *       sees, so no command has to declare it.</li>
 * </ul>
 *
 * <pre>
 * public static int run(String[] args, PrintStream out, PrintStream err) {
 *     return SHELL.run(args, out, err, arguments -&gt; {
 *         Flags flags = Flags.parse(arguments, VALUED, SWITCHES);   // UsageException: exit 2, one line
 *         ...
 *         return CommandShell.OK;
 *     });
 * }
 * </pre>
 */
public final class CommandShell {

    /** The command did what was asked. */
    public static final int OK = 0;
    /** The command could not do it: an IO error, a failed run, nothing to report. */
    public static final int FAILED = 1;

    /** What a command does with its arguments ({@code --debug} taken out); returns its exit code. */
    @FunctionalInterface
    public interface Body {
        int run(List<String> args) throws IOException, InterruptedException;
    }

    private final String name;
    private final String usage;

    private CommandShell(String name, String usage) {
        this.name = name;
        this.usage = usage;
    }

    /**
     * @param name  the command's name after {@code iobench}, e.g. {@code load}
     * @param usage the usage text {@code --help} prints, starting {@code usage: iobench NAME}
     */
    public static CommandShell of(String name, String usage) {
        return new CommandShell(name, usage);
    }

    public String usage() {
        return usage;
    }

    /** Runs {@code body} on {@code args} and turns what it throws into one line on {@code err} and an exit code. */
    public int run(String[] args, PrintStream out, PrintStream err, Body body) {
        List<String> arguments = new ArrayList<>(List.of(args));
        boolean debug = arguments.removeIf("--debug"::equals);
        if (arguments.contains("--help")) {
            out.println(usage);
            return OK;
        }
        try {
            return body.run(List.copyOf(arguments));
        } catch (UsageException e) {
            err.println("iobench " + name + ": " + e.getMessage() + " (iobench " + name + " --help shows the options)");
            return UsageException.EXIT_CODE;
        } catch (IOException e) {
            return fail(err, debug, e, describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(err, debug, e, "interrupted");
        } catch (RuntimeException e) {
            return fail(err, debug, e, "unexpected error: " + e);
        }
    }

    private int fail(PrintStream err, boolean debug, Exception e, String line) {
        err.println("iobench " + name + ": " + line + (debug ? "" : " (--debug shows where)"));
        if (debug) {
            e.printStackTrace(err);
        }
        return FAILED;
    }

    /** A failure in words: which file, and what the system said about it. */
    static String describe(IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> missing.getFile() + ": no such file or directory";
            case AccessDeniedException denied -> denied.getFile() + ": permission denied";
            case FileSystemException other when other.getFile() != null && other.getReason() != null ->
                    other.getFile() + ": " + other.getReason();
            default -> String.valueOf(e.getMessage());
        };
    }
}
