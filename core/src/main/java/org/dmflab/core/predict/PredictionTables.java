package org.dmflab.core.predict;

import static org.dmflab.core.table.ColumnType.DOUBLE;
import static org.dmflab.core.table.ColumnType.LONG;
import static org.dmflab.core.table.ColumnType.STRING;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.Schemas;
import org.dmflab.core.table.Table;
import org.dmflab.core.dynamics.Initialization;
import org.dmflab.core.model.Plateau;
import org.dmflab.core.theory.PlateauCertificate;

/**
 * The predictor's tables. {@link #BOUNDS} and {@link #PLATEAUS} are docs/design.md §2's {@link Schemas#BOUNDS} and
 * {@link Schemas#PLATEAUS} with columns of ours appended (so readers that go by column name see the design's table);
 * {@link #PROVENANCE} says, for every column, which kind of number it holds — exact, rigorous bound, estimate or
 * conjecture — and which formula of docs/theory.md it comes from. All formulas are this project's derivations in the paper's
 * framework (docs/theory.md §0), not the paper's own constants.
 */
public final class PredictionTables {
    public static final String K_SIGN_CHANGE_BOUND = "k_sign_change_bound";
    public static final String K_SIGN_CHANGE_FLOW = "k_sign_change_flow";
    public static final String EPSILON = "epsilon";
    public static final String DELTA = "delta";
    public static final String FLOW_K_START = "flow_k_start";
    public static final String FLOW_K_END = "flow_k_end";
    public static final String REASON = "reason";
    public static final String K_ESCAPE_FLOAT = "k_escape_float";

    /** Schemas.BOUNDS + {@code k_sign_change_bound} (Lemma 2.11′) and {@code k_sign_change_flow} ((47′)). */
    public static final List<Column> BOUNDS = append(Schemas.BOUNDS, List.of(
            Column.nullable(K_SIGN_CHANGE_BOUND, LONG),
            Column.nullable(K_SIGN_CHANGE_FLOW, DOUBLE)));

    /**
     * Schemas.PLATEAUS + {@code epsilon}, {@code delta} (the accuracies used for this r), {@code flow_k_start},
     * {@code flow_k_end} (N = 2 flow interval (59′) in iterations t/η), {@code reason} and {@code k_escape_float} (the
     * estimated iteration at which floating-point descent leaves a strict saddle, {@link SaddleEscape}; empty without
     * one; on certified rows only). {@code k_start} present with
     * {@code k_end} empty means certified for every k ≥ k_start; both empty means nothing is certified.
     */
    public static final List<Column> PLATEAUS = append(Schemas.PLATEAUS, List.of(
            Column.of(EPSILON, DOUBLE),
            Column.nullable(DELTA, DOUBLE),
            Column.nullable(FLOW_K_START, DOUBLE),
            Column.nullable(FLOW_K_END, DOUBLE),
            Column.of(REASON, STRING),
            Column.nullable(K_ESCAPE_FLOAT, LONG)));

    /** One row per output column: {@code table}, {@code column}, {@code applies_to}, {@code kind}, {@code source}. */
    public static final List<Column> PROVENANCE = List.of(
            Column.of("table", STRING),
            Column.of("column", STRING),
            Column.of("applies_to", STRING),
            Column.of("kind", STRING),
            Column.of("source", STRING));

    /** The kinds of number in the provenance table. */
    public static final String EXACT = "exact";
    public static final String RIGOROUS = "rigorous bound";
    public static final String ESTIMATE = "estimate";
    public static final String CONJECTURE = "conjecture";
    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String NOT_APPLICABLE = "empty";

    private PredictionTables() {
    }

    /**
     * The bounds table's columns for this configuration: {@link #BOUNDS} without those the provenance marks
     * {@value #NOT_APPLICABLE} for every eigenvalue (e.g. the sign-change columns unless the start is perturbed):
     * columns empty by construction are left out (docs/design.md §2).
     */
    public static List<Column> boundsColumns(PredictConfig config) {
        return applicable(BOUNDS, "bounds", config);
    }

    /** The plateaus table's columns for this configuration, as {@link #boundsColumns}. */
    public static List<Column> plateausColumns(PredictConfig config) {
        return applicable(PLATEAUS, "plateaus", config);
    }

    /** The bounds table, one row per eigenvalue, with the columns of {@link #boundsColumns}. */
    public static Table bounds(List<EigenvalueBounds> rows, PredictConfig config) {
        return project(allBounds(rows), boundsColumns(config));
    }

    /** The bounds table with every column of {@link #BOUNDS}. */
    static Table allBounds(List<EigenvalueBounds> rows) {
        Table.Builder builder = Table.builder(BOUNDS);
        for (EigenvalueBounds row : rows) {
            builder.addRow(row.index(), row.lambda(), row.limit(), row.regime(), row.etaMax(), cell(row.exact()),
                    cell(row.lower()), cell(row.upper()), cell(row.flow()), cell(row.asymptotic()),
                    cell(row.signChange()), cell(row.signChangeBound()), cell(row.signChangeFlow()));
        }
        return builder.build();
    }

    /** The plateaus table, one row per rank r, with the columns of {@link #plateausColumns}. */
    public static Table plateaus(List<PlateauCertificate> rows, Optional<SaddleEscape> saddle, PredictConfig config) {
        return project(allPlateaus(rows, saddle), plateausColumns(config));
    }

    /** The plateaus table with every column of {@link #PLATEAUS}. */
    static Table allPlateaus(List<PlateauCertificate> rows, Optional<SaddleEscape> saddle) {
        Table.Builder builder = Table.builder(PLATEAUS);
        OptionalLong escape = saddle.map(SaddleEscape::iteration).orElse(OptionalLong.empty());
        for (PlateauCertificate row : rows) {
            Plateau plateau = row.plateau();
            builder.addRow(plateau.r(), plateau.level(), cell(plateau.start()), cell(plateau.end()),
                    cell(plateau.bound()), row.epsilon(), cell(row.delta()), cell(row.flowStart()), cell(row.flowEnd()),
                    row.reason(), row.certified() ? cell(escape) : null);
        }
        return builder.build();
    }

    /** The provenance rows of the columns the tables of this configuration have. */
    public static Table provenance(PredictConfig config) {
        Table all = allProvenance(config);
        List<String> kept = new ArrayList<>();
        boundsColumns(config).forEach(column -> kept.add("bounds/" + column.name()));
        plateausColumns(config).forEach(column -> kept.add("plateaus/" + column.name()));
        Table.Builder builder = Table.builder(PROVENANCE);
        for (int row = 0; row < all.rowCount(); row++) {
            if (kept.contains(all.cell(row, 0) + "/" + all.cell(row, 1))) {
                Object[] cells = new Object[PROVENANCE.size()];
                for (int c = 0; c < cells.length; c++) {
                    cells[c] = all.cell(row, c);
                }
                builder.addRow(cells);
            }
        }
        return builder.build();
    }

    /** The columns of {@code all} whose provenance rows for {@code tableName} are not all {@value #NOT_APPLICABLE}. */
    private static List<Column> applicable(List<Column> all, String tableName, PredictConfig config) {
        Table provenance = allProvenance(config);
        return all.stream().filter(column -> {
            boolean applies = false;
            for (int row = 0; row < provenance.rowCount(); row++) {
                applies |= tableName.equals(provenance.cell(row, 0)) && column.name().equals(provenance.cell(row, 1))
                        && !NOT_APPLICABLE.equals(provenance.cell(row, 3));
            }
            return applies;
        }).toList();
    }

    /** {@code table} with only {@code columns} (a subset of its own, in their order). */
    private static Table project(Table table, List<Column> columns) {
        int[] from = columns.stream().mapToInt(column -> table.indexOf(column.name())).toArray();
        Table.Builder builder = Table.builder(columns);
        for (int row = 0; row < table.rowCount(); row++) {
            Object[] cells = new Object[from.length];
            for (int c = 0; c < from.length; c++) {
                cells[c] = table.cell(row, from[c]);
            }
            builder.addRow(cells);
        }
        return builder.build();
    }

    /**
     * What kind of number each column holds for this configuration, and its source in docs/theory.md; every column of
     * {@link #BOUNDS} and {@link #PLATEAUS} has at least one row.
     */
    private static Table allProvenance(PredictConfig config) {
        boolean perturbed = config.init() == Initialization.PERTURBED;
        boolean depthOne = config.depth() == 1;
        Table.Builder t = Table.builder(PROVENANCE);
        String b = "bounds";
        row(t, b, "index", "all", INPUT, "position in the descending spectrum");
        row(t, b, "lambda", "all", INPUT, "eigenvalue of Φ (spectrum table)");
        row(t, b, "limit", "all", EXACT, depthOne || perturbed
                ? "λ: Lemma 2.2′ (N = 1), Theorem 1.3 / Lemma 2.12 (perturbed start), docs/theory.md §3, §6"
                : "λ₊ = max(λ, 0): Lemma 2.2′, Theorem 1.1′ (docs/theory.md §3, §5.6)");
        row(t, b, "regime", "all", LABEL, perturbed && !depthOne
                ? "perturbed-start case (docs/theory.md §6); for λ > 0 also the case of (24′) evaluated at β"
                : "case of (24′) used (docs/theory.md §5.3), or N = 1");
        if (depthOne) {
            row(t, b, "eta_max", "N = 1", RIGOROUS, "η ≤ 1: monotone convergence (Lemma 2.2′); divergence for η > 2");
            row(t, b, "k_exact", "N = 1", EXACT, "recursion (18) with N = 1 until |x − λ| ≤ ε|λ| (docs/design.md §3)");
            row(t, b, "k_lower", "N = 1", EXACT, "K_ε = ⌈ln(|x(0) − λ|/ε)/(−ln|1 − η|)⌉, Lemma 2.2′ (equals k_upper)");
            row(t, b, "k_upper", "N = 1", EXACT, "K_ε = ⌈ln(|x(0) − λ|/ε)/(−ln|1 − η|)⌉, Lemma 2.2′");
            row(t, b, "k_flow", "N = 1", ESTIMATE, "flow x(t) = λ + (x(0) − λ)e^{−t} (Lemma 2.5), t/η");
            row(t, b, "k_asymptotic", "N = 1", NOT_APPLICABLE, "(12′) needs N ≥ 2");
        } else if (!perturbed) {
            row(t, b, "eta_max", "all", RIGOROUS, "(20′) Lemma 2.2′: largest η with monotone convergence");
            row(t, b, "k_exact", "all", EXACT, "recursion (18) until |x^N − λ₊| ≤ ε|λ| (ε‖Φ‖₂ for λ = 0), "
                    + "docs/design.md §3; empty if not reached within the horizon");
            row(t, b, "k_lower", "λ > α^N + ε, η ≤ 1/(Nλ^{2−2/N})", RIGOROUS, "(27′) Theorem 2.4′");
            row(t, b, "k_upper", "η ≤ eta_max", RIGOROUS, "(24′)/(26′) Theorem 2.4′, case in regime");
            row(t, b, "k_flow", "all", ESTIMATE, "gradient-flow time (22′)/(29′): τ(α → accuracy)/η");
            row(t, b, "k_asymptotic", "α < x*, (λ−ε)^{1/N} > x*", ESTIMATE,
                    "(12′) with c_N of Lemma E.1′ (N = 2: exact t*)");
        } else {
            row(t, b, "eta_max", "all", CONJECTURE, "(14′) with ‖Φ‖₂ replaced by |λ| (docs/theory.md §6.4)");
            row(t, b, "k_exact", "all", EXACT, "recursion (40)/(41) until |x y^{N−1} − λ| ≤ ε|λ| (ε‖Φ‖₂ for λ = 0)");
            row(t, b, "k_lower", "all", NOT_APPLICABLE, "no lower bound for perturbed starts in docs/theory.md");
            row(t, b, "k_upper", "λ > 0, η ≤ eta_max", CONJECTURE, "(15′) T_N(λ, β, η, ε) = (24′) started at β");
            row(t, b, "k_flow", "λ < 0", ESTIMATE, "(16′): (t_K + t₂)/η");
            row(t, b, "k_flow", "λ ≥ 0", ESTIMATE,
                    "flow of (40) with conserved y² − x² = α² − β² (as in (47′)/(16′)), from x = β");
            row(t, b, "k_asymptotic", "all", NOT_APPLICABLE, "(12′) is for identical starts");
        }
        if (perturbed && !depthOne) {
            row(t, b, "k_sign_change", "λ < 0", EXACT, "(46) K = min{k : x(k) < 0} on the recursion (40)/(41)");
            row(t, b, K_SIGN_CHANGE_BOUND, "λ < 0, ρ̄ < 1, ρ̄S* < 1", RIGOROUS, "Lemma 2.11′");
            row(t, b, K_SIGN_CHANGE_FLOW, "λ < 0", ESTIMATE, "(47′) t_K/η");
        } else {
            row(t, b, "k_sign_change", "all", NOT_APPLICABLE, "phase transition (46): perturbed start, N ≥ 2, λ < 0");
            row(t, b, K_SIGN_CHANGE_BOUND, "all", NOT_APPLICABLE, "Lemma 2.11′: perturbed start only");
            row(t, b, K_SIGN_CHANGE_FLOW, "all", NOT_APPLICABLE, "(47′): perturbed start only");
        }
        String p = "plateaus";
        row(t, p, "r", "all", INPUT, "rank");
        row(t, p, "level", "all", EXACT, "r_eff(Φ_r) = Σ_{i≤r} σᵢ/σ₁ with σ = |λ| descending (= Σ λᵢ/λ₁ for PSD Φ), "
                + "docs/theory.md §7.1");
        row(t, p, "k_start", "identical start, N ≥ 2, Φ PSD", RIGOROUS,
                "(63′) Theorem 3.5′: K_lead = max_{i≤r} T_N(λᵢ, α, η, ελᵢ) by (24′)");
        row(t, p, "k_end", "identical start, N ≥ 2, Φ PSD", RIGOROUS,
                "(63′) Theorem 3.5′: K_tail = Λ_N(λ_{r+1}, α, η, δ(1−ε)λ₁), Lemma 3.8′; empty = unbounded");
        row(t, p, "bound", "all", RIGOROUS, "(64′)/(61′) ε/(1−ε)·r_eff(Φ_r) + (n−r)δ, valid on [k_start, k_end] (and on the flow interval); "
                + "empty when nothing is certified");
        row(t, p, EPSILON, "all", INPUT, config.targetAccuracy().isPresent()
                ? "(65′) ε = τ/(2 r_eff(Φ_r) + τ)" : "setting epsilon");
        row(t, p, DELTA, "all", INPUT, config.targetAccuracy().isPresent()
                ? "(65′) δ = τ/(2(n − r)); empty for r = n" : "setting delta");
        boolean identical = config.init() == Initialization.IDENTITY;
        if (config.depth() == 2 && identical) {
            row(t, p, FLOW_K_START, "N = 2, identical start", ESTIMATE,
                    "Theorem 3.1′ (59′) I₁ ∩ I₂ divided by η: rigorous for the gradient flow, an estimate for descent");
            row(t, p, FLOW_K_END, "N = 2, identical start", ESTIMATE, "as flow_k_start; empty = unbounded");
        } else {
            row(t, p, FLOW_K_START, "all", NOT_APPLICABLE, "Theorem 3.1′ (59′): N = 2 and an identical start only");
            row(t, p, FLOW_K_END, "all", NOT_APPLICABLE, "Theorem 3.1′ (59′): N = 2 and an identical start only");
        }
        row(t, p, REASON, "all", LABEL, "which hypothesis of Theorem 3.5′ holds or fails; for a strict saddle whether "
                + "it holds for floating-point descent (docs/theory.md §2.3)");
        if (identical && !depthOne) {
            row(t, p, K_ESCAPE_FLOAT, "identical start, N ≥ 2, |λ_b| > λ_a for some λ_b < 0 < λ_a", ESTIMATE,
                    "(2.3′) escape of floating-point descent from the strict saddle (docs/theory.md §2.3); the "
                            + "certificate holds for the matrix solver only before it; empty = no strict saddle or "
                            + "beyond the horizon");
        } else {
            row(t, p, K_ESCAPE_FLOAT, "all", NOT_APPLICABLE, "the strict saddle (docs/theory.md §2.3) is that of an "
                    + "identical start with N ≥ 2");
        }
        return t.build();
    }

    private static void row(Table.Builder table, String tableName, String column, String appliesTo, String kind,
                            String source) {
        table.addRow(tableName, column, appliesTo, kind, source);
    }

    private static Long cell(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    private static Double cell(OptionalDouble value) {
        return value.isPresent() ? value.getAsDouble() : null;
    }

    private static List<Column> append(List<Column> first, List<Column> second) {
        List<Column> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
