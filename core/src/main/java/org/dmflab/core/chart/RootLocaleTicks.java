package org.dmflab.core.chart;

import java.io.Serializable;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Locale;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.NumberTickUnitSource;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;

/**
 * Tick units whose labels do not depend on the JVM's locale. JFreeChart formats tick labels with the default locale's
 * symbols (a German JVM prints 1,5 where an English one prints 1.5), so the same run would draw different PNGs and
 * SVGs by machine. These are JFreeChart's own tick units — the same sizes, chosen the same way, with the same
 * patterns — formatted with {@link Locale#ROOT}'s symbols.
 */
public final class RootLocaleTicks implements TickUnitSource, Serializable {
    private static final long serialVersionUID = 1L;

    private final NumberTickUnitSource units;

    private RootLocaleTicks(boolean integers) {
        this.units = new NumberTickUnitSource(integers);
    }

    /** JFreeChart's standard tick units ({@code NumberAxis.createStandardTickUnits()}), labelled in Locale.ROOT. */
    public static TickUnitSource standard() {
        return new RootLocaleTicks(false);
    }

    /** JFreeChart's whole-number tick units ({@code NumberAxis.createIntegerTickUnits()}), labelled in Locale.ROOT. */
    public static TickUnitSource integers() {
        return new RootLocaleTicks(true);
    }

    /** A fixed tick unit of {@code size}, labelled as {@code new NumberTickUnit(size)} would be, in Locale.ROOT. */
    public static NumberTickUnit unit(double size) {
        return new NumberTickUnit(size, NumberFormat.getNumberInstance(Locale.ROOT));
    }

    /**
     * The next larger unit: JFreeChart's answer for the unit of its own that has this unit's size (it recognises its
     * own units by equality, formatter included, so the relabelled unit is mapped back by size first).
     */
    @Override
    public TickUnit getLargerTickUnit(TickUnit unit) {
        TickUnit ceiling = units.getCeilingTickUnit(unit.getSize());
        return root(ceiling.getSize() == unit.getSize() ? units.getLargerTickUnit(ceiling) : ceiling);
    }

    @Override
    public TickUnit getCeilingTickUnit(TickUnit unit) {
        return getCeilingTickUnit(unit.getSize());
    }

    @Override
    public TickUnit getCeilingTickUnit(double size) {
        return root(units.getCeilingTickUnit(size));
    }

    /**
     * The unit with the label pattern JFreeChart's {@link NumberTickUnitSource} gives a unit of its size (0.0000 …
     * 0.0 for 10⁻⁴ … 10⁻¹, #,##0 for 1 … 10⁶, #.######E0 beyond), in Locale.ROOT's symbols.
     */
    private static TickUnit root(TickUnit unit) {
        int power = (int) Math.floor(Math.log10(unit.getSize()) + 1e-9);
        String pattern = power >= -4 && power <= -1 ? "0." + "0".repeat(-power)
                : power >= 0 && power <= 6 ? "#,##0" : "#.######E0";
        return new NumberTickUnit(unit.getSize(), new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(
                Locale.ROOT)), unit.getMinorTickCount());
    }
}
