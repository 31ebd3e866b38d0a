package org.dmflab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import org.dmflab.cli.io.OutputDirectory;
import org.dmflab.cli.io.SummaryJson;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvMatrixReader;
import org.dmflab.core.csv.CsvTableReader;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.predict.EigenvalueBounds;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.predict.PredictConfig;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.predict.Predictor;
import org.dmflab.core.predict.SpectrumSource;
import org.dmflab.core.theory.StepSizeVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dmflab predict}: the Theoretical Bound Predictor (docs/design.md §3, §4). Writes bounds.csv, plateaus.csv and
 * provenance.csv, prints the step-size verdict and a short summary.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Predict what gradient descent will do on a symmetric target before running it (docs/theory.md): "
                + "step-size verdict, limits, exact and bounded iteration counts per eigenvalue, certified "
                + "effective-rank plateaus.",
                "Writes bounds.csv, plateaus.csv and provenance.csv (what kind of number each column is)."})
final class PredictCommand implements Callable<Integer>, SettingsOptions.Declared {

    @Spec
    CommandSpec spec;

    @Option(names = "--spectrum", paramLabel = "CSV", description = "Spectrum table (index,value,kind), e.g. "
            + "DIR/spectrum.csv from generate. Singular values are accepted as the eigenvalues of a PSD target.")
    Path spectrumFile;

    @Option(names = "--target", paramLabel = "CSV", description = "Target matrix table instead of --spectrum; must be "
            + "symmetric.")
    Path targetFile;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory, written "
            + "completely or not at all.")
    Path out;

    @Mixin
    OutputOptions outputOptions;

    @Override
    public java.util.List<org.dmflab.core.settings.Setting> settings() {
        return PredictSettings.SETTINGS;
    }

    @Override
    public Integer call() throws Exception {
        RawSettings raw = SettingsOptions.of(spec, PredictSettings.SETTINGS);
        PredictConfig config = PredictSettings.parse(raw);
        checkOneSpectrumSource();
        try (OutputDirectory output = outputOptions.open(out, spectrumFile, targetFile);
             StderrProgress progress = StderrProgress.of(spec, "predict")) {
            Spectrum spectrum = readSpectrum(progress);
            Prediction prediction = Predictor.predict(config, spectrum, progress);
            CsvTableWriter.write(prediction.boundsTable(), output.file("bounds.csv"), progress);
            CsvTableWriter.write(prediction.plateausTable(), output.file("plateaus.csv"), progress);
            CsvTableWriter.write(prediction.provenanceTable(), output.file("provenance.csv"), progress);
            summary(prediction).writeTo(output.file(SummaryJson.NAME));
            output.commit();
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println(prediction.verdict().message());
            printSummary(stdout, prediction);
            stdout.printf(Locale.ROOT, "wrote %s, %s and %s%n", output.finalFile("bounds.csv"), output.finalFile("plateaus.csv"),
                    output.finalFile("provenance.csv"));
        }
        return ExitCode.OK;
    }

    private void checkOneSpectrumSource() {
        if ((spectrumFile == null) == (targetFile == null)) {
            throw new InvalidInputException("spectrum", "give exactly one of --spectrum (a spectrum table) and "
                    + "--target (a symmetric matrix table)");
        }
    }

    private Spectrum readSpectrum(Progress progress) {
        if (spectrumFile != null) {
            return SpectrumTables.fromTable(CsvTableReader.read(spectrumFile, Schemas.SPECTRUM, "Row", progress),
                    spectrumFile.toString());
        }
        return SpectrumSource.fromTarget(CsvMatrixReader.read(targetFile, progress), targetFile.toString());
    }

    /** The key numbers (design.md §4): the step-size verdict and how many plateaus are certified. */
    private static SummaryJson summary(Prediction prediction) {
        StepSizeVerdict verdict = prediction.verdict();
        return SummaryJson.of("predict").put("step", verdict.eta()).put("standing", verdict.standing().key())
                .put("condition", verdict.condition()).put("uniform_limit", verdict.uniformLimit())
                .put("plateau_limit", verdict.plateauLimit())
                .put("failing_eigenvalues", verdict.failingEigenvalues())
                .put("diverging_eigenvalues", verdict.divergingEigenvalues())
                .put("eigenvalues", prediction.bounds().size())
                .put("plateaus", prediction.plateaus().size())
                .put("plateaus_certified", prediction.plateaus().stream().filter(PlateauCertificate::certified).count())
                .put("notes", prediction.notes());
    }

    private static void printSummary(PrintWriter out, Prediction prediction) {
        for (EigenvalueBounds row : prediction.bounds()) {
            boolean conjecture = prediction.config().init() == Initialization.PERTURBED && row.upper().isPresent();
            out.printf(Locale.ROOT, "  λ_%d = %-10.6g limit %-10.6g k_exact %-9s %s [%s, %s]  flow %s%s%n", row.index(),
                    row.lambda(), row.limit(), text(row.exact()), conjecture ? "conjectured" : "bracket",
                    text(row.lower()), text(row.upper()),
                    row.flow().isPresent() ? String.format(Locale.ROOT, "%.1f", row.flow().getAsDouble()) : "–",
                    row.signChange().isPresent() ? "  sign change " + row.signChange().getAsLong() : "");
        }
        List<PlateauCertificate> plateaus = prediction.plateaus();
        long certified = plateaus.stream().filter(PlateauCertificate::certified).count();
        out.printf(Locale.ROOT, "  %d of %d plateaus certified%n", certified, plateaus.size());
        for (PlateauCertificate certificate : plateaus) {
            Plateau plateau = certificate.plateau();
            out.printf(Locale.ROOT, "  r = %d, level %.4f: %s%n", plateau.r(), plateau.level(), plateau.certified()
                    ? String.format(Locale.ROOT, "k in [%d, %s], deviation ≤ %.4f", plateau.start().getAsLong(),
                    plateau.end().isPresent() ? Long.toString(plateau.end().getAsLong()) : "∞", plateau.bound().getAsDouble())
                    + prediction.saddle().filter(escape -> !escape.endsBeforeEscape(plateau))
                    .map(escape -> " in exact arithmetic (spectral solver); matrix solver until "
                            + escape.escapeText(prediction.config().horizon())).orElse("")
                    : certificate.reason());
        }
        for (String note : prediction.notes()) {
            out.println("  note: " + note);
        }
    }

    private static String text(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : "–";
    }
}
