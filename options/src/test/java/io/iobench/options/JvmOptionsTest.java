package io.iobench.options;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

class JvmOptionsTest {

    @Test
    void holdsWhatTheModelsAndTheClientNeedOneWordEach() {
        assertThat(JvmOptions.required()).containsExactly("--enable-native-access=ALL-UNNAMED",
                "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED", "-Dio.netty.iouring.acceptMultiShotEnabled=false",
                "-Dio.netty.leakDetection.level=disabled");
    }

    /* The test JVMs get the list from the same pom property, through surefire's argLine. */
    @Test
    void isWhatThisTestJvmWasStartedWith() {
        assertThat(ManagementFactory.getRuntimeMXBean().getInputArguments()).containsAll(JvmOptions.required());
    }
}
