package org.dmflab.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class MatrixTablesTest {

    @Test
    void matrixRoundTripsThroughItsTableWithDesignColumnAndRowNames() {
        DMatrixRMaj matrix = new DMatrixRMaj(new double[][]{{1.5, -2}, {0.1, 1e-300}, {3, 4}});
        Table table = MatrixTables.toTable(matrix);
        assertThat(table.columnNames()).containsExactly("c1", "c2");
        assertThat(table.rowIds()).containsExactly("r1", "r2", "r3");
        assertThat(MatrixTables.fromTable(table, "t").data).containsExactly(matrix.data);
    }

    @Test
    void missingCellsAndNonNumericColumnsAreNamed() {
        Table missing = Table.builder(List.of(Column.of("c1", ColumnType.DOUBLE), Column.nullable("c2", ColumnType.DOUBLE)))
                .addRowWithKey("r1", 1.0, 2.0)
                .addRowWithKey("r2", 3.0, null)
                .build();
        assertThatThrownBy(() -> MatrixTables.fromTable(missing, "input table"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("input table, row r2, column 'c2': missing value; fill it in or remove the row");

        Table text = Table.builder(List.of(Column.of("c1", ColumnType.DOUBLE), Column.of("label", ColumnType.STRING)))
                .addRowWithKey("r1", 1.0, "a")
                .build();
        assertThatThrownBy(() -> MatrixTables.fromTable(text, "input table"))
                .hasMessageStartingWith("input table, column 'label': is not numeric");

        Table nan = Table.builder(List.of(Column.of("c1", ColumnType.DOUBLE))).addRowWithKey("r1", Double.NaN).build();
        assertThatThrownBy(() -> MatrixTables.fromTable(nan, "m.csv"))
                .hasMessage("m.csv, row r1, column 'c1': 'NaN' is not a finite number; fill it in or remove the row");

        Table empty = Table.builder(List.of(Column.of("c1", ColumnType.DOUBLE))).build();
        assertThatThrownBy(() -> MatrixTables.fromTable(empty, "m.csv")).hasMessageContaining("the table is empty");
    }

    @Test
    void integerColumnsAreNumbers() {
        Table table = Table.builder(List.of(Column.of("a", ColumnType.INTEGER), Column.of("b", ColumnType.LONG)))
                .addRowWithKey("x", 1, 2L)
                .build();
        assertThat(MatrixTables.fromTable(table, "t").data).containsExactly(1, 2);
    }

    @Test
    void tablesRejectCellsOfTheWrongType() {
        assertThatThrownBy(() -> Table.builder(Schemas.SPECTRUM).addRow(1, "x", "eigenvalue"))
                .hasMessageContaining("String in a DOUBLE column");
        assertThatThrownBy(() -> Table.builder(Schemas.SPECTRUM).addRow(1, 2.0))
                .hasMessageContaining("has 2 cells, the table has 3 columns");
    }
}
