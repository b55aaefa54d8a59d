package io.iobench.report.view;

import java.util.Objects;

/**
 * What a run measured, without its results: the point of the sweep's plan it stands for. Two sweeps are compared
 * point by point on equal keys.
 *
 * @param model       the model label given to {@code iobench load --model}
 * @param connections active connections carrying load
 * @param slice       size, idle connections, mode and rate
 */
public record RunKey(String model, int connections, Slice slice) {

    public RunKey {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(slice, "slice");
    }
}
