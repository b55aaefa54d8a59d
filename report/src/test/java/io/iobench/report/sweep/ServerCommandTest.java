package io.iobench.report.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header's server command keeps every word but the class path, which becomes a count of its entries. */
class ServerCommandTest {

    @Test
    void replacesTheValueOfEveryClassPathSpelling() {
        assertThat(ServerCommand.shown("java -Xmx1g -cp /a.jar:/b.jar:/c ServerLauncher --model poll"))
                .isEqualTo("java -Xmx1g -cp <class path: 3 entries> ServerLauncher --model poll");
        assertThat(ServerCommand.shown("java -classpath /a.jar Main"))
                .isEqualTo("java -classpath <class path: 1 entry> Main");
        assertThat(ServerCommand.shown("java --class-path=/a.jar:/b.jar Main"))
                .isEqualTo("java --class-path=<class path: 2 entries> Main");
        assertThat(ServerCommand.shown("java --class-path /a.jar::/b.jar: Main"))
                .isEqualTo("java --class-path <class path: 2 entries> Main");
    }

    @Test
    void countsAShellQuotedClassPathAsOneWord() {
        assertThat(ServerCommand.shown("java -cp '/my jars/a.jar:/b.jar' Main --model poll"))
                .isEqualTo("java -cp <class path: 2 entries> Main --model poll");
    }

    @Test
    void leavesEverythingElseAsRecorded() {
        assertThat(ServerCommand.shown("iobench server --model MODEL")).isEqualTo("iobench server --model MODEL");
        assertThat(ServerCommand.shown("java -Dx.cp=1 -jar server.jar")).isEqualTo("java -Dx.cp=1 -jar server.jar");
        assertThat(ServerCommand.shown(null)).isNull();
    }
}
