package org.dmflab.core.table;

import java.util.Objects;

/**
 * One column of a table: its exact name (docs/design.md §2), its type, and whether a cell may be empty (missing).
 * Only a few bound columns may be empty ({@code k_exact} when the accuracy is never reached, for example).
 */
public record Column(String name, ColumnType type, boolean nullable) {

    public Column {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a column needs a name");
        }
    }

    /** A column whose cells are never empty. */
    public static Column of(String name, ColumnType type) {
        return new Column(name, type, false);
    }

    /** A column whose cells may be empty. */
    public static Column nullable(String name, ColumnType type) {
        return new Column(name, type, true);
    }
}
