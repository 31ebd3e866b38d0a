package org.dmflab.core.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.dmflab.core.Progress;
import org.dmflab.core.csv.CsvTableWriter;
import org.dmflab.core.model.Observations;
import org.dmflab.core.table.ObservationTables;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's ADMM against an independent solver of another algorithm, numpy's accelerated proximal gradient with
 * continuation ({@code apg_completion.py} next to this class; numpy's LAPACK SVD instead of EJML's). Skipped, saying
 * so, where {@code python3} with numpy is not available.
 */
class NuclearNormCrossCheckTest {
    @TempDir
    Path dir;

    /**
     * Where nuclear-norm minimization does not recover Φ its minimizer can be far from unique in practice (measured: two
     * solvers' W differ by 15 % at equal values), so the optimal VALUE is compared: the penalized problem's value
     * approaches the constrained minimum from its residual side, 10⁻⁵ relative covers its final μ = 10⁻⁹·‖b‖ and its
     * iteration budget (measured 1.4·10⁻⁶). Where Φ is recovered the minimizer is unique and both W are compared.
     */
    @Test
    void agreesWithAnIndependentNumpySolver() throws Exception {
        assumeTrue(numpyAvailable(), "python3 with numpy is not available: the cross-check is skipped");
        Random random = new Random(21);
        DMatrixRMaj hard = NuclearNormSolverTest.lowRank(14, 14, 3, random);
        Observations few = Observations.sample(hard, 49, random);
        NuclearNormResult engine = NuclearNormSolver.solve(new ObservedEntries(few),
                new NuclearNormConfig(1e-10, 100_000), Progress.NONE);
        DMatrixRMaj numpy = numpySolution(few);
        assertThat(new ObservedEntries(few).residual(numpy)).isLessThan(1e-6 * new ObservedEntries(few).dataNorm());
        double value = NuclearNormSolverTest.nuclearNorm(numpy);
        assertThat(Math.abs(value - engine.nuclearNorm())).isLessThan(1e-5 * engine.nuclearNorm());

        DMatrixRMaj easy = NuclearNormSolverTest.signs(12, random);
        Observations many = Observations.sample(easy, 86, random);
        NuclearNormResult recovered = NuclearNormSolver.solve(new ObservedEntries(many),
                new NuclearNormConfig(1e-10, 100_000), Progress.NONE);
        DMatrixRMaj difference = CommonOps_DDRM.subtract(numpySolution(many), recovered.solution(), null);
        assertThat(NormOps_DDRM.normF(difference)).isLessThan(1e-5 * NormOps_DDRM.normF(easy));
    }

    private DMatrixRMaj numpySolution(Observations observations) throws IOException, InterruptedException {
        Path script = dir.resolve("apg_completion.py");
        try (InputStream in = getClass().getResourceAsStream("apg_completion.py")) {
            Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Path input = dir.resolve("observations.csv");
        Path output = dir.resolve("solution.csv");
        CsvTableWriter.write(ObservationTables.toTable(observations), input, Progress.NONE);
        Process process = new ProcessBuilder("python3", script.toString(), Integer.toString(observations.rows()),
                Integer.toString(observations.cols()), input.toString(), output.toString()).redirectErrorStream(true)
                .start();
        String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        List<String> lines = Files.readAllLines(output);
        DMatrixRMaj solution = new DMatrixRMaj(observations.rows(), observations.cols());
        for (int i = 0; i < observations.rows(); i++) {
            String[] cells = lines.get(i).split(",");
            for (int j = 0; j < observations.cols(); j++) {
                solution.set(i, j, Double.parseDouble(cells[j]));
            }
        }
        return solution;
    }

    private static boolean numpyAvailable() {
        try {
            Process process = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
