package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.List;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Spectrum;
import org.dmflab.core.model.SpectrumKind;

/**
 * The spectrum table of docs/design.md §2 ({@code index}, {@code value}, {@code kind}) written from and read into the
 * {@link Spectrum} record.
 */
public final class SpectrumTables {
    private SpectrumTables() {
    }

    /** The spectrum table: {@code index} (1-based), {@code value}, {@code kind}. */
    public static Table toTable(Spectrum spectrum) {
        Table.Builder builder = Table.builder(Schemas.SPECTRUM);
        for (int i = 0; i < spectrum.size(); i++) {
            builder.addRow(i + 1, spectrum.value(i), spectrum.kind().label());
        }
        return builder.build();
    }

    /** Whether {@code table} has the columns of the spectrum table (the rule that tells it from a matrix table). */
    public static boolean isSpectrumTable(Table table) {
        return table.indexOf(Schemas.INDEX) >= 0 && table.indexOf(Schemas.VALUE) >= 0 && table.indexOf(Schemas.KIND) >= 0;
    }

    /**
     * The one reader of the spectrum table (the predictor's and the tracker's input alike): indices 1 … n in order, finite values in descending order, one kind for all rows. Names
     * the missing columns or the offending cell.
     */
    public static Spectrum fromTable(Table table, String source) {
        List<String> missing = new ArrayList<>();
        for (String name : List.of(Schemas.INDEX, Schemas.VALUE, Schemas.KIND)) {
            if (table.indexOf(name) < 0) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source, "is not a spectrum table: missing column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (a spectrum table has index, value, kind)");
        }
        if (table.rowCount() == 0) {
            throw new InvalidInputException(source, "the spectrum table has no rows; it needs one row per eigenvalue "
                    + "or singular value");
        }
        int indexColumn = table.indexOf(Schemas.INDEX);
        int valueColumn = table.indexOf(Schemas.VALUE);
        int kindColumn = table.indexOf(Schemas.KIND);
        double[] values = new double[table.rowCount()];
        SpectrumKind kind = null;
        for (int row = 0; row < table.rowCount(); row++) {
            String where = source + ", " + table.rowLocation(row);
            Object index = table.cell(row, indexColumn);
            if (!(index instanceof Number indexNumber) || indexNumber.doubleValue() != row + 1) {
                throw new InvalidInputException(where + ", column 'index'", "is " + index + " but should be "
                        + (row + 1) + "; list the values with indices 1, 2, … in order");
            }
            values[row] = Checks.finiteCell(where + ", column 'value'", table.cell(row, valueColumn),
                    "every row of a spectrum table has its value");
            if (row > 0 && values[row] > values[row - 1]) {
                throw new InvalidInputException(where + ", column 'value'", values[row] + " is larger than the value "
                        + values[row - 1] + " before it; a spectrum table lists its values in descending order");
            }
            SpectrumKind rowKind = SpectrumKind.fromLabel(String.valueOf(table.cell(row, kindColumn)));
            if (rowKind == null) {
                throw new InvalidInputException(where + ", column 'kind'", "'" + table.cell(row, kindColumn)
                        + "' is not a kind; use '" + SpectrumKind.EIGENVALUE.label() + "' or '"
                        + SpectrumKind.SINGULAR_VALUE.label() + "'");
            }
            if (kind != null && rowKind != kind) {
                throw new InvalidInputException(where + ", column 'kind'", "is '" + rowKind.label()
                        + "' but earlier rows are '" + kind.label() + "'; a spectrum has one kind");
            }
            kind = rowKind;
        }
        if (kind == SpectrumKind.SINGULAR_VALUE && values[values.length - 1] < 0) {
            throw new InvalidInputException(source + ", " + table.rowLocation(values.length - 1) + ", column 'value'",
                    values[values.length - 1] + " is negative but singular values are not; use kind '"
                            + SpectrumKind.EIGENVALUE.label() + "' or fix the value");
        }
        return new Spectrum(values, kind);
    }
}
