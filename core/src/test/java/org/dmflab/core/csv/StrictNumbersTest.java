package org.dmflab.core.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dmflab.core.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrictNumbersTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "+3", "1.5", "-1.5", ".5", "5.", "1e3", "1E-300", "2.5e+10", "4.9E-324",
            "-0.0", "1.7976931348623157E308", "007"})
    void decimalsInTheCsvSyntaxAreAccepted(String text) {
        assertThat(StrictNumbers.isDecimal(text)).isTrue();
        assertThat(StrictNumbers.parseDouble(text, "x")).isEqualTo(Double.parseDouble(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5d", "3f", "2D", "0x1p3", "0X1.8P1", "NaN", "Infinity", "-Infinity", "", "+", "-",
            ".", "e5", "1e", "1e+", "1,5", " 1", "1 ", "1..2", "1e5.5", "١٢", "1_000", "--1"})
    void javaExtrasAndNonFiniteValuesAreRefused(String text) {
        assertThat(StrictNumbers.isDecimal(text)).isFalse();
        assertThatThrownBy(() -> StrictNumbers.parseDouble(text, "m.csv line 3, column 'c2'"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("m.csv line 3, column 'c2': '" + text + "' is not");
    }

    @Test
    void nanAndInfinityAreNamedAsNonFinite() {
        assertThatThrownBy(() -> StrictNumbers.parseDouble("NaN", "t.csv line 4, column 'loss'"))
                .hasMessage("t.csv line 4, column 'loss': 'NaN' is not a finite number; every value must be a finite "
                        + "decimal number");
    }

    @Test
    void aNumberBeyondTheLargestDoubleIsRefused() {
        assertThatThrownBy(() -> StrictNumbers.parseDouble("1e309", "w")).hasMessageContaining("beyond the largest");
    }

    @Test
    void wholeNumbersAreDigitsWithinTheirRange() {
        assertThat(StrictNumbers.parseWhole("+12", 0, 100, "w")).isEqualTo(12);
        assertThat(StrictNumbers.parseWhole("-9223372036854775808", Long.MIN_VALUE, Long.MAX_VALUE, "w"))
                .isEqualTo(Long.MIN_VALUE);
        for (String bad : new String[]{"1.0", "1e3", "12L", "0x10", "", "١"}) {
            assertThatThrownBy(() -> StrictNumbers.parseWhole(bad, 0, 100, "w"))
                    .hasMessageContaining("is not a whole number");
        }
        assertThatThrownBy(() -> StrictNumbers.parseWhole("2147483648", Integer.MIN_VALUE, Integer.MAX_VALUE, "w"))
                .hasMessageContaining("outside the range");
        assertThatThrownBy(() -> StrictNumbers.parseWhole("99999999999999999999", Long.MIN_VALUE, Long.MAX_VALUE,
                "w")).hasMessageContaining("outside the range");
    }
}
