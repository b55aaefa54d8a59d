package io.iobench.results;

import com.fasterxml.jackson.annotation.JsonValue;

/** How load was offered, as result files spell it. */
public enum LoadMode {

    /** Each connection keeps a pipeline of messages in flight and sends the next when an echo returns. */
    CLOSED("closed"),
    /** Messages go out on a schedule, echoes or not; latency is also measured from the intended send time. */
    OPEN("open");

    private final String fieldValue;

    LoadMode(String fieldValue) {
        this.fieldValue = fieldValue;
    }

    /** {@code closed} or {@code open}: the value of {@code mode} in {@code result.json}. */
    @JsonValue
    public String fieldValue() {
        return fieldValue;
    }

    @Override
    public String toString() {
        return fieldValue;
    }
}
