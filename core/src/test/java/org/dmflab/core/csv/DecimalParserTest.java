package org.dmflab.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The fast parser against the independent truth, {@link Double#parseDouble}: bit for bit. */
class DecimalParserTest {

    private static void agrees(String text) {
        assertThat(Double.doubleToRawLongBits(DecimalParser.parse(text))).as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Test
    void everyDoubleToStringFormReadsBackToTheSameDouble() {
        Random random = new Random(9);
        for (int k = 0; k < 300_000; k++) {
            double value = k % 2 == 0 ? Double.longBitsToDouble(random.nextLong()) : random.nextGaussian()
                    * Math.pow(10, random.nextInt(40) - 20);
            if (Double.isFinite(value)) {
                agrees(Double.toString(value));
            }
        }
    }

    @Test
    void randomDecimalStringsOfEveryLengthAndExponentRoundAsJavaDoes() {
        Random random = new Random(11);
        for (int k = 0; k < 200_000; k++) {
            int digits = 1 + random.nextInt(24);
            StringBuilder text = new StringBuilder(random.nextBoolean() ? "-" : "");
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                text.insert(text.length() - random.nextInt(digits + 1), '.');
                if (text.charAt(text.length() - 1) == '-') {
                    text.append('0');
                }
            }
            if (random.nextBoolean()) {
                text.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(700) - 350);
            }
            String candidate = text.toString();
            if (StrictNumbers.isDecimal(candidate)) {
                agrees(candidate);
            }
        }
    }

    @Test
    void halfwayCasesSubnormalsAndLimitsRoundAsJavaDoes() {
        Random random = new Random(13);
        for (int k = 0; k < 5_000; k++) {
            double value = Double.longBitsToDouble(random.nextLong() & 0x7FFFFFFFFFFFFFFFL);
            if (!Double.isFinite(value) || value == Double.MAX_VALUE) {
                continue;
            }
            // exactly halfway between value and the next double, and one unit either side in the 17th digit
            BigDecimal halfway = new BigDecimal(value).add(new BigDecimal(Math.nextUp(value))).divide(BigDecimal.valueOf(2));
            agrees(halfway.toString().replace("E+", "e"));
            agrees(halfway.round(new java.math.MathContext(19)).toString());
            agrees(halfway.round(new java.math.MathContext(17)).toString());
        }
        for (String text : new String[]{"4.9E-324", "2.4703282292062327E-324", "2.4703282292062328E-324",
                "2.2250738585072011E-308", "2.2250738585072014E-308", "1.7976931348623157E308",
                "1.7976931348623158E308", "9007199254740993", "9007199254740992.5", "0.1", "1e23", "8.41e21",
                "1e-342", "1e-343", "1e308", "0.0000000000000000000000000001", "123456789012345678901234567890",
                "9999999999999999999", "18446744073709551615", "0", "-0", "0e400", "1e-400", "+1.5"}) {
            agrees(text);
        }
        assertThat(DecimalParser.parse("1.5d")).isNaN();
        assertThat(DecimalParser.parse("NaN")).isNaN();
        assertThat(DecimalParser.parse("1e")).isNaN();
        assertThat(DecimalParser.parse(".")).isNaN();
        assertThat(DecimalParser.parse("1e309")).isInfinite();
    }
}
