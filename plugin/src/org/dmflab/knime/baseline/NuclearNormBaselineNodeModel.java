package org.dmflab.knime.baseline;

import java.util.Optional;
import org.dmflab.core.baseline.AffineConstraint;
import org.dmflab.core.baseline.LinearMeasurements;
import org.dmflab.core.baseline.NuclearNormConfig;
import org.dmflab.core.baseline.NuclearNormResult;
import org.dmflab.core.baseline.NuclearNormSettings;
import org.dmflab.core.baseline.NuclearNormSolver;
import org.dmflab.core.baseline.ObservedEntries;
import org.dmflab.core.model.Observations;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.ObservationTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.ExecutionProgress;
import org.dmflab.knime.common.KnimeTables;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Nuclear Norm Baseline: the matrix of least nuclear norm that agrees with the observed entries or the measurements
 * (docs/theory.md §8.4), and a summary row. A thin adapter over {@link NuclearNormSolver}; the second input's columns
 * say which problem it is (observations: row, column, value; measurements: y, a1 …).
 */
final class NuclearNormBaselineNodeModel extends EngineNodeModel {
    static final String FLOW_NUCLEAR_NORM = "dmflab_nuclear_norm";
    static final String FLOW_RELATIVE_ERROR = "dmflab_baseline_relative_error";
    private static final String DATA_SOURCE = "observations or measurements table";

    private final NuclearNormBaselineNodeSettings settings;

    NuclearNormBaselineNodeModel() {
        this(new NuclearNormBaselineNodeSettings());
    }

    private NuclearNormBaselineNodeModel(NuclearNormBaselineNodeSettings settings) {
        super(new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE}, settings.group,
                NuclearNormSettings::parse);
        this.settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        EngineCalls.configure(() -> NuclearNormSettings.parse(settings.group.raw()));
        DataTableSpec target = (DataTableSpec) inSpecs[0];
        KnimeTables.requireNumericColumns(target, "target table");
        isCompletion((DataTableSpec) inSpecs[1]);
        return new PortObjectSpec[]{KnimeTables.spec(Schemas.matrix(target.getNumColumns())),
                KnimeTables.spec(NuclearNormResult.SUMMARY)};
    }

    /** Observations (row, column, value) mean completion, measurements (y, a1 …) sensing; anything else is refused. */
    private static boolean isCompletion(DataTableSpec data) throws InvalidSettingsException {
        if (data == null) {
            throw new InvalidSettingsException(DATA_SOURCE + ": no table is available yet; connect the Ground Truth "
                    + "Generator's observations or measurements output and configure it");
        }
        if (data.containsName(Schemas.OBSERVATIONS.get(0).name()) && data.containsName(
                Schemas.OBSERVATIONS.get(1).name()) && data.containsName(Schemas.OBSERVATIONS.get(2).name())) {
            return true;
        }
        if (data.containsName(Schemas.Y)) {
            return false;
        }
        throw new InvalidSettingsException(DATA_SOURCE + ": has neither the columns row, column, value (observed "
                + "entries) nor y, a1 … (measurements); connect the Ground Truth Generator's observations or "
                + "measurements output");
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        boolean completion = isCompletion(((BufferedDataTable) inObjects[1]).getDataTableSpec());
        return EngineCalls.execute(() -> {
            NuclearNormConfig config = NuclearNormSettings.parse(settings.group.raw());
            DMatrixRMaj target = KnimeTables.readMatrix((BufferedDataTable) inObjects[0],
                    exec.createSubProgress(0.02), "target table");
            Table data = KnimeTables.read((BufferedDataTable) inObjects[1], exec.createSubProgress(0.02));
            AffineConstraint constraint = completion
                    ? new ObservedEntries(ObservationTables.fromTable(data, target.numRows, target.numCols,
                    "observations table"))
                    : new LinearMeasurements(MeasurementTables.fromTable(data, target.numRows, target.numCols,
                    "measurements table"), "measurements table");
            NuclearNormResult result = NuclearNormSolver.solve(constraint, config,
                    ExecutionProgress.timed(exec.createSubProgress(0.9)));
            if (!result.converged()) {
                setWarningMessage("The iteration budget (" + config.iterations() + ") was spent before the stopping "
                        + "rule held; the summary's gap and relative_residual say how far the solution is from optimal.");
            }
            pushFlowVariableDouble(FLOW_NUCLEAR_NORM, result.nuclearNorm());
            pushFlowVariableDouble(FLOW_RELATIVE_ERROR, result.relativeError(target));
            return new PortObject[]{KnimeTables.writeMatrix(result.solution(), exec),
                    KnimeTables.write(result.summaryTable(Optional.of(target)), exec)};
        });
    }
}
