package org.dmflab.cli;

import java.nio.file.Path;
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
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--spectrum", paramLabel = "LIST",
            description = "Eigenvalues (square) or singular values (rectangular): a comma list such as 8,4,2,1,-1, "
                    + "or geometric:first,ratio,count, linear:first,last,count, lowrank:r,value,n; or "
                    + "gaussian-factors:r[,norm], a random rank-r m×n matrix U Vᵀ with Gaussian factors scaled to "
                    + "Frobenius norm norm (default √(m·n); needs --n and --seed).")
    String spectrum;

    @Option(names = "--n", paramLabel = "N", description = "Columns (and rows of a square target); default: the "
            + "spectrum's length. Missing values are padded with zeros.")
    Integer n;

    @Option(names = "--m", paramLabel = "M", description = "Rows, for a rectangular m×n target; default: n.")
    Integer m;

    @Option(names = "--eigenvectors", paramLabel = "BASIS", description = "random (Haar, seeded; default) or identity.")
    String eigenvectors;

    @Option(names = "--seed", paramLabel = "SEED", description = "Seed of every random draw; required when anything "
            + "is random.")
    Long seed;

    @Option(names = "--noise", paramLabel = "NOISE", description = "none (default), gaussian:σ or uniform:a.")
    String noise;

    @Option(names = "--symmetrize-noise", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
            description = "Symmetrize the noise, (E + Eᵀ)/2, so a symmetric target stays symmetric.")
    String symmetrizeNoise;

    @Option(names = "--measurements", paramLabel = "COUNT", defaultValue = "" + GroundTruthSettings.DEFAULT_MEASUREMENTS,
            description = "Number of Gaussian matrix-sensing measurements yᵢ = ⟨Aᵢ, Φ⟩ (entries of Aᵢ ~ N(0, 1/COUNT)); "
                    + "default ${DEFAULT-VALUE}.")
    int measurements;

    @Option(names = "--observations", paramLabel = "COUNT", description = "Matrix completion: observe COUNT entries "
            + "(a whole number) or a fraction of them (e.g. 0.2), uniformly without replacement (seeded); writes "
            + "observations.csv (row, column 1-based, value). Default 0 (none).")
    String observations;

    @Option(names = "--input", paramLabel = "CSV", description = "Use this matrix table (numeric columns only) "
            + "instead of a spectrum.")
    Path input;

    @Option(names = "--divide-by", paramLabel = "C", description = "Divide the --input matrix by this positive "
            + "finite number before the noise is added, e.g. 255 to bring 8-bit pixels to [0, 1] (each entry the "
            + "correctly rounded x / C); default 1. Ignored without --input.")
    String divideBy;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, written "
            + "completely or not at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public Integer call() throws Exception {
        // --input is a file here (the KNIME node's "input" is a switch), so it is read below, not parsed as a setting
        if (input != null && spectrum != null) {
            throw new InvalidInputException("spectrum", "--spectrum and --input both choose the target; give only one "
                    + "(--input reads a matrix, --spectrum generates one)");
        }
        RawSettings raw = SettingsOptions.of(spec, GroundTruthSettings.KEYS.stream()
                .filter(key -> !key.equals(GroundTruthSettings.INPUT)).toList());
        try (OutputDirectory output = outputOptions.open(out, input);
             StderrProgress progress = StderrProgress.of(spec, "generate")) {
            Optional<DMatrixRMaj> inputMatrix = input == null
                    ? Optional.empty()
                    : Optional.of(CsvMatrixReader.read(input, progress));
            GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(raw, inputMatrix), progress);
            CsvTableWriter.write(truth.matrixTable(), output.file("matrix.csv"), progress);
            CsvTableWriter.write(truth.spectrumTable(), output.file("spectrum.csv"), progress);
            if (truth.sensing().isPresent()) {
                CsvTableWriter.write(truth.sensing().get().toTable(), output.file("measurements.csv"), progress);
            }
            if (truth.observations().isPresent()) {
                CsvTableWriter.write(truth.observations().get().toTable(), output.file("observations.csv"), progress);
            }
            DMatrixRMaj matrix = truth.matrix();
            SummaryJson.of("generate").put("rows", matrix.numRows).put("columns", matrix.numCols)
                    .put("spectrum_kind", truth.spectrum().kind().label()).put("spectrum", truth.spectrum().values())
                    .put("measurements", truth.sensing().map(m -> (Object) m.count()).orElse(null))
                    .put("observations", truth.observations().map(o -> (Object) o.count()).orElse(null))
                    .writeTo(output.file(SummaryJson.NAME));
            output.commit();
            spec.commandLine().getOut().printf("wrote %s (%d×%d) and %s (%d %ss)%s%n", output.finalFile("matrix.csv"),
                    matrix.numRows, matrix.numCols, output.finalFile("spectrum.csv"), truth.spectrum().size(),
                    truth.spectrum().kind().label(), (truth.sensing().isPresent()
                            ? " and " + output.finalFile("measurements.csv") : "") + truth.observations()
                            .map(o -> " and " + output.finalFile("observations.csv") + " (" + o.count()
                                    + " observed entries)").orElse(""));
        }
        return ExitCode.OK;
    }
}
