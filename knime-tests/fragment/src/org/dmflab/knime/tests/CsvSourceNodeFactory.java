package org.dmflab.knime.tests;

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
import org.knime.core.node.port.PortType;

/**
 * A test-only source node standing in for KNIME's CSV Reader (knime-base, absent from the test runtime): one table
 * from a reference CSV of test-workflows, a column of whole numbers as Long, of numbers as Double, else String, empty
 * cells missing — the types the testflows' Table Validators convert the CSV Reader's output to.
 */
final class CsvSourceNodeFactory extends TestNodeFactory<CsvSourceNodeFactory.Model> {
    CsvSourceNodeFactory(Path file) {
        super(() -> new Model(file));
    }

    static final class Model extends LoopNodes.Model {
        private final Path file;

        Model(Path file) {
            super(new PortType[0], new PortType[]{BufferedDataTable.TYPE});
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
    }
}
