package org.dmflab.core.table;

import org.dmflab.core.model.Spectrum;

/** The spectrum table of design.md §2 ({@code index}, {@code value}, {@code kind}), written from the {@link Spectrum} record. */
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
}
