package org.dmflab.knime.train;

import java.util.Optional;
import org.dmflab.core.groundtruth.Observations;
import org.dmflab.core.groundtruth.SensingData;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.train.LossKind;
import org.dmflab.core.train.TrainConfig;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.core.train.Trainer;
import org.dmflab.core.train.TrainingPlan;
import org.dmflab.core.train.TrainingResult;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.KnimeTables;
import org.dmflab.knime.common.NodeSettingsGroup;
import org.dmflab.knime.common.RunVariables;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.VariableType;

/**
 * Deep Factorization Trainer: gradient descent on W_N···W_1 ≈ Φ (docs/theory.md §1) with the solver the engine chooses, a
 * trace of the run and the final product. A thin adapter over {@link Trainer}.
 */
final class DeepFactorizationTrainerNodeModel extends EngineNodeModel {
    static final String FLOW_FINAL_LOSS = "dmflab_final_loss";
    static final String FLOW_EFFECTIVE_RANK = "dmflab_final_effective_rank";
    static final String FLOW_SOLVER = "dmflab_solver";
    static final String FLOW_ITERATIONS = "dmflab_iterations";
    /** Which kernel computed the products: openblas, java (no OpenBLAS fragment for this platform) or none. */
    static final String FLOW_KERNEL = "dmflab_kernel";

    private final TrainerNodeSettings settings = new TrainerNodeSettings();

    DeepFactorizationTrainerNodeModel() {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE});
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
        // the trace's columns depend only on the target's column count (design.md §2), completion or not
        return new PortObjectSpec[]{KnimeTables.spec(TrainingPlan.traceColumns(target.getNumColumns())),
                KnimeTables.spec(Schemas.matrix(target.getNumColumns()))};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            TrainConfig config = TrainSettings.parse(settings.group.raw());
            DMatrixRMaj target = KnimeTables.readMatrix((BufferedDataTable) inObjects[0],
                    exec.createSubProgress(0.02), "target table");
            TrainingPlan plan;
            if (config.loss() == LossKind.COMPLETION) {
                // the target gives the shape and the truth of the error columns; the second input the observed entries
                Observations observations = Observations.fromTable(KnimeTables.read((BufferedDataTable) inObjects[1],
                        exec.createSubProgress(0.02)), target.numRows, target.numCols, "observations table");
                plan = Trainer.planCompletion(config, observations, Optional.of(target));
            } else {
                Optional<SensingData> sensing = Optional.empty();
                if (inObjects[1] != null) {
                    sensing = Optional.of(SensingData.fromTable(KnimeTables.read((BufferedDataTable) inObjects[1],
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
            pushFlowVariableString(FLOW_KERNEL, plan.kernel());
            pushRunVariables(config);
            return new PortObject[]{KnimeTables.write(result.traceTable(), exec),
                    KnimeTables.writeMatrix(result.product(), exec)};
        });
    }

    /** The run dynamics for a Theoretical Bound Predictor downstream ({@link RunVariables}); β as used (α/2 if empty). */
    private void pushRunVariables(TrainConfig config) {
        pushFlowVariableInt(RunVariables.NAMES.get(TrainSettings.DEPTH), config.depth());
        pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.STEP), config.step());
        pushFlowVariableString(RunVariables.NAMES.get(TrainSettings.INIT), config.init().key());
        pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.ALPHA), config.alpha());
        pushFlowVariableDouble(RunVariables.NAMES.get(TrainSettings.BETA), config.beta());
    }

    @Override
    protected NodeSettingsGroup settingsGroup() {
        return settings.group;
    }

    @Override
    protected void checkWithEngine(RawSettings candidate) {
        TrainSettings.parse(candidate);
    }
}
