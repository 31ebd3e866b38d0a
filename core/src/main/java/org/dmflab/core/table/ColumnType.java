package org.dmflab.core.table;

/** The cell types our tables use; each maps to one KNIME cell type and one CSV rendering. */
public enum ColumnType {
    /** 32-bit integer (KNIME IntCell), written without decimals. */
    INTEGER,
    /** 64-bit integer (KNIME LongCell), written without decimals. */
    LONG,
    /** Double (KNIME DoubleCell), written in Java's round-trip form {@link Double#toString(double)}. */
    DOUBLE,
    /** Text (KNIME StringCell). */
    STRING;

    /** Whether cells of this type are numbers. */
    public boolean isNumeric() {
        return this != STRING;
    }
}
