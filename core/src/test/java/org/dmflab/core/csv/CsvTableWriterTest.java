package org.dmflab.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.dmflab.core.Progress;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MatrixTables;
import org.dmflab.core.table.Table;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {

    @TempDir
    Path dir;

    /** Random bit patterns cover every exponent, subnormals included; plus the edge values named explicitly. */
    private static double[] awkwardDoubles(int count, long seed) {
        Random random = new Random(seed);
        List<Double> values = new ArrayList<>(List.of(0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE,
                Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300,
                1e300, 1.0, 0.1, 1e7, 1e-3, 9.999999999999999e22, 123456789012345678.0));
        while (values.size() < count) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                values.add(value);
            }
            values.add(random.nextGaussian());
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void doublesAreWrittenAsDoubleToStringAndReadBackBitForBit() throws IOException {
        double[] values = awkwardDoubles(20_000, 42);
        int cols = 10;
        int rows = values.length / cols;
        DMatrixRMaj matrix = new DMatrixRMaj(rows, cols);
        System.arraycopy(values, 0, matrix.data, 0, rows * cols);
        Path file = dir.resolve("m.csv");
        CsvTableWriter.write(MatrixTables.toTable(matrix), file, Progress.NONE);

        StringBuilder expected = new StringBuilder("c1,c2,c3,c4,c5,c6,c7,c8,c9,c10\n");
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                expected.append(j == 0 ? "" : ",").append(Double.toString(matrix.get(i, j)));
            }
            expected.append('\n');
        }
        assertThat(Files.readString(file)).isEqualTo(expected.toString());

        DMatrixRMaj back = CsvMatrixReader.read(file, Progress.NONE);
        for (int k = 0; k < rows * cols; k++) {
            assertThat(Double.doubleToRawLongBits(back.data[k])).as("entry %d = %s", k, matrix.data[k])
                    .isEqualTo(Double.doubleToRawLongBits(matrix.data[k]));
        }
    }

    @Test
    void textIsQuotedOnlyWhereNeededAndIntegersAndMissingCellsAreWrittenPlainly() throws IOException {
        Table table = Table.builder(List.of(Column.of("key", ColumnType.STRING), Column.nullable("k", ColumnType.LONG),
                        Column.of("i", ColumnType.INTEGER)))
                .addRowWithKey("r1", "a,b", 12L, -3)
                .addRowWithKey("r2", "say \"hi\"", null, 0)
                .addRowWithKey("r3", "größe", Long.MAX_VALUE, Integer.MIN_VALUE)
                .build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvTableWriter.write(table, out, Progress.NONE);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("key,k,i\n\"a,b\",12,-3\n\"say \"\"hi\"\"\",,0\n"
                + "größe,9223372036854775807,-2147483648\n");

        Path file = Files.write(dir.resolve("t.csv"), out.toByteArray());
        Map<String, Column> schema = Map.of("key", table.columns().get(0), "k", table.columns().get(1), "i",
                table.columns().get(2));
        Table back = CsvTableReader.read(file, schema, "r", Progress.NONE);
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                assertThat(back.cell(r, c)).isEqualTo(table.cell(r, c));
            }
        }
    }
}
