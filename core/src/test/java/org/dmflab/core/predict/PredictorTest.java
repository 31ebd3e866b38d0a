package org.dmflab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.RunCanceledException;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.table.SpectrumTables;
import org.dmflab.core.theory.PlateauCertificate;
import org.dmflab.core.theory.StepSizeVerdict;

/** The assembled prediction: tables, provenance, verdict, notes and refusals. */
class PredictorTest {

    private static PredictConfig config(String... keyValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return PredictSettings.parse(RawSettings.of(values));
    }

    private static Spectrum eigenvalues(double... values) {
        return new Spectrum(values, SpectrumKind.EIGENVALUE);
    }

    @Test
    void figureThreeSettingsGiveTheDesignTables() {
        Prediction prediction = Predictor.predict(config("depth", "3", "step", "0.01", "alpha", "0.02"),
                eigenvalues(8, 4, 2, 1, 0.5, 0.25), Progress.NONE);
        // the design's columns, but not those an identical start with N = 3 leaves empty by construction: the
        // sign change (perturbed starts), the flow interval (N = 2)
        Table bounds = prediction.boundsTable();
        assertThat(bounds.columnNames()).containsExactlyElementsOf(Schemas.BOUNDS.stream().map(c -> c.name())
                .filter(name -> !name.equals("k_sign_change")).toList());
        assertThat(prediction.plateausTable().columnNames()).containsExactly("r", "level", "k_start", "k_end", "bound",
                "epsilon", "delta", "reason", "k_escape_float");
        for (EigenvalueBounds row : prediction.bounds()) {
            assertThat(row.lower().getAsLong()).isLessThanOrEqualTo(row.exact().getAsLong());
            assertThat(row.exact().getAsLong()).isLessThanOrEqualTo(row.upper().getAsLong());
            assertThat(row.regime()).contains("(24′) case 5");
            assertThat(row.signChange()).isEmpty();
        }
        // plateau k_start is K_lead = max_{i≤r} T_N(λ_i, …, ελ_i), which for this spectrum is the r-th upper bound
        for (int r = 0; r < 6; r++) {
            assertThat(prediction.plateaus().get(r).plateau().start()).isEqualTo(prediction.bounds().get(r).upper());
        }
        // η = 0.01 breaks the uniform (10′) bound 1/(7·16) but no per-eigenvalue (20′) bound
        assertThat(prediction.verdict().message()).startsWith("Step size η = 0.01000 is above the limit η ≤ 0.008929 "
                        + "that holds for all eigenvalues at once")
                .contains("but within each eigenvalue's own limit").doesNotContain("′", "§", "docs/");
        assertThat(prediction.notes()).isEmpty();
        // the provenance explains every column written, and only those
        Table provenance = prediction.provenanceTable();
        java.util.Set<String> explained = new java.util.LinkedHashSet<>();
        for (int row = 0; row < provenance.rowCount(); row++) {
            explained.add(provenance.cell(row, 0) + "/" + provenance.cell(row, 1));
        }
        java.util.Set<String> written = new java.util.LinkedHashSet<>();
        bounds.columnNames().forEach(name -> written.add("bounds/" + name));
        prediction.plateausTable().columnNames().forEach(name -> written.add("plateaus/" + name));
        assertThat(explained).isEqualTo(written);
    }

    @Test
    void verdictNamesTheViolatedConditions() {
        Prediction prediction = Predictor.predict(config("depth", "3", "step", "0.05", "alpha", "0.02"),
                eigenvalues(8, 4, 2), Progress.NONE);
        StepSizeVerdict verdict = prediction.verdict();
        assertThat(verdict.withinUniformCondition()).isFalse();
        assertThat(verdict.failingEigenvalues()).containsExactly(1);
        assertThat(verdict.divergingEigenvalues()).containsExactly(1);
        assertThat(verdict.message()).contains("too large for eigenvalue 1")
                .contains("beyond the step size where gradient descent can converge at all")
                .contains("Guaranteed plateaus need η ≤").doesNotContain("′", "§", "docs/");
        EigenvalueBounds first = prediction.bounds().get(0);
        assertThat(first.upper()).isEmpty();
        assertThat(first.regime()).contains("η above (20′)");
        assertThat(first.exact()).isEmpty(); // 2-cycle around 8^{1/3}: never within ε
        assertThat(prediction.notes()).anyMatch(note -> note.startsWith("k_exact of eigenvalue 1"));
    }

    @Test
    void perturbedStartPredictsSignChangesAndMarksTheConjecture() {
        Prediction prediction = Predictor.predict(
                config("depth", "3", "step", "0.0297", "alpha", "0.1", "init", "perturbed", "beta", "0.05",
                        "epsilon", "0.001"),
                eigenvalues(3, 1.5, 0.8, 0.6, -0.3, -0.5), Progress.NONE);
        EigenvalueBounds negative = prediction.bounds().get(5);
        assertThat(negative.limit()).isEqualTo(-0.5);
        assertThat(negative.signChange().getAsLong()).isLessThanOrEqualTo(negative.signChangeBound().getAsLong());
        assertThat(negative.signChangeFlow().getAsDouble() / negative.signChange().getAsLong()).isBetween(0.9, 1.1);
        assertThat(negative.flow().getAsDouble() / negative.exact().getAsLong()).isBetween(0.8, 1.25);
        EigenvalueBounds positive = prediction.bounds().get(0);
        assertThat(positive.regime()).contains("[CONJ]");
        assertThat(positive.exact().getAsLong()).isLessThanOrEqualTo(positive.upper().getAsLong());
        assertThat(positive.lower()).isEmpty();
        assertThat(prediction.plateaus()).noneMatch(PlateauCertificate::certified);
        Table provenance = prediction.provenanceTable();
        boolean conjecture = false;
        for (int row = 0; row < provenance.rowCount(); row++) {
            if ("k_upper".equals(provenance.cell(row, 1))) {
                conjecture = "conjecture".equals(provenance.cell(row, 3));
            }
        }
        assertThat(conjecture).isTrue();
    }

    @Test
    void identityStartNeverRecoversNegativeEigenvalues() {
        Prediction prediction = Predictor.predict(config("depth", "2", "step", "0.05", "alpha", "0.2"),
                eigenvalues(2, -1), Progress.NONE);
        EigenvalueBounds negative = prediction.bounds().get(1);
        assertThat(negative.limit()).isZero();
        assertThat(negative.regime()).contains("case 1");
        assertThat(negative.exact().getAsLong()).isLessThanOrEqualTo(negative.upper().getAsLong());
        // Theorem 3.5″: one level, that of Φ₊ = diag(2, 0); α² = 0.04 exceeds c = δ(1−ε)λ₁, the hypothesis it names
        assertThat(prediction.plateaus()).hasSize(1);
        assertThat(prediction.plateaus().get(0).plateau().level()).isEqualTo(1);
        assertThat(prediction.plateaus().get(0).reason()).contains("Theorem 3.5″").contains("α^N ≤ c");
    }

    @Test
    void depthOneIsExact() {
        Prediction prediction = Predictor.predict(config("depth", "1", "step", "0.3", "alpha", "0.5"),
                eigenvalues(2, -1), Progress.NONE);
        for (EigenvalueBounds row : prediction.bounds()) {
            assertThat(row.limit()).isEqualTo(row.lambda());
            assertThat(row.exact()).isEqualTo(row.upper()).isEqualTo(row.lower());
        }
    }

    @Test
    void astronomicalCountsAreEmptyNotSaturated() {
        // α = 1e-6, N = 4: t* ≈ 1/(2λα²) = 2.5e11/λ flow time, ~1e13 iterations — still a long; α = 1e-30 is not
        Prediction prediction = Predictor.predict(config("depth", "4", "step", "0.001", "alpha", "1e-30",
                "horizon", "1000"), eigenvalues(1), Progress.NONE);
        EigenvalueBounds row = prediction.bounds().get(0);
        assertThat(row.upper()).isEmpty();
        assertThat(row.lower()).isEmpty();
        assertThat(row.exact()).isEmpty();
        assertThatThrownBy(() -> Predictor.predict(config("depth", "2", "step", "0.1", "alpha", "0.1"),
                eigenvalues(0, 0), Progress.NONE)).hasMessageStartingWith("spectrum: all values are 0");
    }

    @Test
    void singularValuesAreAcceptedAsAPsdTargetWithANote() {
        Prediction prediction = Predictor.predict(config("depth", "3", "step", "0.01", "alpha", "0.02"),
                new Spectrum(new double[] {3, 1}, SpectrumKind.SINGULAR_VALUE), Progress.NONE);
        assertThat(prediction.notes()).anyMatch(note -> note.contains("treated as the eigenvalues of a symmetric "
                + "positive semidefinite target"));
    }

    @Test
    void nonSymmetricTargetsAreRefused() {
        DMatrixRMaj target = new DMatrixRMaj(new double[][] {{1, 2}, {0, 1}});
        assertThatThrownBy(() -> SpectrumSource.fromTarget(target, "matrix.csv"))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("matrix.csv: the 2×2 target is not "
                        + "symmetric");
        DMatrixRMaj symmetric = new DMatrixRMaj(new double[][] {{2, 1}, {1, 2}});
        assertThat(SpectrumSource.fromTarget(symmetric, "m").values()).containsExactly(3, 1);
    }

    @Test
    void spectrumTablesAreChecked() {
        Table good = SpectrumTables.toTable(new Spectrum(new double[] {2, -1}, SpectrumKind.EIGENVALUE));
        assertThat(SpectrumTables.fromTable(good, "s.csv").values()).containsExactly(2, -1);
        Table ascending = Table.builder(Schemas.SPECTRUM).addRow(1, 1.0, "eigenvalue").addRow(2, 2.0, "eigenvalue")
                .build();
        assertThatThrownBy(() -> SpectrumTables.fromTable(ascending, "s.csv"))
                .hasMessageStartingWith("s.csv, row Row1, column 'value': 2.0 is larger");
        Table mixed = Table.builder(Schemas.SPECTRUM).addRow(1, 2.0, "eigenvalue").addRow(2, 1.0, "singular value")
                .build();
        assertThatThrownBy(() -> SpectrumTables.fromTable(mixed, "s.csv")).hasMessageContaining("one kind");
        // the index column must count 1, 2, …: a table indexed 7, 7 is refused (it used to pass the predictor)
        Table repeatedIndex = Table.builder(Schemas.SPECTRUM).addRow(7, 2.0, "eigenvalue").addRow(7, 1.0, "eigenvalue")
                .build();
        assertThatThrownBy(() -> SpectrumTables.fromTable(repeatedIndex, "s.csv"))
                .hasMessageStartingWith("s.csv, row Row0, column 'index': is 7 but should be 1");
    }

    @Test
    void sameInputGivesTheSameTablesAndCancelStops() {
        PredictConfig config = config("depth", "4", "step", "0.02", "alpha", "0.1", "init", "perturbed", "beta",
                "0.05");
        Spectrum spectrum = eigenvalues(2, 0.5, 0, -1);
        Prediction first = Predictor.predict(config, spectrum, Progress.NONE);
        Prediction second = Predictor.predict(config, spectrum, Progress.NONE);
        assertThat(first.bounds()).isEqualTo(second.bounds());
        assertThat(first.plateaus()).isEqualTo(second.plateaus());
        Progress cancelled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public void checkCanceled() {
                throw new RunCanceledException();
            }
        };
        assertThatThrownBy(() -> Predictor.predict(config, spectrum, cancelled))
                .isInstanceOf(RunCanceledException.class);
        // perturbed start: levels of |λ| = 2, 1, 0.5 — the exact zero, a numerical zero, has neither a level nor a row
        assertThat(List.of(first.boundsTable().rowCount(), first.plateausTable().rowCount())).containsExactly(3, 3);
    }

    /**
     * A zero-padded 30×30 target as an eigensolver returns it: three eigenvalues, −0.8, and 26 round-off values of
     * ±1e-16 … 4e-17. The numerical-zero rule |λ| ≤ 10·u·n·‖Φ‖₂ (≈ 1e-13 here, model.PlateauLevels) gives the 26 no
     * row and no horizon note, while −0.8 gets its row with limit 0.
     */
    @Test
    void numericalZerosGetNoRowAndTheOneRuleDecides() {
        double[] values = new double[30];
        values[0] = 3;
        values[1] = 2;
        values[2] = 1;
        java.util.Random random = new java.util.Random(30);
        double[] noise = new double[26];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (random.nextDouble() - 0.5) * 2e-16;
        }
        noise[0] = -4e-17;
        java.util.Arrays.sort(noise);
        for (int i = 0; i < noise.length; i++) {
            values[3 + i] = noise[noise.length - 1 - i];
        }
        values[29] = -0.8;
        Prediction prediction = Predictor.predict(config("depth", "3", "step", "0.01", "alpha", "0.02"),
                eigenvalues(values), Progress.NONE);
        assertThat(prediction.bounds()).extracting(EigenvalueBounds::index).containsExactly(1, 2, 3, 30);
        EigenvalueBounds negative = prediction.bounds().get(3);
        assertThat(negative.lambda()).isEqualTo(-0.8);
        assertThat(negative.limit()).isZero();
        assertThat(prediction.notes()).noneMatch(note -> note.contains("raise horizon"));
        assertThat(prediction.notes()).anyMatch(note -> note.startsWith("26 eigenvalues with |λ| ≤ 9.99e-14")
                && note.contains("(λ_4…λ_29)"));
        // an exact zero is judged by the same rule
        assertThat(Predictor.predict(config("depth", "3", "step", "0.01", "alpha", "0.02"), eigenvalues(3, 0, -0.8),
                Progress.NONE).bounds()).extracting(EigenvalueBounds::index).containsExactly(1, 3);
    }
}
