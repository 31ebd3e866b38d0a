package org.dmflab.core.model;

/** Whether a spectrum lists eigenvalues (symmetric matrices) or singular values (all others). */
public enum SpectrumKind {
    EIGENVALUE("eigenvalue"),
    SINGULAR_VALUE("singular value");

    private final String label;

    SpectrumKind(String label) {
        this.label = label;
    }

    /** The word used in the {@code kind} column of the spectrum table. */
    public String label() {
        return label;
    }

    /** The kind whose label is {@code label}, or {@code null} if none. */
    public static SpectrumKind fromLabel(String label) {
        for (SpectrumKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        return null;
    }
}
