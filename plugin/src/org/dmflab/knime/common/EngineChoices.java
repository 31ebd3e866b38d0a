package org.dmflab.knime.common;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The values a dialog offers for a choice setting, taken from the engine's enum (its {@code key()} texts, in the
 * enum's order) so that a dialog never retypes what the engine accepts.
 */
public final class EngineChoices {
    private EngineChoices() {
    }

    /** The keys of every constant of an engine enum. */
    public static <E extends Enum<E>> List<String> keys(E[] values, Function<E, String> key) {
        return Stream.of(values).map(key).toList();
    }

    /** The keys of some constants of an engine enum, in the enum's order. */
    public static <E extends Enum<E>> List<String> keys(E[] values, Collection<E> allowed, Function<E, String> key) {
        return Stream.of(values).filter(allowed::contains).map(key).toList();
    }
}
