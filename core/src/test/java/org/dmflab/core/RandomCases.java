package org.dmflab.core;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Property sweeps for JUnit parameterized tests: {@code count} random cases drawn from a fixed seed, so every run checks
 * the same cases and a failure names the case that broke (its arguments appear in the test name).
 *
 * <p>We use this instead of jqwik: since 1.10 jqwik's maintainers ask that it not be used with AI coding agents (its
 * "Anti-AI Usage Clause"), and parts of this project are written with such agents.
 */
public final class RandomCases {
    private RandomCases() {
    }

    /** {@code count} cases, each made by {@code generator} from one shared seeded {@link Random}. */
    public static Stream<Arguments> of(long seed, int count, Function<Random, Object[]> generator) {
        Random random = new Random(seed);
        return IntStream.range(0, count).mapToObj(i -> Arguments.of(generator.apply(random)));
    }

    /** Uniform in [low, high). */
    public static double uniform(Random random, double low, double high) {
        return low + (high - low) * random.nextDouble();
    }

    /** Log-uniform in [low, high), for scales spanning decades. */
    public static double logUniform(Random random, double low, double high) {
        return Math.exp(uniform(random, Math.log(low), Math.log(high)));
    }

    /** Uniform whole number in [low, high]. */
    public static int integer(Random random, int low, int high) {
        return low + random.nextInt(high - low + 1);
    }
}
