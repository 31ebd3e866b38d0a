package org.dmflab.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * How many cases of a property sweep must run to the end: a sweep whose cases {@code assumeTrue} their preconditions
 * skips some of them, and could silently skip them all. Put {@code @CasesRun(n)} on the parameterized test and
 * {@code @ExtendWith(CasesRun.Counter.class)} on its class; after the class the counter asserts that exactly {@code n}
 * cases passed (the sweeps are seeded, so the number is fixed; a changed generator has to state its new count).
 * A run that selected none of the method's cases (e.g. {@code -Dtest=Class#other}) is not checked.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface CasesRun {
    /** The number of cases that pass, i.e. are neither skipped by an assumption nor failed. */
    int value();

    /** Counts passed and skipped cases per method and checks them against {@link CasesRun} after the class. */
    final class Counter implements TestWatcher, AfterAllCallback {
        /** Per sweep method: {passed, skipped, failed}. */
        private static final Map<Method, int[]> COUNTS = new ConcurrentHashMap<>();

        private static void count(ExtensionContext context, int outcome) {
            COUNTS.computeIfAbsent(context.getRequiredTestMethod(), method -> new int[3])[outcome]++;
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            count(context, 0);
        }

        @Override
        public void testAborted(ExtensionContext context, Throwable cause) {
            count(context, 1);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            count(context, 2);
        }

        @Override
        public void afterAll(ExtensionContext context) {
            StringBuilder wrong = new StringBuilder();
            for (Method method : context.getRequiredTestClass().getDeclaredMethods()) {
                CasesRun expected = method.getAnnotation(CasesRun.class);
                int[] counts = COUNTS.remove(method);
                if (expected == null || counts == null || counts[2] > 0) {
                    continue; // not a sweep, not selected in this run, or already failing
                }
                if (counts[0] != expected.value()) {
                    wrong.append(String.format(java.util.Locale.ROOT, "%n%s: %d cases passed and %d were skipped by "
                                    + "their assumptions; expected %d to pass", method.getName(), counts[0], counts[1],
                            expected.value()));
                }
            }
            if (!wrong.isEmpty()) {
                throw new AssertionError("property sweeps ran another number of cases than stated:" + wrong);
            }
        }
    }
}
