package org.dmflab.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.ObservationTables;
import org.ejml.data.DMatrixRMaj;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code dmflab generate}: the Ground Truth Generator (docs/design.md §3, §4). Writes matrix.csv and spectrum.csv. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Generate a target matrix with a chosen spectrum, or read one, optionally with noise and "
                + "matrix-sensing measurements.",
                "Writes matrix.csv, spectrum.csv (computed from the matrix), with --measurements measurements.csv and with "
                        + "--observations observations.csv."})
final class GenerateCommand implements Callable<Integer>, SettingsOptions.Declared {

    @Spec
    CommandSpec spec;

    @Option(names = "--input", paramLabel = "CSV", description = "Use this matrix table (numeric columns only) "
            + "instead of a spectrum.")
    Path input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, written "
            + "completely or not at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public java.util.List<org.dmflab.core.settings.Setting> settings() {
        return GroundTruthSettings.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        // --input is a file here (the KNIME node's "input" is a switch), so it is read below, not parsed as a setting
        RawSettings raw = SettingsOptions.of(spec, GroundTruthSettings.SETTINGS);
        if (input != null && raw.text(GroundTruthSettings.SPECTRUM).isPresent()) {
            throw new InvalidInputException("spectrum", "--spectrum and --input both choose the target; give only one "
                    + "(--input reads a matrix, --spectrum generates one)");
        }
        try (OutputDirectory output = outputOptions.open(out, input);
             StderrProgress progress = StderrProgress.of(spec, "generate")) {
            Optional<DMatrixRMaj> inputMatrix = input == null
                    ? Optional.empty()
                    : Optional.of(CsvMatrixReader.read(input, progress));
            GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(raw, inputMatrix), progress);
            CsvTableWriter.write(truth.matrixTable(), output.file("matrix.csv"), progress);
            CsvTableWriter.write(truth.spectrumTable(), output.file("spectrum.csv"), progress);
            if (truth.sensing().isPresent()) {
                CsvTableWriter.write(MeasurementTables.toTable(truth.sensing().get()), output.file("measurements.csv"), progress);
            }
            if (truth.observations().isPresent()) {
                CsvTableWriter.write(ObservationTables.toTable(truth.observations().get()), output.file("observations.csv"), progress);
            }
            DMatrixRMaj matrix = truth.matrix();
            SummaryJson.of("generate").put("rows", matrix.numRows).put("columns", matrix.numCols)
                    .put("spectrum_kind", truth.spectrum().kind().label()).put("spectrum", truth.spectrum().values())
                    .put("measurements", truth.sensing().map(m -> (Object) m.count()).orElse(null))
                    .put("observations", truth.observations().map(o -> (Object) o.count()).orElse(null))
                    .writeTo(output.file(SummaryJson.NAME));
            output.commit();
            spec.commandLine().getOut().printf(Locale.ROOT, "wrote %s (%d×%d) and %s (%d %ss)%s%n", output.finalFile("matrix.csv"),
                    matrix.numRows, matrix.numCols, output.finalFile("spectrum.csv"), truth.spectrum().size(),
                    truth.spectrum().kind().label(), (truth.sensing().isPresent()
                            ? " and " + output.finalFile("measurements.csv") : "") + truth.observations()
                            .map(o -> " and " + output.finalFile("observations.csv") + " (" + o.count()
                                    + " observed entries)").orElse(""));
        }
        return ExitCode.OK;
    }
}
