package org.dmflab.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dmflab.core.RandomCases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte tokenizer against an independent RFC 4180 parser (commons-csv, test scope only) on random files: quoted cells
 * with commas, doubled quotes, LF and CRLF inside, non-ASCII text, LF and CRLF line ends, files of several buffer
 * lengths so that cells, quotes and CRLF pairs straddle the 64 KB buffer boundary; and the line on which each record
 * starts, counted independently.
 */
class CsvTokenizerTest {

    static Stream<Arguments> files() {
        return RandomCases.of(5, 12, random -> new Object[]{random.nextLong(), 1 + random.nextInt(8),
                500 + random.nextInt(8_000)});
    }

    @ParameterizedTest(name = "seed {0}, {1} columns, {2} rows")
    @MethodSource("files")
    void recordsAndLinesAgreeWithAReferenceParser(long seed, int columns, int rows) throws IOException {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        List<Long> startLines = new ArrayList<>();
        long line = 1;
        for (int r = 0; r < rows; r++) {
            startLines.add(line);
            for (int c = 0; c < columns; c++) {
                if (c > 0) {
                    text.append(',');
                }
                String cell = randomCell(random);
                text.append(cell);
                line += cell.chars().filter(ch -> ch == '\n').count();
            }
            text.append(random.nextInt(4) == 0 ? "\r\n" : "\n");
            line++;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);

        List<CSVRecord> expected;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text.toString()))) {
            expected = parser.getRecords();
        }
        List<String> cells = new ArrayList<>();
        try (CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(bytes), "f.csv")) {
            for (int r = 0; r < rows; r++) {
                assertThat(tokenizer.next(cells)).isTrue();
                assertThat(cells).as("record %d", r).containsExactlyElementsOf(expected.get(r).toList());
                assertThat(tokenizer.recordLine()).as("line of record %d", r).isEqualTo(startLines.get(r));
            }
            assertThat(tokenizer.next(cells)).isFalse();
            assertThat(tokenizer.bytesRead()).isEqualTo(bytes.length);
        }
    }

    /** A cell that is never empty (the tokenizer skips blank lines, and a one-column empty cell is one). */
    private static String randomCell(Random random) {
        switch (random.nextInt(6)) {
            case 0:
                return Double.toString(random.nextGaussian());
            case 1:
                return "\"" + pick(random, "a,b", "say \"\"hi\"\"", "multi\nline", "crlf\r\ninside", "größe λ", ",")
                        + "\"";
            case 2:
                return pick(random, "eigenvalue", "singular value", "λ₁", "x");
            case 3:
                return "\"" + random.nextInt(1000) + "\"";
            default:
                return Long.toString(random.nextLong());
        }
    }

    private static String pick(Random random, String... options) {
        return options[random.nextInt(options.length)];
    }
}
