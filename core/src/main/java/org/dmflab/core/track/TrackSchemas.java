package org.dmflab.core.track;

import static org.dmflab.core.table.ColumnType.DOUBLE;
import static org.dmflab.core.table.ColumnType.INTEGER;
import static org.dmflab.core.table.ColumnType.LONG;
import static org.dmflab.core.table.ColumnType.STRING;

import java.util.List;
import org.dmflab.core.table.Column;

/**
 * The table the Spectrum Tracker adds to docs/design.md §2: the <b>hitting</b> table, one row per target eigenvalue
 * (singular value for non-symmetric targets), with {@code index}, {@code lambda} (the target value), {@code limit}
 * (what the product approaches, {@link HittingTimes}), {@code k_hit} (first recorded iteration within ε; empty if
 * never) and {@code outcome} ({@link Hitting.Outcome}: learned / not reached / never recovered). Numerical zeros of the
 * target have no row. Its plateaus table is Schemas.PLATEAUS_OBSERVED.
 */
public final class TrackSchemas {
    public static final String K_HIT = "k_hit";

    /** The hitting table. */
    public static final List<Column> HITTING = List.of(
            Column.of("index", INTEGER),
            Column.of("lambda", DOUBLE),
            Column.of("limit", DOUBLE),
            Column.nullable(K_HIT, LONG),
            Column.of("outcome", STRING));

    private TrackSchemas() {
    }
}
