package io.iobench.cli;

import io.iobench.client.LoadCommand;
import io.iobench.client.probe.ProbeCommand;
import io.iobench.remote.CleanHostsCommand;
import io.iobench.report.ReportCommand;
import io.iobench.server.IoModel;
import io.iobench.server.IoModels;
import io.iobench.server.ServerLauncher;
import io.iobench.sweep.CapacityCommand;
import io.iobench.sweep.SweepCommand;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The one command line, behind {@code scripts/iobench}: each subcommand is a thin door to the module that does the
 * work, so a user, the Maven profiles and the tests all run the same code.
 */
public final class Iobench {

    static final String USAGE = """
            usage: iobench COMMAND [options]   (iobench COMMAND --help for its options)
              models   list the IO models, one per line: NAME<TAB>description
              server   run one model's echo server until SIGTERM
              load     drive a server with the load client and write a run's results
              sweep    run every model x connections x size, then write the report
              capacity find each model's highest open-loop rate within a latency objective (--slo p99=1ms)
              report   write report.html, report.md and charts for a sweep directory
              probe    measure a server's /proc figures on its own host, released by GO (the sweep on
                       several hosts starts it there)
              clean-hosts  remove iobench's work directory from hosts a sweep ran on""";

    private Iobench() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "models" -> models(out);
            case "server" -> ServerLauncher.run(rest, out, err);
            case "load" -> LoadCommand.run(rest, out, err);
            case "sweep" -> SweepCommand.run(rest, out, err,
                    dir -> ReportCommand.run(new String[] {dir.toString()}, out, err));
            case "report" -> ReportCommand.run(rest, out, err);
            case "capacity" -> CapacityCommand.run(rest, out, err,
                    dir -> ReportCommand.run(new String[] {dir.toString()}, out, err));
            case "probe" -> ProbeCommand.run(rest, out, err);
            case "clean-hosts" -> CleanHostsCommand.run(rest, out, err);
            case "help", "--help", "-h" -> {
                out.println(USAGE);
                yield 0;
            }
            default -> {
                err.println("iobench: unknown command '" + args[0] + "'");
                err.println(USAGE);
                yield 2;
            }
        };
    }

    private static int models(PrintStream out) {
        for (IoModel model : IoModels.all()) {
            out.println(model.name() + "\t" + model.description());
        }
        return 0;
    }
}
