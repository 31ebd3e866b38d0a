package org.dmflab.knime.tests;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.TestAbortedException;
import org.osgi.framework.Bundle;

/**
 * Runs the tests of the fragment org.dmflab.knime.tests (knime-tests/fragment) inside the OSGi framework, one dynamic
 * test per {@code @Test} method of each {@code *Test} class, loaded by the plugin bundle's class loader so that they
 * see KNIME and the plugin as KNIME does. A failure inside is an ordinary JUnit failure here. Under {@code -Pknime}
 * tycho-surefire runs the same classes directly.
 */
class InsideKnimeTest {
    private static final String TEST_ANNOTATION = "org.junit.jupiter.api.Test";
    private static final String DISABLED_ANNOTATION = "org.junit.jupiter.api.Disabled";

    @TestFactory
    Stream<DynamicNode> testsOfTheFragment() throws Exception {
        Bundle plugin = KnimeFramework.plugin();
        List<DynamicNode> classes = new ArrayList<>();
        for (String name : testClasses()) {
            Class<?> type = plugin.loadClass(name);
            List<DynamicNode> methods = new ArrayList<>();
            Arrays.stream(type.getDeclaredMethods()).filter(InsideKnimeTest::isTest)
                    .sorted(Comparator.comparing(Method::getName))
                    .forEach(method -> methods.add(DynamicTest.dynamicTest(method.getName(), () -> invoke(type, method))));
            classes.add(DynamicContainer.dynamicContainer(type.getSimpleName(), methods));
        }
        return classes.stream();
    }

    private static List<String> testClasses() throws Exception {
        try (JarFile jar = new JarFile(KnimeFramework.path("dmflab.tests.jar").toFile())) {
            return jar.stream().map(e -> e.getName()).filter(n -> n.endsWith("Test.class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.'))
                    .filter(InsideKnimeTest::selected).sorted().toList();
        }
    }

    /**
     * {@code dmflab.tests.only} restricts a run to some classes, {@code dmflab.tests.except} leaves some out (simple
     * class names, comma-separated).
     */
    private static boolean selected(String className) {
        String simpleName = className.substring(className.lastIndexOf('.') + 1);
        String only = System.getProperty("dmflab.tests.only", "").trim();
        String except = System.getProperty("dmflab.tests.except", "").trim();
        return (only.isEmpty() || Arrays.asList(only.split(",")).contains(simpleName))
                && !Arrays.asList(except.split(",")).contains(simpleName);
    }

    private static boolean isTest(Method method) {
        return !Modifier.isStatic(method.getModifiers()) && Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(TEST_ANNOTATION));
    }

    private static void invoke(Class<?> type, Method method) throws Throwable {
        for (java.lang.annotation.Annotation annotation : Stream.concat(Arrays.stream(type.getAnnotations()),
                Arrays.stream(method.getAnnotations())).toList()) {
            if (annotation.annotationType().getName().equals(DISABLED_ANNOTATION)) { // another class loader's @Disabled
                throw new TestAbortedException("disabled: " + annotation.annotationType().getMethod("value")
                        .invoke(annotation));
            }
        }
        method.setAccessible(true);
        var constructor = type.getDeclaredConstructor();
        constructor.setAccessible(true);
        try {
            method.invoke(constructor.newInstance());
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            // the fragment's opentest4j is another class loader's: keep "skipped" a skip
            if (cause.getClass().getName().equals(TestAbortedException.class.getName())) {
                throw new TestAbortedException(cause.getMessage());
            }
            throw cause;
        }
    }
}
