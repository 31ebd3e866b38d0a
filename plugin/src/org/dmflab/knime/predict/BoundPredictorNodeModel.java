package org.dmflab.knime.predict;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.predict.PredictConfig;
import org.dmflab.core.predict.PredictSettings;
import org.dmflab.core.predict.Prediction;
import org.dmflab.core.predict.PredictionTables;
import org.dmflab.core.predict.Predictor;
import org.dmflab.core.predict.SpectrumSource;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.KnimeTables;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.workflow.VariableType;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.VariableType;
import org.dmflab.core.table.SpectrumTables;

/**
 * Theoretical Bound Predictor: what docs/theory.md predicts for a spectrum and training settings — step-size verdict,
 * limits, iteration counts and certified effective-rank plateaus. A thin adapter over {@link Predictor}.
 */
final class BoundPredictorNodeModel extends EngineNodeModel {
    static final String FLOW_VERDICT = "dmflab_step_verdict";
    /** The verdict's category, one of uniform, every-eigenvalue, not-guaranteed, diverges: for a Rule Engine. */
    static final String FLOW_STANDING = "dmflab_step_standing";
    /** Whether every eigenvalue converges with this step size (no warning): for an IF Switch or a Rule Engine. */
    static final String FLOW_CONVERGES = "dmflab_step_converges";
    static final String FLOW_UNIFORM_STEP = "dmflab_admissible_step";
    static final String FLOW_STRICT_SADDLE = "dmflab_strict_saddle";
    static final String FLOW_FLOAT_ESCAPE = "dmflab_float_escape_iteration";
    private static final String INPUT_SOURCE = "input table";

    private final BoundPredictorNodeSettings settings;

    BoundPredictorNodeModel() {
        this(new BoundPredictorNodeSettings());
    }

    private BoundPredictorNodeModel(BoundPredictorNodeSettings settings) {
        super(new PortType[]{BufferedDataTable.TYPE},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE},
                settings.group, PredictSettings::parse);
        this.settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        PredictConfig config = EngineCalls.configure(() -> PredictSettings.parse(settings.group.raw()));
        DataTableSpec input = (DataTableSpec) inSpecs[0];
        // the same rule as SpectrumTables.isSpectrumTable, on the spec
        boolean spectrumTable = input.containsName(Schemas.INDEX) && input.containsName(Schemas.VALUE)
                && input.containsName(Schemas.KIND);
        if (!spectrumTable) {
            for (int c = 0; c < input.getNumColumns(); c++) {
                if (!KnimeTables.columnType(input.getColumnSpec(c).getType()).isNumeric()) {
                    throw new InvalidSettingsException(INPUT_SOURCE + ": is neither a spectrum table (index, value, "
                            + "kind) nor a matrix table (column '" + input.getColumnSpec(c).getName()
                            + "' is not numeric); connect the Ground Truth Generator's spectrum or matrix output");
                }
            }
        }
        // only the columns these settings can fill (docs/design.md §2)
        return new PortObjectSpec[]{KnimeTables.spec(PredictionTables.boundsColumns(config)),
                KnimeTables.spec(PredictionTables.plateausColumns(config)), KnimeTables.spec(PredictionTables.PROVENANCE)};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            PredictConfig config = PredictSettings.parse(settings.group.raw());
            Table input = KnimeTables.read((BufferedDataTable) inObjects[0], exec.createSubProgress(0.05));
            Spectrum spectrum = SpectrumTables.isSpectrumTable(input)
                    ? SpectrumTables.fromTable(input, INPUT_SOURCE)
                    : SpectrumSource.fromTarget(MatrixTables.fromTable(input, INPUT_SOURCE), INPUT_SOURCE);
            Prediction prediction = Predictor.predict(config, spectrum,
                    ExecutionProgress.timed(exec.createSubProgress(0.9)));
            // the trainer shows the same step-size warning for the same settings (one verdict in the engine)
            List<String> warnings = new ArrayList<>();
            prediction.verdict().warning().ifPresent(warnings::add);
            warnings.addAll(prediction.notes());
            if (!warnings.isEmpty()) {
                setWarningMessage(String.join("\n", warnings));
            }
            pushFlowVariableString(FLOW_VERDICT, prediction.verdict().message());
            pushFlowVariableString(FLOW_STANDING, prediction.verdict().standing().key());
            pushFlowVariable(FLOW_CONVERGES, VariableType.BooleanType.INSTANCE,
                    prediction.verdict().standing().converges());
            pushFlowVariableDouble(FLOW_UNIFORM_STEP, prediction.verdict().uniformLimit());
            pushFlowVariable(FLOW_STRICT_SADDLE, VariableType.BooleanType.INSTANCE, prediction.saddle().isPresent());
            // NaN: no strict saddle, or its escape lies beyond the horizon
            pushFlowVariableDouble(FLOW_FLOAT_ESCAPE, prediction.saddle().flatMap(escape -> escape.iteration().isPresent()
                    ? Optional.of((double) escape.iteration().getAsLong()) : Optional.empty()).orElse(Double.NaN));
            return new PortObject[]{KnimeTables.write(prediction.boundsTable(), exec),
                    KnimeTables.write(prediction.plateausTable(), exec),
                    KnimeTables.write(prediction.provenanceTable(), exec)};
        });
    }
}
