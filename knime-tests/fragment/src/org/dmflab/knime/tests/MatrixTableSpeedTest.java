package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.dmflab.knime.common.KnimeTables;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.workflow.NodeID;

/**
 * The KNIME adapters' matrix conversion (the goal: matrix I/O at ≥ 50 MB/s "in the KNIME adapters") at 2000 × 2000,
 * inside a node's execution: matrix → KNIME table ({@link KnimeTables#writeMatrix}) and back
 * ({@link KnimeTables#readMatrix}) must give the matrix bit for bit and the same table as the general path through the
 * engine's {@code Table} ({@code KnimeTables.write(MatrixTables.toTable(m))}, {@code MatrixTables.fromTable(
 * KnimeTables.read(t))}). The times of both paths are printed, never asserted (speed is measured, not tested); the
 * rate is stated against the size of the matrix's CSV file, the unit of the target.
 */
class MatrixTableSpeedTest {
    static final int N = 2000;

    @Test
    void aTwoThousandSquareMatrixMakesTheRoundTripThroughAKnimeTable() throws Exception {
        try (Knime.Project project = Knime.project("matrix-speed")) {
            NodeID node = project.add(new TestNodeFactory<>(RoundTrip::new));
            assertTrue(project.executeAll(), "the round trip executes: " + project.node(node).getNodeMessage());
            project.assertExecuted(node);
        }
    }

    /** A node that converts a seeded random 2000 × 2000 matrix both ways, both paths, and checks the results. */
    static final class RoundTrip extends LoopNodes.Model {
        RoundTrip() {
            super(new PortType[0], new PortType[]{BufferedDataTable.TYPE});
        }

        @Override
        protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) {
            return new PortObjectSpec[]{null};
        }

        @Override
        protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
            Random random = new Random(13);
            DMatrixRMaj matrix = new DMatrixRMaj(N, N);
            for (int i = 0; i < matrix.data.length; i++) {
                matrix.data[i] = random.nextGaussian();
            }
            long csvBytes = csvBytes(matrix);
            long start = System.nanoTime();
            BufferedDataTable table = KnimeTables.writeMatrix(matrix, exec);
            long written = System.nanoTime();
            DMatrixRMaj back = KnimeTables.readMatrix(table, exec, "speed table");
            long read = System.nanoTime();
            BufferedDataTable general = KnimeTables.write(MatrixTables.toTable(matrix), exec);
            long generalWritten = System.nanoTime();
            DMatrixRMaj generalBack = MatrixTables.fromTable(KnimeTables.read(table, exec), "speed table");
            long generalRead = System.nanoTime();

            assertArrayEquals(matrix.data, back.data, "the matrix comes back bit for bit");
            assertArrayEquals(matrix.data, generalBack.data, "the general path agrees");
            assertEquals(general.getDataTableSpec(), table.getDataTableSpec(), "the same columns and types");
            try (CloseableRowIterator a = table.iterator(); CloseableRowIterator b = general.iterator()) {
                while (b.hasNext()) {
                    DataRow want = b.next();
                    DataRow got = a.next();
                    assertEquals(want.getKey(), got.getKey(), "RowIDs of design.md §2");
                    for (int c = 0; c < N; c++) {
                        assertEquals(want.getCell(c), got.getCell(c), got.getKey() + " column " + (c + 1));
                    }
                }
                assertTrue(!a.hasNext(), "the same row count");
            }
            System.out.println(String.format(Locale.ROOT, "[knime-tests] %d×%d matrix table (CSV %.1f MB): "
                    + "writeMatrix %s, readMatrix %s; general path write %s, read %s", N, N, csvBytes / 1e6,
                    rate(written - start, csvBytes), rate(read - written, csvBytes),
                    rate(generalWritten - read, csvBytes), rate(generalRead - generalWritten, csvBytes)));
            refusesWhatTheEngineRefusesWithItsMessage(exec);
            return new PortObject[]{table};
        }

        /** A missing, an infinite and a text cell: readMatrix refuses them with the engine's own message. */
        private static void refusesWhatTheEngineRefusesWithItsMessage(ExecutionContext exec) throws Exception {
            for (Object bad : new Object[]{null, Double.POSITIVE_INFINITY, "x"}) {
                List<Column> columns = List.of(Column.nullable("c1", ColumnType.DOUBLE), Column.nullable("c2",
                        bad instanceof String ? ColumnType.STRING : ColumnType.DOUBLE));
                BufferedDataTable small = KnimeTables.write(Table.builder(columns).addRowWithKey("r1", 1.0, bad)
                        .addRowWithKey("r2", 3.0, bad instanceof String ? "y" : 4.0).build(), exec);
                InvalidInputException engine = assertThrows(InvalidInputException.class,
                        () -> MatrixTables.fromTable(KnimeTables.read(small, exec), "target table"));
                InvalidInputException adapter = assertThrows(InvalidInputException.class,
                        () -> KnimeTables.readMatrix(small, exec, "target table"));
                assertEquals(engine.getMessage(), adapter.getMessage(), "cell " + bad);
            }
        }

        private static String rate(long nanos, long bytes) {
            return String.format(Locale.ROOT, "%.2f s (%.0f MB/s)", nanos / 1e9, bytes / 1e6 / (nanos / 1e9));
        }

        /** The size of the matrix's CSV as the command line writes it: header, shortest round-trip doubles. */
        private static long csvBytes(DMatrixRMaj matrix) {
            long bytes = 0;
            for (int c = 1; c <= matrix.numCols; c++) {
                bytes += ("c" + c).length() + 1;
            }
            for (double value : matrix.data) {
                bytes += Double.toString(value).length() + 1;
            }
            return bytes;
        }

        @Override
        protected void reset() {
        }
    }
}
