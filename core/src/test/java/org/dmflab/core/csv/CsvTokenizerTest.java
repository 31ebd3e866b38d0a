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
 * with commas, doubled quotes, LF and CRLF inside, non-ASCII text, LF, CRLF and CR line ends, files of several buffer
 * lengths so that cells, quotes and CRLF pairs straddle the 64 KB buffer boundary; and the line on which each record
 * starts, counted independently. Then every line-end convention placed at every position around the buffer boundary.
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
            text.append(pick(random, "\n", "\n", "\r\n", "\r"));
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

    static Stream<Arguments> lineEndsAtTheBufferBoundary() {
        List<Arguments> cases = new ArrayList<>();
        for (String lineEnd : List.of("\n", "\r\n", "\r")) {
            for (int offset = CsvTokenizer.BUFFER - 4; offset <= CsvTokenizer.BUFFER + 3; offset++) {
                for (String variant : List.of("plain", "quoted", "blank line after")) {
                    cases.add(Arguments.of(lineEnd.replace("\r", "CR").replace("\n", "LF"), offset, variant));
                }
            }
        }
        return cases.stream();
    }

    /**
     * A line end whose first byte lies at {@code offset} in the file, for offsets on both sides of the buffer length
     * (so its bytes straddle the first refill in every way), after an unquoted or a quoted cell, with or without a
     * blank line after it: the records and their lines are the ones written.
     */
    @ParameterizedTest(name = "{0} at byte {1}, {2}")
    @MethodSource("lineEndsAtTheBufferBoundary")
    void everyLineEndReadsAtEveryPositionOfTheBufferBoundary(String convention, int offset, String variant)
            throws IOException {
        String lineEnd = convention.replace("CR", "\r").replace("LF", "\n");
        String header = "c1,c2" + lineEnd;
        boolean quoted = variant.equals("quoted");
        int filler = offset - header.length() - "1,".length() - (quoted ? 2 : 0);
        String long1 = "7".repeat(filler);
        String text = header + "1," + (quoted ? "\"" + long1 + "\"" : long1) + lineEnd
                + (variant.equals("blank line after") ? lineEnd : "") + "2,3" + lineEnd;
        assertThat(text.indexOf(lineEnd, header.length())).isEqualTo(offset);

        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        try (CsvTokenizer tokenizer = new CsvTokenizer(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                "f.csv")) {
            while (tokenizer.next(cells)) {
                records.add(List.copyOf(cells));
                lines.add(tokenizer.recordLine());
            }
        }
        assertThat(records).containsExactly(List.of("c1", "c2"), List.of("1", long1), List.of("2", "3"));
        assertThat(lines).containsExactly(1L, 2L, variant.equals("blank line after") ? 4L : 3L);
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
