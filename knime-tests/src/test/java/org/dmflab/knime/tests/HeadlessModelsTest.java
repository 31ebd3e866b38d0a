package org.dmflab.knime.tests;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every node runs headless (issue 13: loops, parallel chunks and KNIME Server executors run our nodes without a
 * display): no class of the plugin bundle outside its dialogs, views and node factories (which create those two) —
 * node models, settings, the engine adapters — and no class of the engine it embeds depends on Swing or AWT's UI (components, windows, events,
 * the toolkit), nor on KNIME's dialog and view classes. Headless drawing (java.awt.image, Graphics2D, colours, fonts,
 * geometry: JFreeChart rendering PNGs) is allowed. Scans the bytecode of the bundle knime-bundle built (its classes and
 * lib/dmflab-core.jar), with KNIME's core jar for the class hierarchy.
 */
class HeadlessModelsTest {
    private static final String NODE_DIALOG = "org.knime.core.node.NodeDialogPane";
    private static final String NODE_VIEW = "org.knime.core.node.AbstractNodeView";
    /** The package of our dialogs' building blocks, which only dialogs use. */
    private static final String DIALOG_PACKAGE = "org.dmflab.knime.dialog";

    /** Swing, AWT's windowing and events, JFreeChart's Swing side, KNIME's dialogs and views. */
    private static final DescribedPredicate<JavaClass> USER_INTERFACE = resideInAnyPackage("javax.swing..",
            "java.awt.event..", "java.awt.dnd..", "org.jfree.chart.swing..")
            .or(assignableTo("java.awt.Component")).or(assignableTo("java.awt.MenuComponent"))
            .or(assignableTo("java.awt.Toolkit")).or(assignableTo("java.awt.Desktop"))
            .or(assignableTo("org.jfree.chart.ChartPanel")).or(assignableTo(NODE_DIALOG)).or(assignableTo(NODE_VIEW))
            .or(assignableTo("org.knime.core.node.defaultnodesettings.DialogComponent"))
            .as("Swing / AWT user-interface or KNIME dialog/view classes");

    /**
     * A dialog or view of ours, a class nested in one, or a building block of our dialogs: these may use Swing. Node factories too: creating the dialog
     * and the views is part of their job, and KNIME calls those methods only where a UI exists.
     */
    private static final DescribedPredicate<JavaClass> DIALOG_OR_VIEW = DescribedPredicate.describe(
            "a dialog, view or node factory (or nested in one)", HeadlessModelsTest::isDialogOrView);

    @Test
    void noModelOrEngineClassDependsOnTheUserInterface() throws IOException {
        JavaClasses classes = importBundle();
        JavaClasses ours = classes.that(resideInAnyPackage("org.dmflab.."));
        assertTrue(ours.size() > 50, "the bundle's and the engine's classes were read: " + ours.size());
        // the rule can see a UI dependency: the chart view is a Swing panel
        JavaClass view = classes.get("org.dmflab.knime.common.ChartNodeView");
        assertTrue(view.getDirectDependenciesFromSelf().stream().anyMatch(d -> USER_INTERFACE.test(d.getTargetClass())),
                "ChartNodeView depends on Swing (the predicate detects UI classes)");
        assertTrue(isDialogOrView(view), "ChartNodeView is a view");
        assertFalse(isDialogOrView(classes.get("org.dmflab.knime.train.DeepFactorizationTrainerNodeModel")),
                "the trainer's model is not a view");
        assertTrue(classes.get("org.dmflab.knime.train.DeepFactorizationTrainerNodeModel")
                .isAssignableTo("org.knime.core.node.NodeModel"), "KNIME's node API hierarchy was read");

        noClasses().that(resideInAnyPackage("org.dmflab..")).and(DescribedPredicate.not(DIALOG_OR_VIEW))
                .should().dependOnClassesThat(USER_INTERFACE)
                .because("node models and the engine must run headless (KNIME Server, executors, batch)")
                .check(ours);
    }

    private static boolean isDialogOrView(JavaClass type) {
        if (type.getPackageName().equals(DIALOG_PACKAGE)) { // the widgets our dialogs are built from
            return true;
        }
        for (Optional<JavaClass> c = Optional.of(type); c.isPresent(); c = c.get().getEnclosingClass()) {
            if (c.get().isAssignableTo(NODE_DIALOG) || c.get().isAssignableTo(NODE_VIEW)
                    || c.get().isAssignableTo("org.knime.core.node.NodeFactory")) {
                return true;
            }
        }
        return false;
    }

    private static JavaClasses importBundle() throws IOException {
        Path bundle = KnimeFramework.path("dmflab.plugin.classes");
        List<Location> locations = new ArrayList<>(List.of(Location.of(bundle),
                Location.of(new JarFile(KnimeFramework.path("knime.runtime").resolve("bundles/org.knime.core.jar")
                        .toFile()))));
        try (Stream<Path> jars = Files.list(bundle.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.getFileName().toString().endsWith(".jar")).toList()) {
                locations.add(Location.of(new JarFile(jar.toFile())));
            }
        }
        // of KNIME's core jar only the node API's top-level classes (the dialog/view hierarchy): fast, and enough
        Pattern knimeNodeApi = Pattern.compile(".*org\\.knime\\.core\\.jar!/org/knime/core/node/"
                + "(defaultnodesettings/)?[A-Za-z0-9_$]+\\.class");
        ImportOption nodeApiOnly = location -> !location.contains("org.knime.core.jar") || location.matches(knimeNodeApi);
        return new ClassFileImporter().withImportOption(nodeApiOnly).importLocations(locations);
    }
}
