package io.iobench.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the command line of a child JVM that runs iobench code: the same java binary and class path as this
 * process (so server and client run the JDK the user chose), under {@code taskset -c} when pinning is asked for.
 * Pinning at launch pins every thread, and the JVM then sizes its GC, virtual-thread scheduler and Netty event
 * loops to the CPUs it really has.
 */
final class JavaCommand {

    static final Path TASKSET = Path.of("/usr/bin/taskset");

    private JavaCommand() {
    }

    static List<String> of(Optional<String> cpuList, List<String> jvmOptions, String mainClass, List<String> args) {
        List<String> command = new ArrayList<>();
        cpuList.ifPresent(cpus -> command.addAll(List.of(TASKSET.toString(), "-c", cpus)));
        command.add(javaBinary());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return command;
    }

    static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    static boolean tasksetAvailable() {
        return Files.isExecutable(TASKSET);
    }
}
