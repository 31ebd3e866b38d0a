package org.dmflab.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form one stack (design.md §1, "Package layers"): a package may use the packages below it and
 * never one above it, so there is no cycle and a reader can follow a run from settings to tables bottom-up. Checked on
 * the compiled classes with ArchUnit and, because javac inlines compile-time constants (a {@code static final String}
 * of a higher layer would leave no trace in the bytecode), once more on the source's import lines and qualified names.
 */
class LayersTest {

    /** Bottom to top; a package may depend on the packages listed before it. */
    static final List<String> LAYERS = List.of("", "model", "linalg", "table", "csv", "settings", "groundtruth", "theory",
            "train", "spectrum", "chart", "report", "baseline", "experiment");

    private static final String BASE = "org.dmflab.core";

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(BASE);
    }

    private static String packageName(String layer) {
        return layer.isEmpty() ? BASE : BASE + "." + layer;
    }

    private static String layerName(String layer) {
        return layer.isEmpty() ? "root" : layer;
    }

    @Test
    void noClassDependsOnAHigherLayer() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : LAYERS) {
            architecture = architecture.layer(layerName(layer)).definedBy(packageName(layer));
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(LayersTest::layerName)
                    .toArray(String[]::new);
            architecture = architecture.whereLayer(layerName(LAYERS.get(i))).mayOnlyBeAccessedByLayers(above);
        }
        architecture = architecture.whereLayer(layerName(LAYERS.get(LAYERS.size() - 1))).mayNotBeAccessedByAnyLayer();
        architecture.check(engine);
    }

    @Test
    void everyPackageHasALayer() {
        String[] packages = LAYERS.stream().map(LayersTest::packageName).toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("a new package needs its place in LayersTest.LAYERS and design.md §1").check(engine);
    }

    /** Imports and fully qualified names in the code (comments stripped): catches inlined constants too. */
    @Test
    void noSourceFileNamesAHigherLayer() throws IOException {
        Path sources = Path.of("src/main/java");
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = stripComments(Files.readString(file));
                String own = layerOf(sources.relativize(file.getParent()).toString().replace('/', '.'));
                Matcher matcher = reference.matcher(code.replaceFirst("package [^;]+;", ""));
                while (matcher.find()) {
                    String used = layerOf(BASE + matcher.group(1));
                    if (LAYERS.indexOf(used) > LAYERS.indexOf(own)) {
                        violations.add(file + " (" + layerName(own) + ") names " + matcher.group() + " ("
                                + layerName(used) + ")");
                    }
                }
            }
        }
        assertThat(violations).as("references to a higher layer").isEmpty();
    }

    /** The layer of a package: its first segment below {@code org.dmflab.core}. */
    private static String layerOf(String pkg) {
        String rest = pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
        String layer = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        assertThat(LAYERS).as("layer of package " + pkg).contains(layer);
        return layer;
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
