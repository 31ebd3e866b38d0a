package org.dmflab.knime.common;

import java.util.Optional;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataTableSpecCreator;

/**
 * What the Ground Truth Generator tells its successors about the target at configure time, as properties of the target
 * table's spec: its row count and whether it is symmetric. The trainer's trace has exactly the columns its run fills
 * (docs/design.md §2), which depend on both; with them it declares its trace's columns before execution, without them
 * (another node in between, a table from elsewhere) only once the target is there.
 */
public final class TargetSpecs {
    static final String ROWS = "dmflab.target.rows";
    static final String SYMMETRIC = "dmflab.target.symmetric";

    private TargetSpecs() {
    }

    /** The target's shape as its spec declares it. */
    public record Shape(int rows, int columns, boolean symmetric) {
    }

    /** {@code spec} carrying the target's row count and symmetry. */
    public static DataTableSpec withShape(DataTableSpec spec, int rows, boolean symmetric) {
        return new DataTableSpecCreator(spec).putProperty(ROWS, Integer.toString(rows))
                .putProperty(SYMMETRIC, Boolean.toString(symmetric)).createSpec();
    }

    /** The shape a target spec declares, if it does (a spec without the properties, or a malformed one, does not). */
    public static Optional<Shape> shape(DataTableSpec spec) {
        String rows = spec.getProperties().get(ROWS);
        String symmetric = spec.getProperties().get(SYMMETRIC);
        if (rows == null || symmetric == null || !rows.matches("[1-9]\\d{0,9}")) {
            return Optional.empty();
        }
        long count = Long.parseLong(rows);
        return count > Integer.MAX_VALUE ? Optional.empty()
                : Optional.of(new Shape((int) count, spec.getNumColumns(), Boolean.parseBoolean(symmetric)));
    }
}
