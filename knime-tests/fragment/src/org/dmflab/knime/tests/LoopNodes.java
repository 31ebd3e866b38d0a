package org.dmflab.knime.tests;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.IntCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.flowvariable.FlowVariablePortObject;
import org.knime.core.node.workflow.FlowVariable;
import org.knime.core.node.workflow.LoopEndNode;
import org.knime.core.node.workflow.LoopStartNodeTerminator;
import org.knime.core.node.workflow.VariableType;

/**
 * Test-only stand-ins for the three knime-base nodes of the depth-sweep testflow (absent from the test runtime), doing
 * what those nodes are configured to do there and nothing more, through KNIME core's own loop machinery: an interval
 * loop start ({@link LoopStartNodeTerminator}: integer variables PREFIXvalue = from, from + step, …, to), a "variables
 * to one row" node, and a collecting loop end ({@link LoopEndNode}: appends each iteration's rows, RowID suffix
 * "#iteration", and calls {@code continueLoop()} until the start says stop). The WorkflowManager drives the iterations.
 */
final class LoopNodes {
    private LoopNodes() {
    }

    /** Interval Loop Start with integer variables, no pass-through port. */
    static final class IntervalStart extends Model implements LoopStartNodeTerminator {
        private final int from;
        private final int to;
        private final int step;
        private final String prefix;
        private int value;
        private boolean started;

        IntervalStart(int from, int to, int step, String prefix) {
            super(new PortType[0], new PortType[0]);
            if (step <= 0 || from > to) {
                throw new IllegalArgumentException("interval " + from + ".." + to + " step " + step);
            }
            this.from = from;
            this.to = to;
            this.step = step;
            this.prefix = prefix;
        }

        @Override
        protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) {
            push(started ? value : from);
            return new PortObjectSpec[0];
        }

        @Override
        protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) {
            value = started ? value + step : from;
            started = true;
            push(value);
            return new PortObject[0];
        }

        private void push(int current) {
            pushFlowVariableInt(prefix + "from", from);
            pushFlowVariableInt(prefix + "to", to);
            pushFlowVariableInt(prefix + "step", step);
            pushFlowVariableInt(prefix + "value", current);
        }

        @Override
        public boolean terminateLoop() {
            return value + step > to;
        }

        @Override
        protected void reset() {
            started = false;
        }
    }

    /** Variable to Table Row: one row, RowID Row0, one cell per named variable (Int, Long, Double, String). */
    static final class VariablesToRow extends Model {
        private final List<String> names;

        VariablesToRow(List<String> names) {
            super(new PortType[]{FlowVariablePortObject.TYPE_OPTIONAL}, new PortType[]{BufferedDataTable.TYPE});
            this.names = List.copyOf(names);
        }

        @Override
        protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) {
            return new PortObjectSpec[]{null}; // the trainer pushes its variables only when it executes
        }

        @Override
        protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws InvalidSettingsException {
            Map<String, FlowVariable> available = getAvailableFlowVariables(VariableType.IntType.INSTANCE,
                    VariableType.LongType.INSTANCE, VariableType.DoubleType.INSTANCE, VariableType.StringType.INSTANCE);
            DataColumnSpec[] columns = new DataColumnSpec[names.size()];
            DataCell[] cells = new DataCell[names.size()];
            for (int c = 0; c < cells.length; c++) {
                FlowVariable variable = available.get(names.get(c));
                if (variable == null) {
                    throw new InvalidSettingsException("no flow variable '" + names.get(c) + "'; available: "
                            + available.keySet());
                }
                cells[c] = cell(variable);
                columns[c] = new DataColumnSpecCreator(names.get(c), cells[c].getType()).createSpec();
            }
            BufferedDataContainer container = exec.createDataContainer(new DataTableSpec(columns));
            container.addRowToTable(new DefaultRow(new RowKey("Row0"), cells));
            container.close();
            return new PortObject[]{container.getTable()};
        }

        @Override
        protected void reset() {
        }

        private static DataCell cell(FlowVariable variable) {
            VariableType<?> type = variable.getVariableType();
            if (type == VariableType.IntType.INSTANCE) {
                return new IntCell(variable.getValue(VariableType.IntType.INSTANCE));
            }
            if (type == VariableType.LongType.INSTANCE) {
                return new LongCell(variable.getValue(VariableType.LongType.INSTANCE));
            }
            if (type == VariableType.DoubleType.INSTANCE) {
                return new DoubleCell(variable.getValue(VariableType.DoubleType.INSTANCE));
            }
            return new StringCell(variable.getValue(VariableType.StringType.INSTANCE));
        }
    }

    /** Loop End with one collector port, no iteration column, RowIDs suffixed "#iteration". */
    static final class CollectingEnd extends Model implements LoopEndNode {
        private BufferedDataContainer collected;
        private long iteration;

        CollectingEnd() {
            super(new PortType[]{BufferedDataTable.TYPE}, new PortType[]{BufferedDataTable.TYPE});
        }

        @Override
        protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) {
            return new PortObjectSpec[]{inSpecs[0]};
        }

        @Override
        protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) {
            if (!(getLoopStartNode() instanceof LoopStartNodeTerminator start)) {
                throw new IllegalStateException("the loop end is not closed by a terminating loop start");
            }
            BufferedDataTable table = (BufferedDataTable) inObjects[0];
            if (collected == null) {
                collected = exec.createDataContainer(table.getDataTableSpec());
            }
            for (DataRow row : table) {
                collected.addRowToTable(new DefaultRow(new RowKey(row.getKey().getString() + "#" + iteration), row));
            }
            iteration++;
            if (!start.terminateLoop()) {
                continueLoop();
                return null; // KNIME runs the body again
            }
            collected.close();
            BufferedDataTable all = collected.getTable();
            collected = null;
            iteration = 0;
            return new PortObject[]{all};
        }

        @Override
        protected void reset() {
            collected = null;
            iteration = 0;
        }
    }

    /** A node model without settings or internals. */
    abstract static class Model extends NodeModel {
        Model(PortType[] in, PortType[] out) {
            super(in, out);
        }

        @Override
        protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        }

        @Override
        protected void saveSettingsTo(NodeSettingsWO settings) {
        }

        @Override
        protected void validateSettings(NodeSettingsRO settings) {
        }

        @Override
        protected void loadValidatedSettingsFrom(NodeSettingsRO settings) {
        }
    }

    static List<String> strings(NodeSettingsRO settings, String key) throws InvalidSettingsException {
        return new ArrayList<>(List.of(settings.getStringArray(key)));
    }
}
