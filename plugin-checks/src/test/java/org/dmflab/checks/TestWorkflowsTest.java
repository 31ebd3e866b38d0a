package org.dmflab.checks;

import org.dmflab.core.loss.LossKind;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.track.TrackSchemas;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.model.TraceShape;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.predict.PredictionTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What KNIME's loader cannot check about the testflows under test-workflows/ because their KNIME nodes (CSV Reader,
 * Table Validator, Table Difference Checker, Testflow Configuration) are not in the test runtime: a testflow per node
 * and an end-to-end flow, reference tables with the columns of docs/design.md §2, and readers, validators and
 * checkers configured for exactly those tables. Loading, saving and executing the workflows and our nodes' settings are
 * checked by KNIME itself in knime-tests (WorkflowFilesTest); the XML config format by KNIME's parser there.
 */
class TestWorkflowsTest {
    static final Path TESTFLOWS = ProjectFiles.ROOT.resolve("test-workflows");
    static final Path EXAMPLES = ProjectFiles.ROOT.resolve("examples");
    static final String XML_CONFIG_NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";
    static final Set<String> ENTRY_TYPES = Set.of("xstring", "xint", "xlong", "xdouble", "xfloat", "xboolean", "xbyte",
            "xshort", "xchar", "xpassword");
    static final String CSV_READER = "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory";
    static final String TABLE_VALIDATOR = "org.knime.base.node.preproc.datavalidator.DataValidatorNodeFactory";
    static final String DIFFERENCE_CHECKER = "org.knime.testing.internal.nodes.differ.DifferenceCheckerNodeFactory";
    static final String TESTFLOW_CONFIGURATION = "org.knime.testing.node.config.TestConfigNodeFactory";
    static final String BASELINE_FACTORY = "org.dmflab.knime.baseline.NuclearNormBaselineNodeFactory";
    static final String EPSILON_CHECKER = "org.knime.testing.internal.diffcheckers.EpsilonNumberChecker$Factory";
    static final String EQUALITY_CHECKER = "org.knime.testing.internal.diffcheckers.EqualityChecker$Factory";

    // ------------------------------------------------------------------------------------------------------------
    // The workflows

    static Stream<Path> testflows() {
        return workflows(TESTFLOWS).stream();
    }

    static Stream<Path> allWorkflows() {
        List<Path> all = new ArrayList<>(workflows(TESTFLOWS));
        all.addAll(workflows(EXAMPLES));
        return all.stream();
    }

    static List<Path> workflows(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        return ProjectFiles.files(root, "workflow.knime").stream().map(Path::getParent).toList();
    }

    @Test
    void thereIsATestflowPerNodeAndAnEndToEndFlow() {
        Set<String> factories = new HashSet<>();
        for (Path flow : workflows(TESTFLOWS)) {
            Workflow workflow = Workflow.load(flow);
            workflow.nodes.values().forEach(n -> factories.add(n.factory()));
            assertThat(workflow.nodes.values()).as(flow + " has a Testflow Configuration")
                    .anyMatch(n -> n.factory().equals(TESTFLOW_CONFIGURATION));
            assertThat(workflow.nodes.values()).as(flow + " ends in checks")
                    .anyMatch(n -> n.factory().equals(DIFFERENCE_CHECKER));
        }
        assertThat(factories).containsAll(ourFactories());
        // the end-to-end flow is the paper's pipeline; the nuclear-norm baseline, a comparison beside it, has its own
        Set<String> pipeline = new LinkedHashSet<>(ourFactories());
        pipeline.remove(BASELINE_FACTORY);
        assertThat(workflows(TESTFLOWS)).anyMatch(flow -> Workflow.load(flow).nodes.values().stream()
                .map(WorkflowNode::factory).filter(pipeline::contains).distinct().count() == pipeline.size());
    }

    @ParameterizedTest
    @MethodSource("testflows")
    void everyReferenceTableHasTheDesignColumns(Path flow) {
        List<Path> tables = ProjectFiles.files(flow.resolve("data"), ".csv");
        assertThat(tables).as(flow + " has reference tables").isNotEmpty();
        for (Path table : tables) {
            Csv csv = Csv.read(table);
            List<Column> schema = ReferenceSchemas.of(table, csv.header());
            assertThat(csv.header()).as(table + " columns in order").isEqualTo(names(schema));
            assertThat(csv.rows()).as(table + " has rows").isNotEmpty();
            for (int r = 0; r < csv.rows().size(); r++) {
                List<String> row = csv.rows().get(r);
                assertThat(row).as(table + " row " + (r + 1) + " width").hasSize(schema.size());
                for (int c = 0; c < schema.size(); c++) {
                    assertThat(parses(row.get(c), schema.get(c)))
                            .as(table + " row " + (r + 1) + " column " + schema.get(c).name() + ": '" + row.get(c) + "'")
                            .isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("testflows")
    void readersValidatorsAndCheckersUseTheReferenceTables(Path flow) {
        Workflow workflow = Workflow.load(flow);
        Set<String> read = new HashSet<>();
        for (WorkflowNode node : workflow.nodes.values()) {
            switch (node.factory()) {
                case CSV_READER -> read.add(csvReaderFile(node));
                case TABLE_VALIDATOR -> checkValidatorSpec(flow, node);
                case DIFFERENCE_CHECKER -> checkCheckerColumns(flow, workflow, node);
                default -> {
                }
            }
        }
        Set<String> present = new HashSet<>();
        ProjectFiles.files(flow.resolve("data"), ".csv").forEach(p -> present.add(p.getFileName().toString()));
        assertThat(read).as(flow + ": the CSV Readers read exactly the data files").isEqualTo(present);
    }

    private static String csvReaderFile(WorkflowNode node) {
        Config selection = node.settings().config("model").config("settings").config("file_selection");
        Config path = selection.config("path");
        assertThat(path.string("file_system_type")).isEqualTo("RELATIVE");
        assertThat(path.string("file_system_specifier")).as("workflow-data-relative").isEqualTo("knime.workflow.data");
        assertThat(selection.config("file_system_chooser__Internals").string("relative_to")).isEqualTo("knime.workflow.data");
        String file = path.string("path");
        assertThat(file).as(node.describe() + " reads a file of data/").doesNotContain("/").endsWith(".csv");
        return file;
    }

    private static void checkValidatorSpec(Path flow, WorkflowNode node) {
        Config model = node.settings().config("model");
        Config spec = model.config("data_table_spec");
        List<Config> columnSpecs = spec.configs();
        assertThat(spec.integer("number_columns")).isEqualTo(columnSpecs.size());
        List<String> names = new ArrayList<>();
        for (Config columnSpec : columnSpecs) {
            names.add(columnSpec.string("column_name"));
        }
        Path reference = ProjectFiles.files(flow.resolve("data"), ".csv").stream()
                .filter(p -> Csv.read(p).header().equals(names)).findFirst()
                .orElseThrow(() -> new AssertionError(node.describe() + ": no reference table with columns " + names));
        List<Column> schema = ReferenceSchemas.of(reference, names);
        for (int c = 0; c < columnSpecs.size(); c++) {
            assertThat(columnSpecs.get(c).config("column_type").string("cell_class"))
                    .as(node.describe() + " column " + names.get(c)).isEqualTo(cellClass(schema.get(c).type()));
        }
        Config individual = model.config("individual_settings").config("0");
        assertThat(individual.config("column_names").array("xstring")).isEqualTo(names);
        assertThat(individual.string("datatype_handling")).isIn("FAIL", "CONVERT_FAIL");
        assertThat(individual.string("colum_missing_handling")).isEqualTo("FAIL");
        assertThat(model.string("unkown_columns_handling")).isEqualTo("REJECT");
        assertThat(model.string("rejecting_behavior")).isEqualTo("FAIL_NODE");
    }

    /**
     * The checker compares every reference column; tolerances only on doubles and at most 1e-9 of the column's largest
     * magnitude (1e-15 for a column without values), so that a tolerance can never hide a wrong value.
     */
    private static void checkCheckerColumns(Path flow, Workflow workflow, WorkflowNode checker) {
        WorkflowNode reader = workflow.upstreamReader(checker, 2);
        Path file = flow.resolve("data").resolve(csvReaderFile(reader));
        Csv csv = Csv.read(file);
        List<Column> schema = ReferenceSchemas.of(file, csv.header());
        Config model = checker.settings().config("model");
        assertThat(model.bool("ignoreRowIds")).isTrue();
        List<String> configured = new ArrayList<>();
        for (Config column : model.configs()) {
            String name = column.key().replaceFirst("^columnConfig_", "");
            configured.add(name);
            Column designColumn = schema.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
            String factory = column.string("checkerFactory");
            Config internals = column.config("internals");
            assertThat(internals.entry("ignoreColumnProperties").type()).isEqualTo("xboolean");
            if (factory.equals(EPSILON_CHECKER)) {
                assertThat(designColumn.type()).as(checker.describe() + " epsilon only on doubles: " + name)
                        .isEqualTo(ColumnType.DOUBLE);
                int c = csv.header().indexOf(name);
                double largest = csv.rows().stream().map(row -> row.get(c)).filter(v -> !v.isEmpty())
                        .mapToDouble(v -> Math.abs(Double.parseDouble(v))).max().orElse(0);
                assertThat(internals.dbl("epsilon")).as(checker.describe() + " " + name).isGreaterThan(0)
                        .isLessThanOrEqualTo(largest == 0 ? 1e-15 : 1e-9 * largest);
            } else {
                assertThat(factory).isEqualTo(EQUALITY_CHECKER);
            }
        }
        assertThat(configured).as(checker.describe() + ": every reference column has a checker").isEqualTo(names(schema));
    }

    private static List<String> names(List<Column> columns) {
        return columns.stream().map(Column::name).toList();
    }

    private static String cellClass(ColumnType type) {
        return switch (type) {
            case INTEGER -> "org.knime.core.data.def.IntCell";
            case LONG -> "org.knime.core.data.def.LongCell";
            case DOUBLE -> "org.knime.core.data.def.DoubleCell";
            case STRING -> "org.knime.core.data.def.StringCell";
        };
    }

    private static boolean parses(String text, Column column) {
        if (text.isEmpty()) {
            return column.nullable();
        }
        try {
            switch (column.type()) {
                case INTEGER -> Integer.parseInt(text);
                case LONG -> Long.parseLong(text);
                case DOUBLE -> {
                    // the CSV Reader must guess a double column as Double, not Integer: Java's Double.toString form
                    Double.parseDouble(text);
                    return text.contains(".") || text.contains("E") || text.equals("NaN") || text.contains("Infinity");
                }
                default -> {
                }
            }
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Test
    void theParserRejectsWhatKnimeRejects() throws IOException {
        Path dir = Files.createTempDirectory("knime-config");
        Path bad = dir.resolve("bad.xml");
        Files.writeString(bad, "<?xml version=\"1.0\"?><config xmlns=\"" + XML_CONFIG_NAMESPACE + "\" key=\"x\">"
                + "<entry key=\"a\" type=\"xint\" value=\"1.5\"/></config>");
        assertThat(catchError(() -> Config.load(bad))).contains("xint");
        Files.writeString(bad, "<?xml version=\"1.0\"?><config xmlns=\"" + XML_CONFIG_NAMESPACE + "\" key=\"x\">"
                + "<entry key=\"a\" type=\"xint\" value=\"1\"/><entry key=\"a\" type=\"xint\" value=\"2\"/></config>");
        assertThat(catchError(() -> Config.load(bad))).contains("twice");
        Files.writeString(bad, "<?xml version=\"1.0\"?><config xmlns=\"" + XML_CONFIG_NAMESPACE + "\" key=\"x\">"
                + "<config key=\"arr\"><entry key=\"array-size\" type=\"xint\" value=\"2\"/>"
                + "<entry key=\"0\" type=\"xint\" value=\"2\"/></config></config>");
        assertThat(catchError(() -> Config.load(bad))).contains("array-size 2");
        Files.writeString(bad, "<?xml version=\"1.0\"?><config xmlns=\"" + XML_CONFIG_NAMESPACE + "\" key=\"x\">"
                + "<item key=\"y\"/></config>");
        assertThat(catchError(() -> Config.load(bad))).contains("item");
        Files.writeString(bad, "<?xml version=\"1.0\"?><config xmlns=\"" + XML_CONFIG_NAMESPACE + "\" key=\"x\">"
                + "<entry key=\"a\" type=\"xboolean\" value=\"yes\"/></config>");
        assertThat(catchError(() -> Config.load(bad))).contains("xboolean");
    }

    private static String catchError(Runnable action) {
        try {
            action.run();
        } catch (AssertionError | RuntimeException e) {
            return String.valueOf(e.getMessage());
        }
        throw new AssertionError("no error");
    }

    static Set<String> ourFactories() {
        Set<String> factories = new LinkedHashSet<>();
        for (Path source : ProjectFiles.files(ProjectFiles.PLUGIN_SOURCES, "NodeFactory.java")) {
            String relative = ProjectFiles.PLUGIN_SOURCES.relativize(source).toString().replace('/', '.');
            factories.add(relative.substring(0, relative.length() - ".java".length()));
        }
        return factories;
    }

    // ------------------------------------------------------------------------------------------------------------
    // The XML config format (XMLConfig_2008_09.xsd): config elements with entries.

    /** One typed value; {@code isNull} for isnull="true". */
    record Entry(String key, String type, String value, boolean isNull) {
    }

    /** A parsed {@code <config>}: entries and sub-configs by key, in file order. */
    record Config(String key, Map<String, Entry> entryMap, Map<String, Config> configMap) {

        static Config load(Path file) {
            Element root = ProjectFiles.xml(file).getDocumentElement();
            return parse(root, file.toString());
        }

        private static Config parse(Element element, String where) {
            check(XML_CONFIG_NAMESPACE.equals(element.getNamespaceURI()) && element.getLocalName().equals("config"),
                    where + ": element " + element.getTagName() + " is not a config");
            String key = element.getAttribute("key");
            Map<String, Entry> entries = new LinkedHashMap<>();
            Map<String, Config> configs = new LinkedHashMap<>();
            for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
                if (child.getNodeType() == Node.TEXT_NODE) {
                    check(child.getTextContent().isBlank(), where + "/" + key + ": text outside entries");
                    continue;
                }
                if (child.getNodeType() != Node.ELEMENT_NODE) {
                    continue;
                }
                Element e = (Element) child;
                String childKey = e.getAttribute("key");
                check(!childKey.isEmpty(), where + "/" + key + ": " + e.getTagName() + " without key");
                check(!entries.containsKey(childKey) && !configs.containsKey(childKey),
                        where + "/" + key + ": key " + childKey + " twice");
                if (XML_CONFIG_NAMESPACE.equals(e.getNamespaceURI()) && e.getLocalName().equals("entry")) {
                    entries.put(childKey, entry(e, where + "/" + key + "/" + childKey));
                } else {
                    configs.put(childKey, parse(e, where + "/" + key));
                }
            }
            Config config = new Config(key, entries, configs);
            if (entries.containsKey("array-size")) {
                int size = config.integer("array-size");
                check(entries.size() - 1 + configs.size() == size, where + "/" + key + ": array-size " + size);
                for (int n = 0; n < size; n++) {
                    check(entries.containsKey(String.valueOf(n)) || configs.containsKey(String.valueOf(n)),
                            where + "/" + key + ": array element " + n);
                }
            }
            return config;
        }

        private static Entry entry(Element e, String where) {
            String type = e.getAttribute("type");
            check(ENTRY_TYPES.contains(type), where + ": entry type '" + type + "'");
            check(e.hasAttribute("value"), where + ": entry without value");
            boolean isNull = "true".equals(e.getAttribute("isnull"));
            String value = e.getAttribute("value");
            if (!isNull) {
                try {
                    switch (type) {
                        case "xint" -> Integer.parseInt(value);
                        case "xlong" -> Long.parseLong(value);
                        case "xdouble" -> Double.parseDouble(value);
                        case "xboolean" -> check(value.equals("true") || value.equals("false"),
                                where + ": xboolean '" + value + "' (anything but true reads as false)");
                        default -> {
                        }
                    }
                } catch (NumberFormatException ex) {
                    throw new AssertionError(where + ": " + type + " value '" + value + "'");
                }
            }
            return new Entry(e.getAttribute("key"), type, value, isNull);
        }

        private static void check(boolean condition, String message) {
            if (!condition) {
                throw new AssertionError(message);
            }
        }

        boolean has(String childKey) {
            return entryMap.containsKey(childKey) || configMap.containsKey(childKey);
        }

        Entry entry(String childKey) {
            Entry entry = entryMap.get(childKey);
            if (entry == null) {
                throw new AssertionError(key + ": no entry " + childKey);
            }
            return entry;
        }

        Config config(String childKey) {
            Config config = configMap.get(childKey);
            if (config == null) {
                throw new AssertionError(key + ": no config " + childKey);
            }
            return config;
        }

        List<Config> configs() {
            return List.copyOf(configMap.values());
        }

        List<Entry> entries() {
            return List.copyOf(entryMap.values());
        }

        String string(String childKey) {
            return typed(childKey, "xstring").value();
        }

        int integer(String childKey) {
            return Integer.parseInt(typed(childKey, "xint").value());
        }

        double dbl(String childKey) {
            return Double.parseDouble(typed(childKey, "xdouble").value());
        }

        boolean bool(String childKey) {
            return Boolean.parseBoolean(typed(childKey, "xboolean").value());
        }

        /** The elements of an array config ({@code array-size}, "0", "1", …) of this type; empty if not an array. */
        List<String> array(String type) {
            if (!entryMap.containsKey("array-size")) {
                return List.of();
            }
            List<String> values = new ArrayList<>();
            for (int n = 0; n < integer("array-size"); n++) {
                values.add(typed(String.valueOf(n), type).value());
            }
            return values;
        }

        private Entry typed(String childKey, String type) {
            Entry entry = entry(childKey);
            if (!entry.type().equals(type)) {
                throw new AssertionError(key + "/" + childKey + " is " + entry.type() + ", expected " + type);
            }
            return entry;
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Workflows, nodes, our plugin's facts

    record WorkflowNode(Path flow, int id, String settingsFile) {
        Config settings() {
            return Config.load(flow.resolve(settingsFile));
        }

        String factory() {
            return settings().string("factory");
        }

        String describe() {
            return flow.getFileName() + "/" + settingsFile;
        }
    }

    static final class Workflow {
        final Map<Integer, WorkflowNode> nodes = new LinkedHashMap<>();
        final List<int[]> connections = new ArrayList<>();

        static Workflow load(Path flow) {
            Workflow workflow = new Workflow();
            Config knime = Config.load(flow.resolve("workflow.knime"));
            for (Config node : knime.config("nodes").configs()) {
                workflow.nodes.put(node.integer("id"), new WorkflowNode(flow, node.integer("id"),
                        node.string("node_settings_file")));
            }
            for (Config c : knime.config("connections").configs()) {
                workflow.connections.add(new int[]{c.integer("sourceID"), c.integer("sourcePort"), c.integer("destID"),
                        c.integer("destPort")});
            }
            return workflow;
        }

        /** KNIME's folder name: characters outside [a-zA-Z0-9 ] become '_', then " (#id)". */
        static String folderName(String nodeName, int id) {
            return nodeName.replaceAll("[^a-zA-Z0-9 ]", "_") + " (#" + id + ")";
        }

        /** The CSV Reader that feeds input {@code port} of {@code node}, following first inputs upstream. */
        WorkflowNode upstreamReader(WorkflowNode node, int port) {
            WorkflowNode current = node;
            int currentPort = port;
            for (int step = 0; step < nodes.size(); step++) {
                WorkflowNode here = current;
                int herePort = currentPort;
                int[] connection = connections.stream().filter(c -> c[2] == here.id() && c[3] == herePort).findFirst()
                        .orElseThrow(() -> new AssertionError(here.describe() + " input " + herePort + " unconnected"));
                current = nodes.get(connection[0]);
                if (current.factory().equals(CSV_READER)) {
                    return current;
                }
                currentPort = 1;
            }
            throw new AssertionError(node.describe() + ": no CSV Reader upstream of input " + port);
        }
    }

    // ------------------------------------------------------------------------------------------------------------
    // Reference tables

    record Csv(List<String> header, List<List<String>> rows) {
        /** Our CSV (docs/design.md §2, written by core's CsvTableWriter): comma separated, header row, RFC 4180 quoting. */
        static Csv read(Path file) {
            try (Reader reader = Files.newBufferedReader(file);
                 CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().get().parse(reader)) {
                List<List<String>> rows = new ArrayList<>();
                for (CSVRecord record : parser) {
                    rows.add(record.toList());
                }
                return new Csv(parser.getHeaderNames(), rows);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": " + e.getMessage(), e);
            }
        }
    }

    /** The design.md §2 schema of a reference table, chosen by its file name; the sizes of matrix and trace from the header. */
    static final class ReferenceSchemas {
        static final List<Column> SWEEP_RUNS = List.of(Column.of("depth_value", ColumnType.INTEGER),
                Column.of("dmflab_final_loss", ColumnType.DOUBLE), Column.of("dmflab_final_effective_rank",
                        ColumnType.DOUBLE), Column.of("dmflab_iterations", ColumnType.LONG),
                Column.of("dmflab_solver", ColumnType.STRING));

        static List<Column> of(Path file, List<String> header) {
            String name = file.getFileName().toString().replaceFirst("\\.csv$", "");
            return switch (name) {
                case "spectrum" -> Schemas.SPECTRUM;
                case "observations" -> Schemas.OBSERVATIONS;
                case "matrix", "product", "solution" -> Schemas.matrix(header.size());
                case "summary" -> NuclearNormResult.SUMMARY;
                case "trace" -> Schemas.trace(traceShape(header));
                case "hitting" -> TrackSchemas.HITTING;
                case "observed-plateaus" -> Schemas.plateausObserved(header.contains("k_start"));
                // the predictor's and tracker's tables leave out the columns their settings and inputs cannot fill
                case "bounds" -> inHeader(PredictionTables.BOUNDS, header);
                case "plateaus" -> inHeader(PredictionTables.PLATEAUS, header);
                case "provenance" -> PredictionTables.PROVENANCE;
                // the depth-sweep testflow's Loop End: one row per run, the loop variable and the trainer's variables
                case "runs" -> SWEEP_RUNS;
                default -> throw new AssertionError(file + ": no design.md §2 table is called " + name);
            };
        }

        private static List<Column> inHeader(List<Column> all, List<String> header) {
            return all.stream().filter(column -> header.contains(column.name())).toList();
        }

        /** A trace's shape from its header: a completion run has the completion columns or no error columns. */
        private static TraceShape traceShape(List<String> header) {
            boolean known = header.contains(Schemas.ERROR_FRO);
            boolean completion = header.contains(Schemas.ERROR_UNOBSERVED) || !known;
            return new TraceShape(count(header, Schemas.LAMBDA_PREFIX), count(header, Schemas.SIGMA_PREFIX),
                    Optional.of(completion ? LossKind.COMPLETION : LossKind.FULL), known);
        }

        private static int count(List<String> header, String prefix) {
            return (int) header.stream().filter(n -> n.startsWith(prefix)).count();
        }
    }
}
