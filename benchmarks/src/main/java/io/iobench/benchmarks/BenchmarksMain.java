package io.iobench.benchmarks;

import io.iobench.options.JvmOptions;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.NoBenchmarksException;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The main class of {@code benchmarks.jar}: JMH's own command line, with the JVM options every iobench process
 * needs ({@link JvmOptions}) put before every fork's options. Without them a fork's io_uring client engine cannot
 * read a socket's descriptor and falls back to the selector, and the select model cannot link its calls.
 *
 * <pre>
 *    $ java -jar benchmarks/target/benchmarks.jar EchoRoundTrip -p model=selector -f 1
 * </pre>
 * Listing and help ({@code -l}, {@code -lp}, {@code -h}, ...) are JMH's, unchanged.
 */
public final class BenchmarksMain {

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions command;
        try {
            command = new CommandLineOptions(args);
        } catch (CommandLineOptionException e) {
            System.err.println("Error parsing command line: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (command.shouldHelp() || command.shouldList() || command.shouldListWithParams()
                || command.shouldListProfilers() || command.shouldListResultFormats()) {
            org.openjdk.jmh.Main.main(args);
            return;
        }
        List<String> prepend = new ArrayList<>(JvmOptions.required());
        if (command.getJvmArgsPrepend().hasValue()) {
            prepend.addAll(command.getJvmArgsPrepend().get());
        }
        try {
            new Runner(new OptionsBuilder().parent(command).jvmArgsPrepend(prepend.toArray(String[]::new)).build())
                    .run();
        } catch (NoBenchmarksException e) {
            System.err.println("No matching benchmarks. Miss-spelled regexp? Use -l to list them.");
            System.exit(1);
        } catch (RunnerException e) {
            System.err.print("ERROR: ");
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }
}
