package org.dmflab.core.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.model.StartKind;
import org.dmflab.core.settings.RawSettings;
import org.dmflab.core.settings.Setting;

/**
 * The kinds of start (docs/theory.md §1.4–1.6), the one list every front end's choices, help and checks derive from:
 * identical αI (7), perturbed identical W₁ = βI and the others αI (13/38), or i.i.d. Gaussian entries with standard
 * deviation σ (§1.6). Each kind names its settings and reads its {@link Start} from them; a new start is a new
 * constant here and its {@link Start} class.
 */
public enum Initialization implements StartKind {
    IDENTITY("Identity start: every factor αI", true, true, Identity::read, Identity.ALPHA_SETTING),
    PERTURBED("Perturbed start: W₁ = βI, the others αI", false, true, Perturbed::read, Identity.ALPHA_SETTING,
            Perturbed.BETA_SETTING),
    GAUSSIAN("Gaussian start: random entries N(0, σ²)", false, false, Gaussian::read, Gaussian.SIGMA_SETTING,
            Gaussian.SEED_SETTING, Gaussian.DETERMINANT_SETTING);

    /** The setting key ({@code init}) shared by the trainer and the predictor. */
    static final String KEY = "init";

    private final String label;
    private final boolean identical;
    private final boolean covered;
    private final Function<RawSettings, Start> reader;
    private final List<Setting> settings;

    Initialization(String label, boolean identical, boolean covered, Function<RawSettings, Start> reader,
                   Setting... settings) {
        this.label = label;
        this.identical = identical;
        this.covered = covered;
        this.reader = reader;
        this.settings = List.of(settings);
    }

    /** Parses a kind's key ({@code identity}, {@code perturbed}, …); blank means identity. */
    public static Initialization parse(String text) {
        if (text == null || text.isBlank()) {
            return IDENTITY;
        }
        String key = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst()
                .orElseThrow(() -> new InvalidInputException(KEY, "'" + text.trim()
                        + "' is not an initialization; use " + keys()));
    }

    /** The keys of every kind, as a message lists them: {@code identity, perturbed or gaussian}. */
    public static String keys() {
        return InvalidInputException.oneOf(Arrays.stream(values()).map(Initialization::key).toList());
    }

    /** The setting value. */
    @Override
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The choice's words in the dialogs and the CLI's help. */
    public String label() {
        return label;
    }

    @Override
    public boolean identical() {
        return identical;
    }

    /**
     * Whether the theory covers this start (docs/theory.md §1.4–1.5: identity and perturbed, every factor a multiple
     * of the identity): only then do the predictor, the exact recursion, the flow and the certified stop rule apply.
     */
    public boolean covered() {
        return covered;
    }

    /** The settings this kind reads (its scales), without the rule saying when they are read. */
    List<Setting> settings() {
        return settings;
    }

    /** The start of this kind from the settings, reading only its own scales; absent ones take their defaults. */
    public Start start(RawSettings values) {
        return reader.apply(values);
    }

    /** The keys of the kinds reading {@code setting}. */
    static String[] readers(Setting setting) {
        return Arrays.stream(values()).filter(kind -> kind.settings.contains(setting)).map(Initialization::key)
                .toArray(String[]::new);
    }

    /** Every kind's settings, each once, in the kinds' order. */
    static List<Setting> allSettings() {
        return Arrays.stream(values()).flatMap(kind -> kind.settings.stream()).distinct()
                .collect(Collectors.toList());
    }
}
