package org.dmflab.checks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.Setting;
import org.dmflab.core.track.TrackSettings;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.train.TrainSettings;
import org.junit.jupiter.api.Test;

/**
 * The settings tables of docs/design.md §3 are rendered from the engine's declarations ({@link Setting}), the same ones
 * the KNIME dialogs and the command-line options are built from: this test renders them and fails when the document
 * differs. {@code -Ddmflab.writeDocs=true} writes the rendered tables into the document instead.
 */
class SettingsTablesTest {
    private static final String BEGIN = "<!-- settings tables: rendered from the engine's declarations by SettingsTablesTest -->";
    private static final String END = "<!-- end of the settings tables -->";

    private static final Map<String, List<Setting>> NODES = new java.util.LinkedHashMap<>();

    static {
        NODES.put("Ground Truth Generator / `generate`", GroundTruthSettings.SETTINGS);
        NODES.put("Deep Factorization Trainer / `train`", TrainSettings.SETTINGS);
        NODES.put("Spectrum Tracker / `track`", TrackSettings.SETTINGS);
        NODES.put("Theoretical Bound Predictor / `predict`", PredictSettings.SETTINGS);
        NODES.put("Nuclear Norm Baseline / `baseline`", NuclearNormSettings.SETTINGS);
    }

    @Test
    void designSectionThreeShowsTheDeclarations() throws IOException {
        Path design = ProjectFiles.doc("design.md");
        String text = ProjectFiles.read(design);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        assertThat(begin).as("docs/design.md §3 has the marker " + BEGIN).isNotNegative();
        assertThat(end).as("docs/design.md §3 has the marker " + END).isGreaterThan(begin);
        String rendered = render();
        String current = text.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("dmflab.writeDocs")) {
            Files.writeString(design, text.substring(0, begin + BEGIN.length()) + rendered + text.substring(end),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current).as("docs/design.md §3 settings tables (rerun with -Ddmflab.writeDocs=true after a "
                + "change of the declarations)").isEqualTo(rendered);
    }

    static String render() {
        StringBuilder text = new StringBuilder("\n");
        NODES.forEach((node, settings) -> {
            text.append("\n**").append(node).append("**\n\n")
                    .append("| key | value | range | default | read | label |\n|---|---|---|---|---|---|\n");
            for (Setting setting : settings) {
                text.append("| `").append(setting.key()).append("` | ").append(value(setting)).append(" | ")
                        .append(cell(setting.range())).append(" | ").append(cell(setting.defaultText())).append(" | ")
                        .append(setting.readWhen().map(w -> "`" + w.key() + "` = " + w.values().stream().sorted()
                                .map(v -> "`" + v + "`").collect(Collectors.joining(" / "))).orElse("always"))
                        .append(" | ").append(cell(setting.label())).append(" |\n");
            }
        });
        return text.append('\n').toString();
    }

    private static String value(Setting setting) {
        return switch (setting.type()) {
            case WHOLE -> "whole number";
            case NUMBER -> "number";
            case FLAG -> "true / false";
            case INPUT -> "KNIME: switch for the input table; CLI: `--input` CSV";
            case CHOICE -> setting.choices().stream().map(c -> "`" + c.key() + "`").collect(Collectors.joining(" / "));
            case TEXT -> setting.forms().stream().map(f -> (f.prefix().isEmpty() ? "" : "`" + f.prefix() + "`")
                    + String.join(", ", f.parameters()))
                    .collect(Collectors.joining(" / "));
        };
    }

    private static String cell(String text) {
        return text.isEmpty() ? "–" : text.replace("|", "\\|");
    }
}
