package org.dmflab.core.predict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * The predictor's tables leave out exactly the columns its settings leave empty (docs/design.md §2): on a seeded sweep
 * of spectra (with negative eigenvalues, strict saddles and zeros) for every start and depth 1 … 4, each column left out
 * is empty in every row of the table with all columns, and the tables written have the declared columns.
 */
class PredictionColumnsTest {

    @Test
    void theColumnsLeftOutAreEmptyForEverySpectrum() {
        Random random = new Random(20);
        int predictions = 0;
        int omitted = 0;
        for (String init : List.of("identity", "perturbed")) {
            for (int depth = 1; depth <= 4; depth++) {
                Map<String, String> values = new HashMap<>(Map.of("depth", Integer.toString(depth), "step", "0.01",
                        "init", init, "alpha", "0.1", "horizon", "200000"));
                PredictConfig config = PredictSettings.parse(RawSettings.of(values));
                for (int draw = 0; draw < 6; draw++) {
                    double[] lambda = new double[4];
                    for (int i = 0; i < lambda.length; i++) {
                        lambda[i] = draw == 0 && i == 3 ? 0 : 4 * random.nextDouble() - 1.5;
                    }
                    java.util.Arrays.sort(lambda);
                    double[] descending = {lambda[3], lambda[2], lambda[1], lambda[0]};
                    Prediction prediction = Predictor.predict(config, new Spectrum(descending,
                            SpectrumKind.EIGENVALUE), Progress.NONE);
                    omitted += assertOmittedEmpty(PredictionTables.allBounds(prediction.bounds()),
                            PredictionTables.boundsColumns(config), prediction.boundsTable());
                    omitted += assertOmittedEmpty(PredictionTables.allPlateaus(prediction.plateaus(),
                            prediction.saddle()), PredictionTables.plateausColumns(config), prediction.plateausTable());
                    predictions++;
                }
            }
        }
        assertThat(predictions).isEqualTo(48);
        assertThat(omitted).as("omitted columns checked").isGreaterThan(48);
    }

    /** How many columns {@code written} leaves out of {@code all}, after checking each is empty in every row. */
    private static int assertOmittedEmpty(Table all, List<Column> declared, Table written) {
        assertThat(written.columns()).isEqualTo(declared);
        int omitted = 0;
        for (Column column : all.columns()) {
            if (!declared.contains(column)) {
                int index = all.indexOf(column.name());
                for (int row = 0; row < all.rowCount(); row++) {
                    assertThat(all.cell(row, index)).as(column.name() + " row " + row).isNull();
                }
                omitted++;
            }
        }
        return omitted;
    }
}
