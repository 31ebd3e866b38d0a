package org.dmflab.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The message helpers every check shares. */
class InvalidInputExceptionTest {

    /** One alternative alone, two joined by "or", more by commas with "or" before the last. */
    @Test
    void theAlternativesAMessageOffers() {
        assertThat(InvalidInputException.oneOf(List.of("full"))).isEqualTo("full");
        assertThat(InvalidInputException.oneOf(List.of("full", "sensing"))).isEqualTo("full or sensing");
        assertThat(InvalidInputException.oneOf(List.of("identity", "perturbed", "gaussian", "scaled")))
                .isEqualTo("identity, perturbed, gaussian or scaled");
    }

    /** The subject leads the message, and is kept. */
    @Test
    void theMessageNamesItsSubjectFirst() {
        InvalidInputException problem = new InvalidInputException("step", "must be positive; e.g. step=0.01");
        assertThat(problem).hasMessage("step: must be positive; e.g. step=0.01");
        assertThat(problem.subject()).isEqualTo("step");
    }
}
