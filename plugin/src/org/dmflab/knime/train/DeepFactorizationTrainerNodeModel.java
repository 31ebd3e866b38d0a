package org.dmflab.knime.train;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.chart.TrainCharts;
import org.dmflab.core.model.Trace;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.ObservationTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.loss.LossKind;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.dmflab.core.train.TrainingResult;
import org.dmflab.knime.common.ChartSource;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.KnimeTables;
import org.dmflab.knime.common.RunVariables;
import org.dmflab.knime.common.TargetSpecs;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.context.ports.PortsConfiguration;
import org.knime.core.node.workflow.VariableType;

/**
 * Deep Factorization Trainer: gradient descent on W_N···W_1 ≈ Φ (docs/theory.md §1) with the solver the engine chooses, a
 * trace of the run and the final product. A thin adapter over {@link Trainer}. Its view shows the loss curve
 * ({@link TrainCharts}); a saved workflow keeps the curve's points in the node's internals to redraw it on load.
 */
final class DeepFactorizationTrainerNodeModel extends EngineNodeModel implements ChartSource {
    static final String FLOW_FINAL_LOSS = "dmflab_final_loss";
    static final String FLOW_EFFECTIVE_RANK = "dmflab_final_effective_rank";
    static final String FLOW_SOLVER = "dmflab_solver";
    static final String FLOW_ITERATIONS = "dmflab_iterations";
    /** ‖W − Φ‖_F/‖Φ‖_F at the end, against the target table (what a sweep over the trainer plots). */
    static final String FLOW_RELATIVE_ERROR = "dmflab_final_relative_error";
    /** Which kernel computed the products: openblas, java (no OpenBLAS fragment for this platform) or none. */
    static final String FLOW_KERNEL = "dmflab_kernel";
    /** stop-at: the iteration of the product returned (the last one run when nothing stopped the run early). */
    static final String FLOW_STOP_ITERATION = "dmflab_stop_iteration";
    /** stop-at: {@code certified}, {@code observed}, or {@code none}. */
    static final String FLOW_STOP_RULE = "dmflab_stop_rule";
    /** stop-at: one sentence, where and why the run stopped (or why stop-at did not stop it). */
    static final String FLOW_STOP_REASON = "dmflab_stop_reason";

    /** The internals file of the loss curve: the loss kind's key, then one "iteration,loss" line per point. */
    private static final String LOSS_CURVE_FILE = "loss-curve.csv";
    private static final String VIEW_TITLE = "Loss curve";

    private final TrainerNodeSettings settings;
    private LossCurve lossCurve;
    /** The view's chart, built once per execution or load: a reopened view shows it as the user left it (zoom). */
    private List<NamedChart> charts = List.of();

    /** What the view draws: the recorded iterations, their loss and the kind of loss trained. */
    private record LossCurve(LossKind kind, double[] iterations, double[] loss) {
        static LossCurve of(Trace trace, LossKind kind) {
            double[] iterations = new double[trace.size()];
            double[] loss = new double[trace.size()];
            for (int point = 0; point < iterations.length; point++) {
                iterations[point] = trace.iteration(point);
                loss[point] = trace.loss(point);
            }
            return new LossCurve(kind, iterations, loss);
        }

        /** Double.toString round-trips exactly, so a loaded workflow redraws the same curve. */
        List<String> lines() {
            List<String> lines = new ArrayList<>(List.of(kind.key()));
            for (int point = 0; point < iterations.length; point++) {
                lines.add((long) iterations[point] + "," + loss[point]);
            }
            return lines;
        }

        static LossCurve parse(List<String> lines) {
            double[] iterations = new double[lines.size() - 1];
            double[] loss = new double[lines.size() - 1];
            for (int point = 0; point < iterations.length; point++) {
                String[] cells = lines.get(point + 1).split(",");
                iterations[point] = Long.parseLong(cells[0]);
                loss[point] = Double.parseDouble(cells[1]);
            }
            return new LossCurve(LossKind.parse(lines.get(0)), iterations, loss);
        }
    }

    /** The index of the factors output port, or −1 when the user has not added it. */
    private final int factorsPort;

    DeepFactorizationTrainerNodeModel(PortsConfiguration ports) {
        this(ports, new TrainerNodeSettings());
    }

    private DeepFactorizationTrainerNodeModel(PortsConfiguration ports, TrainerNodeSettings settings) {
        super(ports.getInputPorts(), ports.getOutputPorts(), settings.group, TrainSettings::parse);
        this.settings = settings;
        int[] factors = ports.getOutputPortLocation().get(DeepFactorizationTrainerNodeFactory.FACTORS_PORT_GROUP);
        factorsPort = factors == null || factors.length == 0 ? -1 : factors[0];
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        TrainConfig config = EngineCalls.configure(() -> TrainSettings.parse(settings.group.raw()));
        DataTableSpec target = (DataTableSpec) inSpecs[0];
        KnimeTables.requireNumericColumns(target, "target table");
        if (config.loss() == LossKind.SENSING && inSpecs[1] == null) {
            throw new InvalidSettingsException("loss: 'sensing' needs the measurements table at the second input; "
                    + "connect the Ground Truth Generator's measurements output or use loss 'full'");
        }
        if (config.loss() == LossKind.COMPLETION && inSpecs[1] == null) {
            throw new InvalidSettingsException("loss: 'completion' needs the observations table (row, column, value) "
                    + "at the second input; connect the Ground Truth Generator's observations output or use loss "
                    + "'full'");
        }
        // the trace has the columns its run fills (design.md §2): known when the target's spec says its rows and
        // symmetry (the generator's does), else only once the target is read
        PortObjectSpec[] specs = new PortObjectSpec[getNrOutPorts()];
        specs[0] = TargetSpecs.shape(target).map(shape -> KnimeTables.spec(TrainingPlan.traceColumns(
                shape.rows(), shape.columns(), shape.symmetric(), config.loss(), true))).orElse(null);
        specs[1] = KnimeTables.spec(Schemas.matrix(target.getNumColumns()));
        if (factorsPort >= 0) {
            specs[factorsPort] = KnimeTables.spec(TrainingPlan.factorColumns(config, target.getNumColumns()));
        }
        return specs;
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            TrainConfig config = TrainSettings.parse(settings.group.raw());
            BufferedDataTable targetTable = (BufferedDataTable) inObjects[0];
            // the problem's memory from the table's size, before the target is read or anything is allocated
            long rows = targetTable.size();
            int cols = targetTable.getDataTableSpec().getNumColumns();
            Trainer.requireMemory(config, rows, cols, rows == cols, "target table");
            DMatrixRMaj target = KnimeTables.readMatrix(targetTable,
                    exec.createSubProgress(0.02), "target table");
            TrainingPlan plan;
            if (config.loss() == LossKind.COMPLETION) {
                // the target gives the shape and the truth of the error columns; the second input the observed entries
                Observations observations = ObservationTables.fromTable(KnimeTables.read((BufferedDataTable) inObjects[1],
                        exec.createSubProgress(0.02)), target.numRows, target.numCols, "observations table");
                plan = Trainer.planCompletion(config, observations, Optional.of(target));
            } else {
                Optional<SensingData> sensing = Optional.empty();
                if (inObjects[1] != null) {
                    sensing = Optional.of(MeasurementTables.fromTable(KnimeTables.read((BufferedDataTable) inObjects[1],
                            exec.createSubProgress(0.02)), target.numRows, target.numCols, "measurements table"));
                }
                plan = Trainer.plan(config, target, sensing);
            }
            if (!plan.warnings().isEmpty()) {
                setWarningMessage(String.join("\n", plan.warnings()));
            }
            // a diverging run throws RunFailedException; KNIME shows its message (iteration, loss, admissible step)
            TrainingResult result = plan.run(ExecutionProgress.timed(exec.createSubProgress(0.9)));
            pushFlowVariableDouble(FLOW_FINAL_LOSS, result.finalLoss());
            pushFlowVariableDouble(FLOW_EFFECTIVE_RANK, result.finalEffectiveRank());
            pushFlowVariableString(FLOW_SOLVER, result.solver().key());
            pushFlowVariable(FLOW_ITERATIONS, VariableType.LongType.INSTANCE, result.iterations());
            pushFlowVariableDouble(FLOW_RELATIVE_ERROR, result.finalRelativeError(target));
            pushFlowVariableString(FLOW_KERNEL, plan.kernel());
            pushStopVariables(result);
            pushRunVariables(config);
            show(LossCurve.of(result.trace(), config.loss()));
            PortObject[] out = new PortObject[getNrOutPorts()];
            out[0] = KnimeTables.write(result.traceTable(), exec);
            out[1] = KnimeTables.writeMatrix(result.product(), exec);
            if (factorsPort >= 0) {
                out[factorsPort] = KnimeTables.write(result.factorsTable(), exec);
            }
            return out;
        });
    }

    /** Where and why the run stopped, by {@code stop-at} or otherwise ({@link TrainingResult#earlyStop()}). */
    private void pushStopVariables(TrainingResult result) {
        pushFlowVariable(FLOW_STOP_ITERATION, VariableType.LongType.INSTANCE, result.iterations());
        pushFlowVariableString(FLOW_STOP_RULE, result.earlyStop().map(stop -> stop.rule().kind()).orElse("none"));
        pushFlowVariableString(FLOW_STOP_REASON, result.earlyStop().map(stop -> stop.reason() + "; rule: "
                + stop.rule().basis()).orElse("stop-at=none: " + result.summary()));
    }

    /**
     * The run dynamics for a Theoretical Bound Predictor downstream ({@link RunVariables}); β as used (α/2 unless the
     * start is perturbed). A start the theory does not cover (Gaussian) has no α and β, and no prediction: it passes
     * neither.
     */
    private void pushRunVariables(TrainConfig config) {
        pushFlowVariableInt(RunVariables.NAMES.get(TrainSettings.DEPTH), config.depth());
        pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.STEP), config.step());
        pushFlowVariableString(RunVariables.NAMES.get(TrainSettings.INIT), config.init().key());
        if (config.init().covered()) {
            pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.ALPHA), config.alpha());
            pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.BETA), config.beta());
        }
    }

    private void show(LossCurve curve) {
        lossCurve = curve;
        charts = List.of(new NamedChart(VIEW_TITLE, TrainCharts.lossCurve(curve.iterations(), curve.loss(),
                curve.kind())));
    }

    @Override
    public List<NamedChart> charts() {
        return charts;
    }

    @Override
    protected void reset() {
        lossCurve = null;
        charts = List.of();
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        if (lossCurve != null) {
            Files.write(new File(nodeInternDir, LOSS_CURVE_FILE).toPath(), lossCurve.lines(), StandardCharsets.UTF_8);
        }
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) throws IOException {
        File file = new File(nodeInternDir, LOSS_CURVE_FILE);
        if (file.exists()) { // absent: saved by an older version; the view asks to execute the node
            try {
                show(LossCurve.parse(Files.readAllLines(file.toPath(), StandardCharsets.UTF_8)));
            } catch (RuntimeException e) {
                throw new IOException("cannot read the Deep Factorization Trainer's loss curve from " + file + ": "
                        + e.getMessage(), e);
            }
        }
    }
}
