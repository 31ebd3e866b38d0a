package org.dmflab.core.groundtruth;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.SensingData;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.MeasurementTables;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.junit.jupiter.api.Test;

/**
 * A measurements table as the KNIME trainer hands it over (columns typed by KNIME, text or missing cells possible):
 * every cell that is not a finite number is bad input naming the table, the row and the column.
 */
class SensingDataTest {

    /** Two measurements of a 1×2 target; the first one's a2 is {@code a2}, in a column of its type. */
    private static Table table(Object a2) {
        ColumnType a2Type = a2 instanceof String ? ColumnType.STRING : ColumnType.DOUBLE;
        List<Column> columns = List.of(Column.of(Schemas.MEASUREMENT, ColumnType.INTEGER),
                Column.of(Schemas.Y, ColumnType.DOUBLE), Column.of("a1", ColumnType.DOUBLE),
                Column.nullable("a2", a2Type));
        return Table.builder(columns).addRow(1, 0.5, 1.0, a2).addRow(2, 0.25, 0.0, a2Type == ColumnType.STRING
                ? "0" : 0.0).build();
    }

    @Test
    void textNanAndMissingCellsAreNamedByRowAndColumn() {
        assertThatThrownBy(() -> MeasurementTables.fromTable(table("abc"), 1, 2, "measurements"))
                .isInstanceOf(InvalidInputException.class).hasMessage("measurements, row Row0, column 'a2': 'abc' is "
                        + "not a finite number; every measurement needs finite numbers");
        assertThatThrownBy(() -> MeasurementTables.fromTable(table(Double.NaN), 1, 2, "measurements"))
                .hasMessageStartingWith("measurements, row Row0, column 'a2': 'NaN' is not a finite number");
        assertThatThrownBy(() -> MeasurementTables.fromTable(table(null), 1, 2, "measurements"))
                .hasMessageStartingWith("measurements, row Row0, column 'a2': missing value");
    }
}
