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
 * test per {@code @Test} method of each {@code *Test} class and one per case of a {@code @TestFactory} method (named as
 * the fragment names it, e.g. by testflow, so that a failure says which case broke), loaded by the plugin bundle's class
 * loader so that they see KNIME and the plugin as KNIME does. A failure inside is an ordinary JUnit failure here. Under
 * {@code -Pknime} tycho-surefire runs the same classes directly.
 */
class InsideKnimeTest {
    private static final String TEST_ANNOTATION = "org.junit.jupiter.api.Test";
    private static final String FACTORY_ANNOTATION = "org.junit.jupiter.api.TestFactory";
    private static final String DISABLED_ANNOTATION = "org.junit.jupiter.api.Disabled";

    @TestFactory
    Stream<DynamicNode> testsOfTheFragment() throws Exception {
        Bundle plugin = KnimeFramework.plugin();
        List<DynamicNode> classes = new ArrayList<>();
        for (String name : testClasses()) {
            Class<?> type = plugin.loadClass(name);
            List<DynamicNode> methods = new ArrayList<>();
            Arrays.stream(type.getDeclaredMethods()).sorted(Comparator.comparing(Method::getName)).forEach(method -> {
                String testName = type.getSimpleName() + "." + method.getName();
                if (isAnnotated(method, TEST_ANNOTATION)) {
                    methods.add(DynamicTest.dynamicTest(testName, () -> invoke(type, method)));
                } else if (isAnnotated(method, FACTORY_ANNOTATION)) {
                    // the cases are made when the container runs, inside the framework, as JUnit does
                    methods.add(DynamicContainer.dynamicContainer(testName,
                            Stream.of(method).flatMap(m -> cases(type, m, testName))));
                }
            });
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

    private static boolean isAnnotated(Method method, String annotation) {
        return !Modifier.isStatic(method.getModifiers()) && Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().equals(annotation));
    }

    /**
     * The cases of a {@code @TestFactory} method: its fragment-side {@code DynamicTest}s and {@code DynamicContainer}s
     * (another class loader's JUnit, so read by reflection) as ours, each with its own name.
     */
    private static Stream<DynamicNode> cases(Class<?> type, Method factory, String prefix) {
        try {
            Object made = invoke(type, factory);
            Stream<?> nodes = made instanceof Stream<?> stream ? stream
                    : made instanceof Iterable<?> iterable ? java.util.stream.StreamSupport.stream(iterable.spliterator(),
                    false) : Arrays.stream((Object[]) made);
            return nodes.map(node -> asOurs(node, prefix));
        } catch (Throwable e) {
            return Stream.of(DynamicTest.dynamicTest(prefix + " (making its cases)", () -> {
                throw e;
            }));
        }
    }

    /** A fragment-side dynamic node as ours, named {@code prefix [its name]} so that a report line says which case. */
    private static DynamicNode asOurs(Object node, String prefix) {
        try {
            String name = prefix + " [" + node.getClass().getMethod("getDisplayName").invoke(node) + "]";
            try {
                Object executable = node.getClass().getMethod("getExecutable").invoke(node);
                Method execute = node.getClass().getMethod("getExecutable").getReturnType().getMethod("execute");
                return DynamicTest.dynamicTest(name, () -> unwrap(() -> execute.invoke(executable)));
            } catch (NoSuchMethodException container) {
                Stream<?> children = (Stream<?>) node.getClass().getMethod("getChildren").invoke(node);
                return DynamicContainer.dynamicContainer(name, children.map(child -> asOurs(child, name)));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not a JUnit dynamic test or container: " + node, e);
        }
    }

    private interface Reflective {
        Object call() throws ReflectiveOperationException;
    }

    /** Runs a reflective call and throws what the called code threw (a fragment-side skip stays a skip). */
    private static Object unwrap(Reflective call) throws Throwable {
        try {
            return call.call();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            // the fragment's opentest4j is another class loader's: keep "skipped" a skip
            if (cause.getClass().getName().equals(TestAbortedException.class.getName())) {
                throw new TestAbortedException(cause.getMessage());
            }
            throw cause;
        }
    }

    private static Object invoke(Class<?> type, Method method) throws Throwable {
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
        return unwrap(() -> method.invoke(constructor.newInstance()));
    }
}
