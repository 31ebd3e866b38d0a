package org.dmflab.knime.tests;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataType;
import org.knime.core.data.RowKey;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.DoubleCell;
import org.knime.core.data.def.LongCell;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataContainer;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.NoDescriptionProxy;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.NodeView;

/**
 * A test-only source node standing in for KNIME's CSV Reader (knime-base, absent from the test runtime): one table
 * from a reference CSV of test-workflows, a column of whole numbers as Long, of numbers as Double, else String, empty
 * cells missing — the types the testflows' Table Validators convert the CSV Reader's output to.
 */
final class CsvSourceNodeFactory extends NodeFactory<CsvSourceNodeFactory.Model> {
    private final Path file;

    CsvSourceNodeFactory(Path file) {
        this.file = file;
    }

    @Override
    public Model createNodeModel() {
        return new Model(file);
    }

    @Override
    protected NodeDescription createNodeDescription() {
        return new NoDescriptionProxy(getClass());
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<Model> createNodeView(int viewIndex, Model model) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }

    static final class Model extends NodeModel {
        private final Path file;

        Model(Path file) {
            super(0, 1);
            this.file = file;
        }

        @Override
        protected DataTableSpec[] configure(DataTableSpec[] inSpecs) {
            return new DataTableSpec[]{spec(Rows.csv(file))};
        }

        @Override
        protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) {
            List<List<String>> records = Rows.csv(file);
            DataTableSpec spec = spec(records);
            BufferedDataContainer container = exec.createDataContainer(spec);
            for (int r = 1; r < records.size(); r++) {
                DataCell[] cells = new DataCell[spec.getNumColumns()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = cell(records.get(r).get(c), spec.getColumnSpec(c).getType());
                }
                container.addRowToTable(new DefaultRow(RowKey.createRowKey((long) r - 1), cells));
            }
            container.close();
            return new BufferedDataTable[]{container.getTable()};
        }

        private static DataTableSpec spec(List<List<String>> records) {
            List<String> header = records.get(0);
            DataColumnSpec[] columns = new DataColumnSpec[header.size()];
            for (int c = 0; c < columns.length; c++) {
                DataType type = LongCell.TYPE;
                for (int r = 1; r < records.size(); r++) {
                    String text = records.get(r).get(c);
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (type == LongCell.TYPE && !text.matches("-?\\d+")) {
                        type = DoubleCell.TYPE;
                    }
                    if (type == DoubleCell.TYPE && !isDouble(text)) {
                        type = StringCell.TYPE;
                    }
                }
                columns[c] = new DataColumnSpecCreator(header.get(c), type).createSpec();
            }
            return new DataTableSpec(columns);
        }

        private static boolean isDouble(String text) {
            try {
                Double.parseDouble(text);
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static DataCell cell(String text, DataType type) {
            if (text.isEmpty()) {
                return DataType.getMissingCell();
            }
            if (type == LongCell.TYPE) {
                return new LongCell(Long.parseLong(text));
            }
            return type == DoubleCell.TYPE ? new DoubleCell(Double.parseDouble(text)) : new StringCell(text);
        }

        @Override
        protected void reset() {
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

        @Override
        protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        }

        @Override
        protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        }
    }
}
