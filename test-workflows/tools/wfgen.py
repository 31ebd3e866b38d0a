#!/usr/bin/env python3
"""Writes DMF Lab's KNIME testflows (and the example workflow) in KNIME 5.5's on-disk format.

Follows KNIME 5.5's on-disk workflow format (workflow.knime and per-node settings.xml, nodes saved CONFIGURED).
Input: reference CSVs written by our CLI (see wfrefs.sh) in REFS; output: test-workflows/ and examples/ of a checkout.

    python3 wfgen.py REFS CHECKOUT

Every workflow is written from scratch (the target folders are replaced). Nodes are saved CONFIGURED without data
; connections use port 0 for the flow-variable port, so data port i is index i+1.
"""
import csv
import math
import shutil
import sys
from pathlib import Path

HEADER = ('<?xml version="1.0" encoding="UTF-8"?>\n'
          '<config xmlns="http://www.knime.org/2008/09/XMLConfig" '
          'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
          'xsi:schemaLocation="http://www.knime.org/2008/09/XMLConfig http://www.knime.org/XMLConfig_2008_09.xsd" '
          'key="{key}">\n')

# ---------------------------------------------------------------------------------------------------------------
# The XML config format: a tree of ("config", key, children) and ("entry", key, type, value) tuples.


def entry(key, type_, value):
    return ("entry", key, type_, value)


def s(key, value):
    return entry(key, "xstring", value)


def i(key, value):
    return entry(key, "xint", value)


def l(key, value):
    return entry(key, "xlong", value)


def d(key, value):
    return entry(key, "xdouble", value)


def b(key, value):
    return entry(key, "xboolean", value)


def config(key, *children):
    return ("config", key, list(children))


def array(key, type_, values):
    return config(key, i("array-size", len(values)), *[entry(str(n), type_, v) for n, v in enumerate(values)])


def knime_escape(text):
    """KNIME's own escaping (shared XMLUtils.escape): characters < 32 become %%ddddd; '%' before '%' is escaped."""
    out = []
    for n, ch in enumerate(text):
        code = ord(ch)
        if code < 32 or code > 0xD7FF or (ch == "%" and n + 1 < len(text) and text[n + 1] == "%"):
            out.append("%%%%%05d" % code)
        else:
            out.append(ch)
    return "".join(out)


def render_value(type_, value):
    if value is None:
        return ' isnull="true" value=""'
    if type_ == "xboolean":
        value = "true" if value else "false"
    elif type_ == "xdouble":
        value = java_double(float(value))
    return " value=" + attribute(knime_escape(str(value)))


def attribute(text):
    """A double-quoted XML attribute value, escaped as KNIME writes it (&quot; &amp; &lt; &gt;)."""
    return '"' + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;") + '"'


def java_double(x):
    """Java's Double.toString form (e.g. 0.01, 1.0E-7), which KNIME writes and Double.parseDouble reads back."""
    if x == 0 or 1e-3 <= abs(x) < 1e7:
        text = repr(x)
        return text if "." in text else text + ".0"
    text = repr(x)
    if "e" not in text:  # 1e7 <= |x| < 1e16 prints plainly in Python
        mantissa, exponent = f"{x:.16e}".split("e")
        text = mantissa.rstrip("0") + "e" + exponent
    mantissa, exponent = text.split("e")
    if "." not in mantissa:
        mantissa += ".0"
    elif mantissa.endswith("."):
        mantissa += "0"
    return f"{mantissa}E{int(exponent)}"


def render(node, depth=1):
    pad = "    " * depth
    if node[0] == "entry":
        _, key, type_, value = node
        return f'{pad}<entry key={attribute(key)} type="{type_}"{render_value(type_, value)}/>\n'
    _, key, children = node
    if not children:
        return f"{pad}<config key={attribute(key)}/>\n"
    return (f"{pad}<config key={attribute(key)}>\n" + "".join(render(c, depth + 1) for c in children)
            + f"{pad}</config>\n")


def document(root_key, children):
    return HEADER.format(key=root_key) + "".join(render(c) for c in children) + "</config>\n"


# ---------------------------------------------------------------------------------------------------------------
# Column types (design.md §2 as core's Schemas/TrackSchemas/PredictionTables write them) and KNIME cell classes.

INT, LONG, DOUBLE, STRING = "INTEGER", "LONG", "DOUBLE", "STRING"
CELL_CLASS = {INT: "org.knime.core.data.def.IntCell", LONG: "org.knime.core.data.def.LongCell",
              DOUBLE: "org.knime.core.data.def.DoubleCell", STRING: "org.knime.core.data.def.StringCell"}

FIXED_TYPES = {
    "spectrum": {"index": INT, "value": DOUBLE, "kind": STRING},
    "observations": {"row": INT, "column": INT, "value": DOUBLE},
    "hitting": {"index": INT, "lambda": DOUBLE, "limit": DOUBLE, "k_hit": LONG, "outcome": STRING},
    "plateaus": {"r": INT, "level": DOUBLE, "k_start": LONG, "k_end": LONG, "bound": DOUBLE, "epsilon": DOUBLE,
                 "delta": DOUBLE, "flow_k_start": DOUBLE, "flow_k_end": DOUBLE, "reason": STRING,
                 "k_escape_float": LONG},
    "observed-plateaus": {"r": INT, "level": DOUBLE, "k_start": LONG, "k_end": LONG, "bound": DOUBLE,
                          "observed_start": LONG, "observed_end": LONG, "recording": STRING,
                          "stop_observed": LONG},
    "bounds": {"index": INT, "lambda": DOUBLE, "limit": DOUBLE, "regime": STRING, "eta_max": DOUBLE,
               "k_exact": LONG, "k_lower": LONG, "k_upper": LONG, "k_flow": DOUBLE, "k_asymptotic": DOUBLE,
               "k_sign_change": LONG, "k_sign_change_bound": LONG, "k_sign_change_flow": DOUBLE},
    "provenance": {"table": STRING, "column": STRING, "applies_to": STRING, "kind": STRING, "source": STRING},
    "summary": {"nuclear_norm": DOUBLE, "lower_bound": DOUBLE, "gap": DOUBLE, "relative_residual": DOUBLE,
                "rank": INT, "relative_error": DOUBLE, "iterations": LONG, "outcome": STRING},
}


def column_type(table, name, extra_types):
    if name in extra_types.get(table, {}):
        return extra_types[table][name]
    if table in FIXED_TYPES:
        return FIXED_TYPES[table][name]
    if table in ("matrix", "product", "solution"):
        return DOUBLE
    if table == "trace":
        return LONG if name == "iteration" else STRING if name in ("init", "loss_kind") else DOUBLE
    raise KeyError(f"no type for column {name} of {table}")


class Reference:
    """A reference CSV written by our CLI: its table kind (file stem), header and columns' values."""

    def __init__(self, path, extra_types):
        self.path = Path(path)
        self.table = self.path.stem
        with open(self.path, newline="", encoding="utf-8") as f:
            rows = list(csv.reader(f))
        self.names = rows[0]
        self.rows = rows[1:]
        self.types = [column_type(self.table, n, extra_types) for n in self.names]

    def values(self, column):
        c = self.names.index(column)
        return [r[c] for r in self.rows if r[c] != ""]


# ---------------------------------------------------------------------------------------------------------------
# settings.xml: common head and tail, and the model of each node kind.

OUR_BUNDLE = dict(name="DMF Lab - Deep Matrix Factorization nodes", symbolic="org.dmflab.knime", vendor="DMF Lab",
                  version="0.1.0", feature_name="DMF Lab - Deep Matrix Factorization",
                  feature_symbolic="org.dmflab.knime.feature.feature.group", feature_vendor="DMF Lab",
                  feature_version="0.1.0")
BASE_BUNDLE = dict(name="KNIME Base Nodes", symbolic="org.knime.base", vendor="KNIME AG, Zurich, Switzerland",
                   version="5.5.0")
TESTING_BUNDLE = dict(name="Test-Node extension for KNIME Workbench", symbolic="org.knime.testing",
                      vendor="KNIME AG, Zurich, Switzerland", version="5.5.0")


def settings_xml(factory, name, bundle, model, outputs, creation_config=None, state="CONFIGURED", variables=None):
    children = [s("node_file", "settings.xml"), config("flow_stack"),
                config("internal_node_subsettings", s("memory_policy", "CacheSmallInMemory")),
                model]
    if variables:  # settings controlled by flow variables: {setting key: variable name}
        children.append(config("variables", *[config(key, s("used_variable", var), s("exposed_variable", None))
                                              for key, var in variables.items()]))
    children += [s("customDescription", None), s("state", state), s("factory", factory), s("node-name", name),
                s("node-bundle-name", bundle["name"]), s("node-bundle-symbolic-name", bundle["symbolic"]),
                s("node-bundle-vendor", bundle["vendor"]), s("node-bundle-version", bundle["version"]),
                s("node-feature-name", bundle.get("feature_name")),
                s("node-feature-symbolic-name", bundle.get("feature_symbolic")),
                s("node-feature-vendor", bundle.get("feature_vendor")),
                s("node-feature-version", bundle.get("feature_version", "0.0.0")),
                config("factory_settings")]
    if creation_config is not None:
        children.append(creation_config)
    children += [s("name", name), b("hasContent", False), b("isInactive", False),
                 config("ports", *[config(f"port_{p}", i("index", p), s("port_dir_location", None))
                                   for p in range(1, outputs + 1)]),
                 config("filestores", s("file_store_location", None), s("file_store_id", None))]
    return document("settings.xml", children)


SMID = {"xstring": "SMID_string", "xint": "SMID_integer", "xdouble": "SMID_double", "xboolean": "SMID_boolean"}


def our_model(values):
    """Settings models as NodeSettingsGroup saves them: KEY_Internals + KEY for every key, in order."""
    children = []
    for key, (type_, value) in values.items():
        children.append(config(key + "_Internals", s("SettingsModelID", SMID[type_]), b("EnabledStatus", True)))
        children.append(entry(key, type_, value))
    return config("model", *children)


class Node:
    def __init__(self, name, factory, bundle, model, inputs, outputs, creation_config=None):
        self.name, self.factory, self.bundle, self.model = name, factory, bundle, model
        self.inputs, self.outputs, self.creation_config = inputs, outputs, creation_config
        self.id = None
        self.position = (0, 0)
        self.state = "CONFIGURED"
        self.variables = None

    def folder(self):
        return "".join(c if c.isalnum() and c.isascii() or c == " " else "_" for c in self.name) + f" (#{self.id})"

    def xml(self):
        return settings_xml(self.factory, self.name, self.bundle, self.model, self.outputs, self.creation_config,
                            self.state, self.variables)


def generator_node(spectrum, eigenvectors, seed, n=0, m=0, observations="0", noise="none", use_input=False,
                   divide_by=1.0, symmetrize=False):
    return Node("Ground Truth Generator", "org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory", OUR_BUNDLE,
                our_model({"spectrum": ("xstring", spectrum), "n": ("xint", n), "m": ("xint", m),
                           "eigenvectors": ("xstring", eigenvectors), "seed": ("xint", seed),
                           "noise": ("xstring", noise), "symmetrize-noise": ("xboolean", symmetrize),
                           "measurements": ("xint", 0), "observations": ("xstring", observations),
                           "input": ("xboolean", use_input), "divide-by": ("xdouble", divide_by)}), 1, 4)


def trainer_node(run):
    return Node("Deep Factorization Trainer", "org.dmflab.knime.train.DeepFactorizationTrainerNodeFactory",
                OUR_BUNDLE,
                our_model({"depth": ("xint", run["depth"]), "step": ("xdouble", run["step"]),
                           "init": ("xstring", run["init"]), "alpha": ("xdouble", run["alpha"]),
                           "beta": ("xdouble", run["beta"]), "sigma": ("xdouble", run.get("sigma", 0.01)),
                           "seed": ("xint", run.get("seed", 1)),
                           "iterations": ("xint", run["iterations"]), "tolerance": ("xdouble", run.get("tolerance", 0.0)),
                           "stop-at": ("xstring", run.get("stop_at", "none")),
                           "record": ("xstring", run["record"]), "solver": ("xstring", run.get("solver", "auto")),
                           "loss": ("xstring", run.get("loss", "full")), "width": ("xint", run.get("width", 0))}), 2, 2)


def tracker_node(track):
    return Node("Spectrum Tracker", "org.dmflab.knime.track.SpectrumTrackerNodeFactory", OUR_BUNDLE,
                our_model({"epsilon": ("xdouble", track["epsilon"]),
                           "plateau-tolerance": ("xdouble", track["plateau-tolerance"]),
                           "log-x": ("xboolean", True)}), 3, 5)


def predictor_node(run, predict):
    return Node("Theoretical Bound Predictor", "org.dmflab.knime.predict.BoundPredictorNodeFactory", OUR_BUNDLE,
                our_model({"depth": ("xint", run["depth"]), "step": ("xdouble", run["step"]),
                           "init": ("xstring", run["init"]), "alpha": ("xdouble", run["alpha"]),
                           "beta": ("xdouble", run["beta"]), "epsilon": ("xdouble", predict["epsilon"]),
                           "delta": ("xstring", predict["delta"]), "target-accuracy": ("xstring", ""),
                           "horizon": ("xint", predict["horizon"])}), 1, 3)


def baseline_node(tolerance, iterations):
    return Node("Nuclear Norm Baseline", "org.dmflab.knime.baseline.NuclearNormBaselineNodeFactory", OUR_BUNDLE,
                our_model({"tolerance": ("xdouble", tolerance), "iterations": ("xint", iterations)}), 2, 2)


def testflow_configuration(warnings, timeout=300):
    """. warnings: node id -> expected warning message (KNIME's _!_regex_!_ syntax allowed)."""
    expected = [i("count", len(warnings))]
    for n, (node_id, message) in enumerate(sorted(warnings.items())):
        expected += [s(f"nodeID_{n}", str(node_id)), s(f"message_{n}", message)]
    model = config("model", s("owner", "dmflab@example.org"),
                   array("requiredLogErrors", "xstring", []), array("requiredLogWarnings", "xstring", []),
                   array("requiredLogInfos", "xstring", []), array("optionalLogMessages", "xstring", []),
                   array("failingNodes", "xstring", []), config("requiredNodeWarnings", *expected),
                   config("requiredNodeErrors", i("count", 0)), i("timeout", timeout), i("maxHilitedRows", 2500),
                   array("usedJanitors", "xstring", []), b("streamingTest", False), b("testNodesInComponents", True),
                   s("requiredLoadVersion", ""),
                   array("supportedTableBackends", "xstring", ["org.knime.core.data.container.BufferedTableBackend"]))
    return Node("Testflow Configuration", "org.knime.testing.node.config.TestConfigNodeFactory", TESTING_BUNDLE,
                model, 0, 0)


def csv_reader(file_name):
    """: a CSV file of the workflow's data area (RELATIVE / knime.workflow.data); types guessed from all rows."""
    filters = config("filter_options", b("filter_files_extension", False), s("files_extension_expression", ""),
                     b("files_extension_case_sensitive", False), b("filter_files_name", False),
                     s("files_name_expression", "*"), b("files_name_case_sensitive", False),
                     s("files_name_filter_type", "WILDCARD"), b("include_hidden_files", False),
                     b("include_special_files", True), b("filter_folders_name", False),
                     s("folders_name_expression", "*"), b("folders_name_case_sensitive", False),
                     s("folders_name_filter_type", "WILDCARD"), b("include_hidden_folders", False),
                     b("follow_links", True))
    file_selection = config(
        "file_selection",
        config("file_system_chooser__Internals", b("has_fs_port", False), b("overwritten_by_variable", False),
               s("convenience_fs_category", "RELATIVE"), s("relative_to", "knime.workflow.data"),
               s("mountpoint", "LOCAL"), s("spaceId", ""), s("spaceName", ""), i("custom_url_timeout", 10000),
               b("connected_fs", True)),
        config("path", b("location_present", True), s("file_system_type", "RELATIVE"),
               s("file_system_specifier", "knime.workflow.data"), s("path", file_name)),
        config("filter_mode_Internals", s("SettingsModelID", "SMID_FilterMode"), b("EnabledStatus", True)),
        config("filter_mode", s("filter_mode", "FILE"), b("include_subfolders", False), filters))
    settings = config("settings", b("has_column_header", True), b("has_row_id", False),
                      b("support_short_data_rows", False), b("skip_empty_data_rows", False),
                      b("prepend_file_idx_to_row_id", False), s("comment_char", "#"), s("column_delimiter", ","),
                      s("quote_char", '"'), s("quote_escape_char", '"'), b("use_line_break_row_delimiter", True),
                      s("row_delimiter", "\n"), i("autodetect_buffer_size", 1048576),
                      config("file_selection_Internals", s("SettingsModelID", "SMID_ReaderFileChooser"),
                             b("EnabledStatus", True)),
                      file_selection)
    advanced = config("advanced_settings", s("spec_merge_mode_Internals", "UNION"), b("fail_on_differing_specs", True),
                      b("append_path_column_Internals", False), s("path_column_name_Internals", "File Path"),
                      b("limit_data_rows_scanned", False), l("max_data_rows_scanned", 10000),
                      b("save_table_spec_config_Internals", False), b("check_table_spec", False),
                      b("limit_memory_per_column", True), i("maximum_number_of_columns", 8192),
                      s("quote_option", "REMOVE_QUOTES_AND_TRIM"), b("replace_empty_quotes_with_missing", True),
                      s("thousands_separator", "\0"), s("decimal_separator", "."))
    limit_rows = config("limit_rows", b("skip_lines", False), l("number_of_lines_to_skip", 1),
                        b("skip_data_rows", False), l("number_of_rows_to_skip", 1), b("limit_data_rows", False),
                        l("max_rows", 50))
    model = config("model", settings, advanced, limit_rows, config("encoding", s("charset", "UTF-8")))
    creation = config("node_creation_config", config("File System Connection"), config("Data Table"))
    return Node("CSV Reader", "org.knime.base.node.io.filehandling.csv.reader.CSVTableReaderNodeFactory",
                BASE_BUNDLE, model, 0, 1, creation)


def table_validator(reference, handling):
    """ Table Validator with the design.md §2 spec of `reference`'s table.

    handling FAIL: a schema check (names, types, no extra or missing column); CONVERT_FAIL: additionally converts
    the cells to the spec's types - used on reference CSVs, whose integer columns the CSV Reader guesses as Integer
    even where design.md §2 says Long (and all-empty columns as String)."""
    columns = [config(f"column_spec_{c}", s("column_name", name), array("element_names", "xstring", []),
                      config("column_type", s("cell_class", CELL_CLASS[type_])), config("column_domain"),
                      config("column_properties"))
               for c, (name, type_) in enumerate(zip(reference.names, reference.types))]
    model = config("model",
                   config("individual_settings",
                          config("0", array("column_names", "xstring", reference.names),
                                 b("case_insensitive_name_matching", False), b("reject_on_missing_value", False),
                                 s("datatype_handling", handling), s("domain_handling_possible_values", "NONE"),
                                 s("domain_handling_min_max", "NONE"), s("colum_missing_handling", "FAIL"))),
                   s("unkown_columns_handling", "REJECT"), s("rejecting_behavior", "FAIL_NODE"),
                   s("validate_at", "VALIDATE_BOTH"),
                   config("data_table_spec", s("spec_name", "default"), i("number_columns", len(columns)), *columns))
    return Node("Table Validator", "org.knime.base.node.preproc.datavalidator.DataValidatorNodeFactory", BASE_BUNDLE,
                model, 1, 2)


EQUALITY = "org.knime.testing.internal.diffcheckers.EqualityChecker$Factory"
EPSILON = "org.knime.testing.internal.diffcheckers.EpsilonNumberChecker$Factory"


def epsilon_for(reference, column):
    """Absolute tolerance 1e-10 x the column's largest magnitude, rounded up to a power of ten (at least 1e-15)."""
    magnitudes = [abs(float(v)) for v in reference.values(column) if math.isfinite(float(v))]
    largest = max(magnitudes, default=0.0)
    if largest == 0.0:
        return 1e-15
    return 10.0 ** math.ceil(math.log10(1e-10 * largest))


def difference_checker(reference, exact):
    """: every reference column configured; doubles with the Epsilon checker unless listed in `exact`."""
    columns = []
    for name, type_ in zip(reference.names, reference.types):
        internals = [b("ignoreColumnProperties", True), b("ignoreColumnElementNames", False),
                     b("ignoreDomain", True), b("ignoreDomainPossibleValuesOrdering", False)]
        factory = EQUALITY
        if type_ == DOUBLE and name not in exact:
            factory = EPSILON
            internals.append(d("epsilon", epsilon_for(reference, name)))
        columns.append(config("columnConfig_" + name, s("checkerFactory", factory), config("internals", *internals)))
    model = config("model", *columns, b("ignoreRowIds", True))
    return Node("Table Difference Checker", "org.knime.testing.internal.nodes.differ.DifferenceCheckerNodeFactory",
                TESTING_BUNDLE, model, 2, 0)


# ---------------------------------------------------------------------------------------------------------------
# workflow.knime


class Workflow:
    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.connections = []
        self.data = []

    def add(self, node, column, row):
        node.id = len(self.nodes) + 1
        node.position = (int(60 + 200 * column), int(60 + 140 * row))
        self.nodes.append(node)
        return node

    def connect(self, source, source_port, dest, dest_port):
        """Data ports counted from 1 (0 is the flow-variable port)."""
        self.connections.append((source.id, source_port, dest.id, dest_port))

    def reference(self, ref):
        self.data.append(ref.path)

    def write(self, root):
        folder = root / self.name
        readme = folder / "README.md"
        kept = readme.read_text(encoding="utf-8") if readme.exists() else None
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
        if kept is not None:
            readme.write_text(kept, encoding="utf-8")
        nodes = []
        for n in self.nodes:
            x, y = n.position
            nodes.append(config(f"node_{n.id}", i("id", n.id), s("node_settings_file", n.folder() + "/settings.xml"),
                                b("node_is_meta", False), s("node_type", "NativeNode"),
                                s("ui_classname", "org.knime.core.node.workflow.NodeUIInformation"),
                                config("ui_settings", array("extrainfo.node.bounds", "xint", [x, y, -1, -1]))))
            (folder / n.folder()).mkdir()
            (folder / n.folder() / "settings.xml").write_text(n.xml(), encoding="utf-8")
        connections = [config(f"connection_{c}", i("sourceID", src), i("destID", dst), i("sourcePort", sp),
                              i("destPort", dp))
                       for c, (src, sp, dst, dp) in enumerate(self.connections)]
        text = document("workflow.knime", [s("created_by", "5.5.0"), b("created_by_nightly", False),
                                           s("version", "5.1.0"), s("name", None), s("customDescription", None),
                                           s("state", "CONFIGURED"), config("workflow_credentials"),
                                           config("nodes", *nodes), config("connections", *connections)])
        (folder / "workflow.knime").write_text(text, encoding="utf-8")
        if self.data:
            (folder / "data").mkdir()
            for path in self.data:
                shutil.copyfile(path, folder / "data" / path.name)


def typed_reference(wf, ref, column, row):
    """CSV Reader -> Table Validator (convert): the reference table with design.md §2 types."""
    wf.reference(ref)
    reader = wf.add(csv_reader(ref.path.name), column, row)
    typed = wf.add(table_validator(ref, "CONVERT_FAIL"), column + 1, row)
    wf.connect(reader, 1, typed, 1)
    return typed


def check(wf, node, port, ref, row, exact=()):
    """Our node's output port -> Table Validator (schema) -> Table Difference Checker <- typed reference CSV."""
    typed = typed_reference(wf, ref, 3, row)
    schema = wf.add(table_validator(ref, "FAIL"), 4, row + 0.5)
    checker = wf.add(difference_checker(ref, exact), 5, row)
    wf.connect(node, port, schema, 1)
    wf.connect(schema, 1, checker, 1)
    wf.connect(typed, 1, checker, 2)


# ---------------------------------------------------------------------------------------------------------------
# The testflows. Settings mirror the `plateaus` experiment (docs/results.md, `plateaus`; docs/design.md §4).

RUN = dict(depth=3, step=0.01, init="identity", alpha=0.02, beta=0.01, iterations=25000, record="log:400")
SPECTRUM = "geometric:8,0.5,6"
TRACK = {"epsilon": 0.01, "plateau-tolerance": 0.05}
# Matrix completion: a random rank-2 10x10 target, 60 observed entries, depth 3 from a Gaussian start.
COMPLETION_SPECTRUM = "gaussian-factors:2"
COMPLETION_RUN = dict(depth=3, step=0.05, init="gaussian", alpha=0.02, beta=0.01, sigma=0.1, iterations=400,
                      record="every:20", loss="completion")
PREDICT = {"epsilon": 0.01, "delta": "0.005", "horizon": 10000000}
# Expected node warnings: literal text, then KNIME's _!_regex_!_ for the rest (dot matches newlines).
STEP_WARNING = "step: η = 0.01 exceeds the admissible step size 0.00892857 of (10′) for these settings_!_(?s).*_!_"
VERDICT_WARNING = ("η = 0.01000 exceeds (10′) η ≤ 0.008929 (N = 3, α = 0.02000, ‖Φ‖₂ = 8.000), but satisfies the "
                   "per-eigenvalue condition (20′) of every eigenvalue_!_(?s).*_!_")


def build(refs, checkout, predictor_warning=VERDICT_WARNING):
    extra = {}
    ref = {}
    for path in sorted(Path(refs).glob("*/*.csv")):
        ref[path.parent.name + "/" + path.stem] = path
    load = lambda key: Reference(ref[key], extra)  # noqa: E731
    if (Path(refs) / "types.csv").exists():
        with open(Path(refs) / "types.csv", encoding="utf-8") as f:
            for table, name, type_ in csv.reader(f):
                extra.setdefault(table, {})[name] = type_
    root = Path(checkout) / "test-workflows"
    flows = []

    wf = Workflow("GroundTruthGenerator_identity_basis")
    wf.add(testflow_configuration({}), 0, 0)
    gen = wf.add(generator_node(SPECTRUM, "identity", 1), 0, 1)
    check(wf, gen, 2, load("gen/spectrum"), 1, exact=("value",))
    check(wf, gen, 1, load("gen/matrix"), 3, exact=tuple(f"c{j}" for j in range(1, 7)))
    flows.append(wf)

    wf = Workflow("DeepFactorizationTrainer_spectral_plateaus")
    configuration = wf.add(testflow_configuration({}), 0, 0)
    trainer = wf.add(trainer_node(RUN), 2, 1)
    configuration.model = testflow_configuration({trainer.id: STEP_WARNING}).model
    target = typed_reference(wf, load("gen/matrix"), 0, 1)
    wf.connect(target, 1, trainer, 1)
    check(wf, trainer, 1, load("train/trace"), 3)
    check(wf, trainer, 2, load("train/product"), 5)
    flows.append(wf)

    wf = Workflow("SpectrumTracker_plateaus")
    wf.add(testflow_configuration({}), 0, 0)
    tracker = wf.add(tracker_node(TRACK), 2, 2)
    trace = typed_reference(wf, load("train/trace"), 0, 1)
    target = typed_reference(wf, load("gen/matrix"), 0, 3)
    wf.connect(trace, 1, tracker, 1)
    wf.connect(target, 1, tracker, 2)
    check(wf, tracker, 1, load("track/observed-plateaus"), 5, exact=("level",))
    check(wf, tracker, 2, load("track/hitting"), 7, exact=("lambda", "limit"))
    flows.append(wf)

    if "ctrain/trace" in ref:
        wf = Workflow("DeepFactorizationTrainer_completion")
        wf.add(testflow_configuration({}), 0, 0)
        gen = wf.add(generator_node(COMPLETION_SPECTRUM, "random", 1, n=10, m=10, observations="60"), 0, 1)
        trainer = wf.add(trainer_node(COMPLETION_RUN), 1, 1)
        wf.connect(gen, 1, trainer, 1)
        wf.connect(gen, 4, trainer, 2)
        check(wf, gen, 4, load("cgen/observations"), 1, exact=("value",))
        check(wf, trainer, 1, load("ctrain/trace"), 3)
        check(wf, trainer, 2, load("ctrain/product"), 5)
        flows.append(wf)

    if "baseline/summary" in ref:
        wf = Workflow("NuclearNormBaseline_completion")
        wf.add(testflow_configuration({}), 0, 0)
        gen = wf.add(generator_node(COMPLETION_SPECTRUM, "random", 1, n=10, m=10, observations="60"), 0, 1)
        baseline = wf.add(baseline_node(1e-6, 10000), 1, 1)
        wf.connect(gen, 1, baseline, 1)
        wf.connect(gen, 4, baseline, 2)
        check(wf, baseline, 1, load("baseline/solution"), 1)
        check(wf, baseline, 2, load("baseline/summary"), 3, exact=("outcome",))
        flows.append(wf)

    if "predict/bounds" in ref:
        wf = Workflow("TheoreticalBoundPredictor_plateaus")
        configuration = wf.add(testflow_configuration({}), 0, 0)
        predictor = wf.add(predictor_node(RUN, PREDICT), 2, 1)
        if predictor_warning:
            configuration.model = testflow_configuration({predictor.id: predictor_warning}).model
        spectrum = typed_reference(wf, load("gen/spectrum"), 0, 1)
        wf.connect(spectrum, 1, predictor, 1)
        check(wf, predictor, 1, load("predict/bounds"), 3, exact=("lambda", "limit"))
        check(wf, predictor, 2, load("predict/plateaus"), 5)
        check(wf, predictor, 3, load("predict/provenance"), 7)
        flows.append(wf)

        wf = Workflow("EndToEnd_plateaus")
        configuration = wf.add(testflow_configuration({}), 0, 0)
        trainer, predictor, tracker = plateaus_pipeline(wf, 3, 2)
        warnings = {trainer.id: STEP_WARNING}
        if predictor_warning:
            warnings[predictor.id] = predictor_warning
        configuration.model = testflow_configuration(warnings).model
        check(wf, tracker, 1, load("e2e/observed-plateaus"), 5, exact=("level",))
        check(wf, tracker, 2, load("e2e/hitting"), 7, exact=("lambda", "limit"))
        check(wf, predictor, 1, load("predict/bounds"), 9, exact=("lambda", "limit"))
        flows.append(wf)

        example = Workflow("plateaus")
        plateaus_pipeline(example, 2, 1)
        example.write(Path(checkout) / "examples")

    mnist_example(Path(checkout))
    if "denoise/matrix" in ref:
        denoise_example(Path(checkout), ref["denoise/matrix"])
    completion_sweep_example(Path(checkout))

    if "sweep/runs" in ref:
        flows.append(depth_sweep(load("sweep/runs")))

    for wf in flows:
        wf.write(root)


# The mnist-denoising preset's depth-3 run (ExperimentPresets.mnistDenoising) in KNIME: the generator divides the
# pixels 0...255 KNIME's CSV Reader reads by 255 (divide-by, the preset's own code path), adds uniform noise on
# [-0.5, 0.5] (seed 1) and observes every noisy entry; a second generator without noise gives the clean images, the
# trainer's truth for its error columns (completion loss on all entries = the full loss on the noisy matrix).
MNIST_FILE = "core/src/main/resources/org/dmflab/core/experiment/preset/mnist-ones-100.csv"
MNIST_DIVISOR = 255.0
MNIST_DEPTH = 3
MNIST_WIDTH = 100


def init_sigma(norm, dims):
    """InitScale.sigma: sigma with E||W(0)||_F = norm, summed in the same order as the engine (same double)."""
    log_product = 0.0
    for d in dims:
        log_product += math.log(d)
    return math.exp((2 * math.log(norm) - log_product) / (2 * (len(dims) - 1)))


# the preset's depth-3 step 0.85·2/(3·‖X̃‖₂^{4/3}) to 3 digits, until the loss is ≤ 1e-3 (ExperimentPresets)
MNIST_RUN = dict(depth=MNIST_DEPTH, step=0.00257, init="gaussian", alpha=0.02, beta=0.01,
                 sigma=init_sigma(1.0, [784] + [MNIST_WIDTH] * (MNIST_DEPTH - 1) + [100]), seed=2,
                 iterations=10000, tolerance=0.001, record="log:200", solver="matrix", width=MNIST_WIDTH,
                 loss="completion")


def plateaus_pipeline(wf, predictor_row, tracker_row):
    """Generator -> trainer -> tracker, with the predictor's plateaus at the tracker's third port: the plateaus example
    and its end-to-end testflow (which differ in layout). Returns trainer, predictor and tracker."""
    gen = wf.add(generator_node(SPECTRUM, "identity", 1), 0, 1)
    trainer = wf.add(trainer_node(RUN), 1, 1)
    predictor = wf.add(predictor_node(RUN, PREDICT), 1, predictor_row)
    tracker = wf.add(tracker_node(TRACK), 2, tracker_row)
    wf.connect(gen, 1, trainer, 1)
    wf.connect(gen, 2, predictor, 1)
    wf.connect(trainer, 1, tracker, 1)
    wf.connect(gen, 1, tracker, 2)
    wf.connect(predictor, 2, tracker, 3)
    return trainer, predictor, tracker


def file_example(name, data_file):
    """An example that starts with KNIME's CSV Reader on data_file, shipped inside the workflow folder."""
    example = Workflow(name)
    example.data.append(data_file)
    return example, example.add(csv_reader(data_file.name), 0, 1)


def write_unconfigured(example, checkout):
    """Writes a file_example as KNIME saves it before the CSV Reader has read its file: no node configured (the
    nodes after the reader need its table's spec); KNIME configures them on load once the reader has a spec."""
    for node in example.nodes:
        node.state = "IDLE"
    example.write(checkout / "examples")


def mnist_example(checkout):
    example, reader = file_example("mnist-denoising", checkout / MNIST_FILE)
    noisy = example.add(generator_node("", "random", 1, noise="uniform:0.5", observations="1.0", use_input=True,
                                       divide_by=MNIST_DIVISOR), 1, 1)
    clean = example.add(generator_node("", "random", 1, use_input=True, divide_by=MNIST_DIVISOR), 1, 2)
    trainer = example.add(trainer_node(MNIST_RUN), 2, 1)
    tracker = example.add(tracker_node(TRACK), 3, 1)
    example.connect(reader, 1, noisy, 1)
    example.connect(reader, 1, clean, 1)
    example.connect(clean, 1, trainer, 1)
    example.connect(noisy, 4, trainer, 2)
    example.connect(trainer, 1, tracker, 1)
    example.connect(noisy, 1, tracker, 2)
    write_unconfigured(example, checkout)


# Denoise your own matrix: KNIME's CSV Reader reads a matrix (here the denoising preset's clean rank-3 matrix, 40 x 40,
# eigenvalues 4, 2, 1); a generator adds symmetric Gaussian noise for the demonstration only; the trainer stops at
# rank 3 (stop-at=rank:3, certified: identity start, symmetric target) and returns the denoised product; the tracker
# shows the run's plateaus and where stop-at=rank:r would stop for each r.
DENOISE_RUN = dict(depth=3, step=0.02, init="identity", alpha=0.01, beta=0.005, iterations=40000, record="log:400",
                   stop_at="rank:3")


def denoise_example(checkout, matrix):
    example, reader = file_example("denoise-your-matrix", matrix)
    noisy = example.add(generator_node("", "random", 1, noise="gaussian:0.05", use_input=True, symmetrize=True), 1, 1)
    trainer = example.add(trainer_node(DENOISE_RUN), 2, 1)
    tracker = example.add(tracker_node(TRACK), 3, 2)
    example.connect(reader, 1, noisy, 1)
    example.connect(noisy, 1, trainer, 1)
    example.connect(trainer, 1, tracker, 1)
    example.connect(noisy, 1, tracker, 2)
    write_unconfigured(example, checkout)


# ---------------------------------------------------------------------------------------------------------------
# The depth sweep: KNIME's own loop nodes run the trainer once per depth and collect one row per run.
# Settings as KNIME 5.5's org.knime.base saves them (LoopStartIntervalDynamicNodeModel/-Settings,
# LoopEndDynamicNodeSettings/AbstractLoopEndNodeSettings, VariableToTable4NodeSettings with the legacy
# "variable_filter" a 5.5-saved Variable to Table Row carries and the node migrates).

SWEEP_RUN = dict(step=0.004, init="identity", alpha=0.1, beta=0.01, iterations=5000, record="log:50")
SWEEP_DEPTHS = (2, 4)
SWEEP_PREFIX = "depth_"
SWEEP_COLUMNS = [SWEEP_PREFIX + "value", "dmflab_final_loss", "dmflab_final_effective_rank", "dmflab_iterations",
                 "dmflab_solver"]
FIXED_TYPES["runs"] = {SWEEP_PREFIX + "value": INT, "dmflab_final_loss": DOUBLE,
                       "dmflab_final_effective_rank": DOUBLE, "dmflab_iterations": LONG, "dmflab_solver": STRING}


def interval_loop_start(first, last, step, prefix):
    """Interval Loop Start, integer variables PREFIXvalue = first, first + step, ..., last (no pass-through port)."""
    model = config("model", d("from", first), d("to", last), d("step", step), s("prefix", prefix),
                   config("variableType_Internals", s("SettingsModelID", "SMID_string"), b("EnabledStatus", True)),
                   s("variableType", "INTEGER"))
    return Node("Interval Loop Start", "org.knime.base.node.meta.looper.LoopStartIntervalDynamicNodeFactory",
                BASE_BUNDLE, model, 0, 0, config("node_creation_config", config("Pass through")))


def variable_to_table_row(names):
    """Variable to Table Row: one row (RowID Row0) of the named flow variables."""
    model = config("model",
                   config("row_id_Internals", s("SettingsModelID", "SMID_string"), b("EnabledStatus", True)),
                   s("row_id", "Row0"),
                   config("variable_filter", s("filter-type", "STANDARD"), array("included_names", "xstring", names),
                          array("excluded_names", "xstring", []), s("enforce_option", "EnforceInclusion"),
                          config("name_pattern", s("pattern", ""), s("type", "Wildcard"), b("caseSensitive", True),
                                 b("excludeMatching", False))))
    return Node("Variable to Table Row",
                "org.knime.base.node.flowvariable.variabletotablerow4.VariableToTable4NodeFactory", BASE_BUNDLE, model,
                1, 1)


def loop_end():
    """Loop End collecting its one table port's rows of every iteration (RowIDs Row0#0, Row0#1, ...)."""
    def flags(key, value):
        return array(key, "xboolean", [value])
    model = config("model", b("addIterationColumn", False), s("rowKeyPolicy", "APPEND_SUFFIX"),
                   b("propagateLoopVariables", False), flags("ignoreEmptyTables", True),
                   flags("tolerateColumnTypes", False), flags("tolerateChangingSpecs", False))
    return Node("Loop End", "org.knime.base.node.meta.looper.LoopEndDynamicNodeFactory", BASE_BUNDLE, model, 1, 1,
                config("node_creation_config", config("Collector")))


def depth_sweep(runs):
    """Generator -> [Interval Loop Start (depth 2..4) -> trainer (depth from the loop) -> Variable to Table Row] ->
    Loop End: one row per depth, checked against the command line's runs (wfrefs.sh)."""
    wf = Workflow("DeepFactorizationTrainer_depth_sweep")
    wf.add(testflow_configuration({}), 0, 0)
    gen = wf.add(generator_node(SPECTRUM, "identity", 1), 0, 1)
    start = wf.add(interval_loop_start(SWEEP_DEPTHS[0], SWEEP_DEPTHS[1], 1, SWEEP_PREFIX), 0, 2)
    trainer = wf.add(trainer_node(dict(SWEEP_RUN, depth=3)), 1, 1.5)
    trainer.variables = {"depth": SWEEP_PREFIX + "value"}
    row = wf.add(variable_to_table_row(SWEEP_COLUMNS), 2, 1.5)
    end = wf.add(loop_end(), 3, 1.5)
    wf.connect(gen, 1, trainer, 1)
    wf.connect(start, 0, trainer, 0)
    wf.connect(trainer, 0, row, 1)
    wf.connect(row, 1, end, 1)
    check(wf, end, 1, runs, 3)
    return wf


# The completion sweep example: observations x depth with KNIME's own loop nodes, nested. The outer Interval Loop Start
# pushes observations_value (80, 120, 160) to the Ground Truth Generator (observations bound to it: a rank-2 16x16
# target, seed 1, observed at that many entries; 16 is the smallest size the trainer multiplies with OpenBLAS); the inner one pushes depth_value (2, 3, 4) to the Deep
# Factorization Trainer (completion loss, Gaussian start); Variable to Table Row collects the trainer's final numbers,
# and the two Loop Ends give one row per (observations, depth): the table of dmflab sweep's error chart, which a Pivot
# (one column per depth) and a Line Plot (JavaScript) draw: final relative error against observations, a line per depth.
SWEEP_EXAMPLE_RUN = dict(step=0.01, init="gaussian", alpha=0.02, beta=0.01, sigma=0.1, seed=1, iterations=4000,
                         record="every:20", solver="matrix", loss="completion")
SWEEP_EXAMPLE_COLUMNS = ["observations_value", "depth_value", "dmflab_final_relative_error", "dmflab_final_loss",
                         "dmflab_iterations"]


JS_VIEWS_BUNDLE = dict(name="KNIME JavaScript Base Views", symbolic="org.knime.js.views",
                       vendor="KNIME AG, Zurich, Switzerland", version="5.5.0")


def column_list(key, included, excluded):
    """A SettingsModelFilterString (knime-core): InclList, ExclList, keep_all_columns_selected."""
    return config(key, array("InclList", "xstring", included), array("ExclList", "xstring", excluded),
                  b("keep_all_columns_selected", False))


def pivot(group, pivot_column, value, others):
    """Pivot (knime-base Pivot2NodeModel on GroupByNodeModel): one row per value of `group`, one column per value of
    `pivot_column` named by that value alone ("Pivot name"), holding the First `value` (a double) of the cell."""
    aggregation = config("aggregationColumn", array("columnNames", "xstring", [value]),
                         config("columnTypes", i("array-size", 1),
                                config("0", s("cell_class", "org.knime.core.data.def.DoubleCell"),
                                       b("is_null", False))),
                         array("aggregationMethod", "xstring", ["First"]),
                         array("inclMissingVals", "xboolean", [False]))
    model = config("model", column_list("grouByColumns", [group], [pivot_column, value] + others),
                   i("maxNoneNumericalVals", 10000), b("enableHilite", False), b("sortInMemory", False),
                   aggregation, config("aggregationOperatorSettings"),
                   s("columnNamePolicy", "Keep original name(s)"), b("retainOrder", False), b("inMemory", False),
                   s("valueDelimiter", ", "), i("nodeVersion", 1),
                   column_list("pivotColumns", [pivot_column], [group, value] + others),
                   b("missing_values", True), b("total_aggregation", False), b("ignore_domain", True),
                   s("column_name_option", "Pivot name"), b("sort_lexicographical", False))
    return Node("Pivot", "org.knime.base.node.preproc.pivot.Pivot2NodeFactory", BASE_BUNDLE, model, 1, 3)


def line_plot(x, ys, title, x_label, y_label):
    """Line Plot (JavaScript), knime-js-base's LinePlotViewConfig: one line per column of `ys` against `x`."""
    flags = dict(hideInWizard=False, generateImage=False, showLegend=True, autoRange=True, useDomainInformation=False,
                 showGrid=True, showCrosshair=False, snapToPoints=False, resizeToWindow=True,
                 enableViewConfiguration=False, enableTitleChange=False, enableSubtitleChange=False,
                 enableXColumnChange=False, enableYColumnChange=False, enableXAxisLabelEdit=False,
                 enableYAxisLabelEdit=False, enableDotSizeChange=False, enableZooming=True, enableDragZooming=False,
                 enablePanning=True, showZoomResetButton=False, enableSelection=True, enableRectangleSelection=False,
                 enableLassoSelection=False)
    y_columns = config("yCols", s("filter-type", "STANDARD"), array("included_names", "xstring", ys),
                       array("excluded_names", "xstring", []), s("enforce_option", "EnforceInclusion"),
                       config("name_pattern", s("pattern", ""), s("type", "Wildcard"), b("caseSensitive", True),
                              b("excludeMatching", False)))
    model = config("model", *[b(key, value) for key, value in flags.items()],
                   s("chartTitle", title), s("chartSubtitle", None), s("xCol", x), y_columns, i("maxRows", 2500),
                   s("selectionColumnName", "Selected (Line Plot)"), s("xAxisLabel", x_label),
                   s("yAxisLabel", y_label), s("xAxisMin", None), s("xAxisMax", None), s("yAxisMin", None),
                   s("yAxisMax", None), s("dot_size", "3"), i("imageWidth", 800), i("imageHeight", 600),
                   s("backgroundColor", "rgba(255,255,255,1.0)"), s("dataAreaColor", "rgba(255,255,255,1.0)"),
                   s("gridColor", "rgba(230,230,230,1.0)"), b("displayFullscreenButton", True),
                   s("missingValueMethod", "noGap"), b("showWarningInView", True), b("reportOnMissingValues", True),
                   s("date_format", "yyyy-MM-dd HH:mm:ss"), b("enforceOrigin", False),
                   b("enableLineSizeChange", False), i("line_size", 2))
    return Node("Line Plot (JavaScript)", "org.knime.js.base.node.viz.plotter.line.LinePlotNodeFactory",
                JS_VIEWS_BUNDLE, model, 2, 2)


def completion_sweep_example(checkout):
    example = Workflow("completion-sweep")
    outer = example.add(interval_loop_start(80, 160, 40, "observations_"), 0, 1)
    outer.name = "Interval Loop Start"
    gen = example.add(generator_node("gaussian-factors:2", "random", 1, n=16, observations="80"), 1, 1)
    gen.variables = {"observations": "observations_value"}
    inner = example.add(interval_loop_start(2, 4, 1, "depth_"), 1, 2)
    trainer = example.add(trainer_node(dict(SWEEP_EXAMPLE_RUN, depth=3)), 2, 1.5)
    trainer.variables = {"depth": "depth_value"}
    row = example.add(variable_to_table_row(SWEEP_EXAMPLE_COLUMNS), 3, 1.5)
    inner_end = example.add(loop_end(), 4, 1.5)
    outer_end = example.add(loop_end(), 5, 1.5)
    example.connect(outer, 0, gen, 0)
    example.connect(outer, 0, inner, 0)
    example.connect(gen, 1, trainer, 1)
    example.connect(gen, 4, trainer, 2)
    example.connect(inner, 0, trainer, 0)
    example.connect(trainer, 0, row, 1)
    example.connect(row, 1, inner_end, 1)
    example.connect(inner_end, 1, outer_end, 1)
    # the result drawn: the final relative error against the observed entries, one line per depth (a column each)
    table = example.add(pivot("observations_value", "depth_value", "dmflab_final_relative_error",
                              ["dmflab_final_loss", "dmflab_iterations"]), 6, 1.5)
    plot = example.add(line_plot("observations_value", ["2", "3", "4"],
                                 "Final relative error against observed entries, one line per depth N",
                                 "observed entries M", "final relative error ||W - Phi||_F / ||Phi||_F"), 7, 1.5)
    example.connect(outer_end, 1, table, 1)
    example.connect(table, 1, plot, 1)
    example.write(checkout / "examples")


if __name__ == "__main__":
    if sys.argv[1] == "--completion-sweep-example":
        completion_sweep_example(Path(sys.argv[2]))
    else:
        build(sys.argv[1], sys.argv[2])
