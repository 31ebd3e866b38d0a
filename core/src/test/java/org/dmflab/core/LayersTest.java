package org.dmflab.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine's packages form the graph of design.md §1 ("Package graph"): the base (root, model, linalg, loss,
 * settings, dynamics, table, csv, each using those before it), the pure formulas ({@code theory}), the five stages
 * (groundtruth, train, predict, track, baseline: each uses the base and the formulas, never another stage), the views
 * and the experiments (preset, run, analysis). A package uses only the packages {@link #MAY_USE} lists for it, and no two packages depend on each
 * other in a cycle. Checked on the compiled classes with ArchUnit and, because javac inlines compile-time constants (a
 * {@code static final String} of another package would leave no trace in the bytecode), once more on the source's
 * import lines and qualified names.
 */
class LayersTest {

    private static final List<String> BASE_PACKAGES = List.of("", "model", "linalg", "loss", "settings", "dynamics",
            "table", "csv");
    private static final List<String> STAGES = List.of("groundtruth", "train", "predict", "track", "baseline");

    /** Each package of the engine (below {@code org.dmflab.core}) and the packages of ours it may use. */
    static final Map<String, Set<String>> MAY_USE = graph();

    private static Map<String, Set<String>> graph() {
        Map<String, Set<String>> graph = new LinkedHashMap<>();
        for (int i = 0; i < BASE_PACKAGES.size(); i++) {
            graph.put(BASE_PACKAGES.get(i), Set.copyOf(BASE_PACKAGES.subList(0, i)));
        }
        Set<String> formulas = with(BASE_PACKAGES, "theory");
        graph.put("theory", Set.copyOf(BASE_PACKAGES));
        for (String stage : STAGES) {
            graph.put(stage, formulas);
        }
        graph.put("chart", with(BASE_PACKAGES, "track", "train"));
        graph.put("report", with(BASE_PACKAGES, "chart"));
        Set<String> below = Set.copyOf(graph.keySet());
        graph.put("experiment.preset", below);
        graph.put("experiment.run", with(below, "experiment.preset"));
        graph.put("experiment.analysis", with(below, "experiment.preset", "experiment.run"));
        return graph;
    }

    private static Set<String> with(java.util.Collection<String> packages, String... more) {
        Set<String> all = new java.util.HashSet<>(packages);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

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
    void everyPackageUsesOnlyWhatTheGraphAllows() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String layer : MAY_USE.keySet()) {
            architecture = architecture.layer(layerName(layer)).definedBy(packageName(layer));
        }
        for (Map.Entry<String, Set<String>> layer : MAY_USE.entrySet()) {
            architecture = layer.getValue().isEmpty()
                    ? architecture.whereLayer(layerName(layer.getKey())).mayNotAccessAnyLayer()
                    : architecture.whereLayer(layerName(layer.getKey())).mayOnlyAccessLayers(layer.getValue().stream()
                    .map(LayersTest::layerName).sorted().toArray(String[]::new));
        }
        architecture.check(engine);
    }

    @Test
    void siblingStagesNeverUseEachOther() {
        for (String stage : STAGES) {
            assertThat(MAY_USE.get(stage)).as(stage).doesNotContainAnyElementsOf(STAGES);
        }
        assertThat(MAY_USE.keySet()).as("every stage is a package of the graph").containsAll(STAGES);
    }

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching(BASE + ".(**)").should().beFreeOfCycles().check(engine);
    }

    @Test
    void everyPackageHasItsPlaceInTheGraph() {
        String[] packages = MAY_USE.keySet().stream().map(LayersTest::packageName).toArray(String[]::new);
        classes().should().resideInAnyPackage(packages)
                .because("a new package needs its place in LayersTest.MAY_USE and design.md §1").check(engine);
    }

    /** Imports and fully qualified names in the code (comments stripped): catches inlined constants too. */
    @Test
    void noSourceFileNamesAPackageItMayNotUse() throws IOException {
        Path sources = Path.of("src/main/java");
        Pattern reference = Pattern.compile("\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*");
        List<String> violations = new ArrayList<>();
        int files = 0;
        try (Stream<Path> paths = Files.walk(sources)) {
            for (Path file : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                String code = stripComments(Files.readString(file));
                String own = layerOf(sources.relativize(file.getParent()).toString().replace('/', '.'));
                Matcher matcher = reference.matcher(code.replaceFirst("package [^;]+;", ""));
                while (matcher.find()) {
                    String used = layerOf(BASE + matcher.group(1));
                    if (!used.equals(own) && !MAY_USE.get(own).contains(used)) {
                        violations.add(file + " (" + layerName(own) + ") names " + matcher.group() + " ("
                                + layerName(used) + ")");
                    }
                }
            }
        }
        assertThat(files).as("source files scanned").isGreaterThan(100);
        assertThat(violations).as("references to a package the graph does not allow").isEmpty();
    }

    /** The package below {@code org.dmflab.core}, one of the graph's. */
    private static String layerOf(String pkg) {
        String layer = pkg.equals(BASE) ? "" : pkg.substring(BASE.length() + 1);
        assertThat(MAY_USE).as("place of package " + pkg + " in the graph").containsKey(layer);
        return layer;
    }

    private static String stripComments(String code) {
        return code.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
    }
}
