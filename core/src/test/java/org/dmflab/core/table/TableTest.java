package org.dmflab.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
    private static final List<Column> NAMED = List.of(Column.of("name", ColumnType.STRING),
            Column.of("count", ColumnType.INTEGER));

    /** A leading string is a cell, never a row key: the key has its own method. */
    @Test
    void aLeadingStringIsACell() {
        Table table = Table.builder(NAMED).addRow("alpha", 1).addRowWithKey("r7", "beta", 2).build();
        assertThat(table.cell(0, 0)).isEqualTo("alpha");
        assertThat(table.rowIds()).containsExactly("Row0", "r7");
        assertThat(table.cell(1, 0)).isEqualTo("beta");
        assertThatThrownBy(() -> Table.builder(NAMED).addRow("r1", "gamma", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 cells, the table has 2 columns");
    }
}
