package io.iobench.server.selector;

import io.iobench.server.EchoConformanceSuite;
import io.iobench.server.IoModel;

/**
 * The {@code poll} model. It needs {@code --add-exports=java.base/sun.nio.ch=ALL-UNNAMED}, which this module's pom
 * gives the test JVM and, through JDK_JAVA_OPTIONS, the launcher JVMs the suite starts.
 */
class PollConformanceTest extends EchoConformanceSuite {

    @Override
    protected IoModel model() {
        return new PollModel();
    }
}
