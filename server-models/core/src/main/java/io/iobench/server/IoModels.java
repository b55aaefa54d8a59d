package io.iobench.server;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** The IO models on the class path, found with {@link ServiceLoader}. */
public final class IoModels {

    private IoModels() {
    }

    /** @return every model on the class path, by name */
    public static List<IoModel> all() {
        return ServiceLoader.load(IoModel.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(IoModel::name))
                .toList();
    }

    public static Optional<IoModel> named(String name) {
        return all().stream().filter(m -> m.name().equals(name)).findFirst();
    }
}
