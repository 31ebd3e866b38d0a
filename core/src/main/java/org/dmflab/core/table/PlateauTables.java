package org.dmflab.core.table;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.Checks;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.Plateau;

/**
 * The predictor's plateaus table (docs/design.md §2, {@link Schemas#PLATEAUS}) read into {@link Plateau} records, one per rank
 * r = 1, 2, … in order; {@code k_start}, {@code k_end} and {@code bound} may be empty. Only files and KNIME ports come
 * through here: inside the engine the predictor's records go to the tracker directly.
 */
public final class PlateauTables {
    private PlateauTables() {
    }

    /**
     * Reads a plateaus table (the predictor's, or any with the columns of {@link Schemas#PLATEAUS}), checking the columns (naming the missing ones), ranks 1, 2, … in order, finite levels,
     * and start ≤ end where both are given.
     */
    public static List<Plateau> fromTable(Table table, String source) {
        List<String> missing = new ArrayList<>();
        for (var column : Schemas.PLATEAUS) {
            if (table.indexOf(column.name()) < 0) {
                missing.add(column.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException(source, "is not a plateaus table: missing column"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing)
                    + " (the predictor's plateaus table has r, level, k_start, k_end, bound)");
        }
        int rColumn = table.indexOf("r");
        int levelColumn = table.indexOf("level");
        int startColumn = table.indexOf("k_start");
        int endColumn = table.indexOf("k_end");
        int boundColumn = table.indexOf("bound");
        List<Plateau> rows = new ArrayList<>(table.rowCount());
        for (int row = 0; row < table.rowCount(); row++) {
            String where = source + ", " + table.rowLocation(row);
            Object r = table.cell(row, rColumn);
            if (!(r instanceof Number number) || number.doubleValue() != row + 1) {
                throw new InvalidInputException(where + ", column 'r'", "is " + r + " but should be " + (row + 1)
                        + "; list the plateaus for r = 1, 2, … in order");
            }
            double level = Checks.finiteCell(where + ", column 'level'", table.cell(row, levelColumn),
                    "every plateau has its level");
            OptionalLong start = wholeNumber(table.cell(row, startColumn), where + ", column 'k_start'");
            OptionalLong end = wholeNumber(table.cell(row, endColumn), where + ", column 'k_end'");
            if (start.isPresent() && end.isPresent() && start.getAsLong() > end.getAsLong()) {
                throw new InvalidInputException(where, "k_start " + start.getAsLong() + " is after k_end "
                        + end.getAsLong() + "; an interval needs k_start ≤ k_end (leave both empty for none)");
            }
            Object boundCell = table.cell(row, boundColumn);
            OptionalDouble bound = OptionalDouble.empty();
            if (boundCell != null) {
                bound = OptionalDouble.of(Checks.finiteCell(where + ", column 'bound'", boundCell,
                        "leave it empty when there is none"));
            }
            rows.add(new Plateau(row + 1, level, start, end, bound));
        }
        return List.copyOf(rows);
    }

    private static OptionalLong wholeNumber(Object cell, String where) {
        if (cell == null) {
            return OptionalLong.empty();
        }
        if (!(cell instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
                || number.doubleValue() < 0) {
            throw new InvalidInputException(where, InvalidInputException.quote(cell) + " is not an iteration (a whole number ≥ 0, or empty)");
        }
        return OptionalLong.of(number.longValue());
    }
}
