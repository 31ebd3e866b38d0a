package org.dmflab.knime.groundtruth;

import java.util.Optional;
import org.dmflab.core.groundtruth.GroundTruth;
import org.dmflab.core.groundtruth.GroundTruthConfig;
import org.dmflab.core.groundtruth.GroundTruthGenerator;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.linalg.Symmetry;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.ObservationTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.knime.common.EngineCalls;
import org.dmflab.knime.common.EngineNodeModel;
import org.dmflab.knime.common.KnimeTables;
import org.dmflab.knime.common.TargetSpecs;
import org.ejml.data.DMatrixRMaj;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Ground Truth Generator: a target matrix with a chosen spectrum (or the input table), its spectrum, optional
 * matrix-sensing measurements and optional observed entries for matrix completion. A thin adapter over
 * {@link GroundTruthGenerator}.
 */
final class GroundTruthGeneratorNodeModel extends EngineNodeModel {
    private static final String INPUT_SOURCE = "input table";

    private final GroundTruthNodeSettings settings;

    GroundTruthGeneratorNodeModel() {
        this(new GroundTruthNodeSettings());
    }

    private GroundTruthGeneratorNodeModel(GroundTruthNodeSettings settings) {
        super(new PortType[]{BufferedDataTable.TYPE_OPTIONAL},
                new PortType[]{BufferedDataTable.TYPE, BufferedDataTable.TYPE, BufferedDataTable.TYPE,
                        BufferedDataTable.TYPE}, settings.group, GroundTruthNodeSettings::check);
        this.settings = settings;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec inputSpec = (DataTableSpec) inSpecs[0];
        boolean useInput = settings.group.isOn(GroundTruthSettings.INPUT);
        DataTableSpec spectrumSpec = KnimeTables.spec(Schemas.SPECTRUM);
        if (useInput) {
            if (inputSpec == null) {
                // KNIME gives no spec both when nothing is connected and when the node before is not configured yet
                throw new InvalidSettingsException("input: 'Use the input table' is on but no input table is "
                        + "available yet: connect a matrix table, or configure (or execute) the node before this one, "
                        + "or switch the option off");
            }
            KnimeTables.requireNumericColumns(inputSpec, INPUT_SOURCE);
            EngineCalls.configure(() -> GroundTruthSettings.inputDivisor(raw()));
            // the target's columns and the observations' are known now; the measurement table has one column per
            // entry of the target, so with measurements its spec needs the row count, known only at execution
            boolean measured = EngineCalls.configure(() -> raw().integer(GroundTruthSettings.MEASUREMENTS,
                    GroundTruthSettings.DEFAULT_MEASUREMENTS)) > 0;
            return new PortObjectSpec[]{KnimeTables.spec(Schemas.matrix(inputSpec.getNumColumns())), spectrumSpec,
                    measured ? null : KnimeTables.spec(Schemas.measurements(0)), KnimeTables.spec(Schemas.OBSERVATIONS)};
        }
        if (inputSpec != null) {
            setWarningMessage("An input table is connected but not used; switch on 'Use the input table' to use it.");
        }
        GroundTruthConfig config = EngineCalls.configure(() -> GroundTruthSettings.parse(raw(), Optional.empty()));
        int rows = config.source().rows();
        int columns = config.source().columns();
        // without measurements the port carries no entry columns (they would all be empty)
        int entries = config.measurements() > 0 ? rows * columns : 0;
        return new PortObjectSpec[]{targetSpec(rows, columns, config.symmetricTarget()), spectrumSpec,
                KnimeTables.spec(Schemas.measurements(entries)), KnimeTables.spec(Schemas.OBSERVATIONS)};
    }

    @Override
    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        return EngineCalls.execute(() -> {
            Optional<DMatrixRMaj> matrix = Optional.empty();
            if (settings.group.isOn(GroundTruthSettings.INPUT)) {
                matrix = Optional.of(KnimeTables.readMatrix((BufferedDataTable) inObjects[0],
                        exec.createSubProgress(0.2), INPUT_SOURCE));
            }
            exec.setProgress(0.2, "Generating the target");
            GroundTruth truth = GroundTruthGenerator.generate(GroundTruthSettings.parse(raw(), matrix));
            exec.setProgress(0.7, "Writing the tables");
            DMatrixRMaj target = truth.matrix();
            Table measurements = truth.sensing().map(MeasurementTables::toTable)
                    .orElse(Table.builder(Schemas.measurements(0)).build());
            Table observations = truth.observations().map(ObservationTables::toTable)
                    .orElse(Table.builder(Schemas.OBSERVATIONS).build());
            // a written table loses its spec's properties (KNIME rebuilds the spec with the domains): put them back
            BufferedDataTable written = KnimeTables.writeMatrix(target, exec.createSubExecutionContext(0.2));
            BufferedDataTable targetTable = exec.createSpecReplacerTable(written, TargetSpecs.withShape(
                    written.getDataTableSpec(), target.numRows, Symmetry.isSymmetric(target)));
            return new PortObject[]{targetTable,
                    KnimeTables.write(truth.spectrumTable(), exec), KnimeTables.write(measurements, exec),
                    KnimeTables.write(observations, exec)};
        });
    }

    /** The target's spec, telling the trainer its rows and symmetry ({@link TargetSpecs}). */
    private static DataTableSpec targetSpec(int rows, int columns, boolean symmetric) {
        return TargetSpecs.withShape(KnimeTables.spec(Schemas.matrix(columns)), rows, symmetric);
    }

    private RawSettings raw() {
        return settings.group.raw();
    }
}
