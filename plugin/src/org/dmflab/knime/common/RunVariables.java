package org.dmflab.knime.common;

import java.util.LinkedHashMap;
import java.util.Map;
import org.dmflab.core.dynamics.RunSettings;

/**
 * The flow variables through which the Deep Factorization Trainer passes its run dynamics (depth, step, start, α and
 * β as it used them) to a Theoretical Bound Predictor downstream, keyed by the setting each one sets.
 */
public final class RunVariables {
    /** Setting key → flow variable name. */
    public static final Map<String, String> NAMES;

    static {
        Map<String, String> names = new LinkedHashMap<>();
        for (String key : RunSettings.SETTINGS.stream().map(s -> s.key()).toList()) {
            names.put(key, "dmflab_run_" + key);
        }
        NAMES = java.util.Collections.unmodifiableMap(names);
    }

    private RunVariables() {
    }
}
