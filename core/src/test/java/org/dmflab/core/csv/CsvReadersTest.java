package org.dmflab.core.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.Progress;
import org.dmflab.core.table.Column;
import org.dmflab.core.table.ColumnType;
import org.dmflab.core.table.Table;
import org.dmflab.core.table.TraceTables;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one strict reader: what it accepts, and the one-line message for each kind of bad file. */
class CsvReadersTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws IOException {
        return Files.write(dir.resolve(name), text.getBytes(StandardCharsets.UTF_8));
    }

    private String matrixError(Path file) {
        return messageOf(() -> CsvMatrixReader.read(file, Progress.NONE));
    }

    private static String messageOf(Runnable read) {
        try {
            read.run();
        } catch (InvalidInputException e) {
            assertThat(e.getMessage()).doesNotContain("\n");
            return e.getMessage();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void aMatrixIsReadWithCrLfQuotesBlankLinesAndBom() throws IOException {
        Path m = Files.write(dir.resolve("m.csv"), concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "c1,\"c2\"\r\n1.5,-2\r\n\r\n\"3e-3\",4\r\n".getBytes(StandardCharsets.UTF_8)));
        DMatrixRMaj matrix = CsvMatrixReader.read(m, Progress.NONE);
        assertThat(matrix.numRows).isEqualTo(2);
        assertThat(matrix.numCols).isEqualTo(2);
        assertThat(matrix.data).containsExactly(1.5, -2, 3e-3, 4);
    }

    @Test
    void aDuplicatedHeaderIsNamed() throws IOException {
        assertThat(matrixError(file("d.csv", "c1,c1\n1,2\n"))).isEqualTo(dir.resolve("d.csv") + " line 1, column "
                + "'c1': the header names column 'c1' twice (columns 1 and 2); give every column its own name");
        assertThat(messageOf(() -> CsvTableReader.read(dir.resolve("d.csv"), Map.of(), "", Progress.NONE)))
                .contains("line 1, column 'c1': the header names column 'c1' twice");
    }

    @Test
    void aFileWithoutHeaderIsRefused() throws IOException {
        assertThat(matrixError(file("h.csv", "1,2\n2,1\n"))).isEqualTo(dir.resolve("h.csv") + " line 1: the first "
                + "line looks like data, not a header; add a header line c1,…,c2 (a matrix) or the table's column "
                + "names");
    }

    @Test
    void javaSuffixesAndNonFiniteCellsAreNamedWithLineAndColumn() throws IOException {
        assertThat(matrixError(file("s.csv", "c1,c2\n1,2\n\n3,1.5d\n"))).startsWith(dir.resolve("s.csv")
                + " line 4, column 'c2': '1.5d' is not a number");
        assertThat(matrixError(file("n.csv", "c1,c2\n1,NaN\n"))).startsWith(dir.resolve("n.csv")
                + " line 2, column 'c2': 'NaN' is not a finite number");
        assertThat(matrixError(file("x.csv", "c1\n0x1p3\n"))).contains("line 2, column 'c1': '0x1p3' is not a "
                + "number");
        assertThat(matrixError(file("e.csv", "c1,c2\n1,\n"))).contains("line 2, column 'c2': empty cell");
    }

    @Test
    void utf16IsRecognisedByItsByteOrderMarkOrNulBytes() throws IOException {
        Path withBom = Files.write(dir.resolve("u.csv"), "\uFEFFc1\n1\n".getBytes(StandardCharsets.UTF_16LE));
        assertThat(matrixError(withBom)).isEqualTo(withBom + ": file is UTF-16 (or binary), not UTF-8; save it as "
                + "UTF-8 (CSV UTF-8 in a spreadsheet program)");
        Path withoutBom = Files.write(dir.resolve("v.csv"), "c1\n1\n".getBytes(StandardCharsets.UTF_16BE));
        assertThat(matrixError(withoutBom)).contains("file is UTF-16");
        Path latin1 = Files.write(dir.resolve("l.csv"), "c1,größe\n1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(matrixError(latin1)).isEqualTo(latin1 + " line 1: is not UTF-8 text (an invalid byte sequence); "
                + "save the file as UTF-8");
    }

    @Test
    void semicolonAndTabSeparatedFilesAreNamed() throws IOException {
        assertThat(matrixError(file("semi.csv", "c1;c2\n1,5;2\n"))).isEqualTo(dir.resolve("semi.csv") + " line 1: "
                + "the file is separated by semicolons (';'); DMF Lab reads comma-separated files (design.md §2): "
                + "save it with ',' as the separator and '.' as the decimal point");
        assertThat(matrixError(file("tab.csv", "c1\tc2\n1\t2\n"))).contains("separated by tabs");
    }

    @Test
    void shapeAndQuoteErrorsNameTheLine() throws IOException {
        assertThat(matrixError(file("r.csv", "c1,c2\n1,2\n3\n"))).isEqualTo(dir.resolve("r.csv") + " line 3: has 1 "
                + "cell but the header has 2 columns; give every row one cell per column");
        assertThat(matrixError(file("q.csv", "c1,c2\n1,\"2\n3,4\n"))).isEqualTo(dir.resolve("q.csv") + " line 2: a "
                + "quote opened on this line is never closed; close it or remove it");
        assertThat(matrixError(file("empty.csv", ""))).contains("is empty");
        assertThat(matrixError(file("only.csv", "c1,c2\n"))).contains("has a header but no rows");
        assertThat(matrixError(dir.resolve("missing.csv"))).contains("missing.csv: no such file");
    }

    @Test
    void aTraceWithBomIsReadAndLaterChecksNameTheFileLine() throws IOException {
        String header = "iteration,time,loss,error_fro,error_op,effective_rank,stable_rank,sigma_1\n";
        Path trace = Files.write(dir.resolve("trace.csv"), concat(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                (header + "0,0,1,1,1,1,1,0.5\n\n5,0.05,0.5,1,1,1,1,0.7\n3,0.03,0.5,1,1,1,1,0.7\n")
                        .getBytes(StandardCharsets.UTF_8)));
        Map<String, Column> schema = Map.of("iteration", Column.of("iteration", ColumnType.LONG));
        Table table = CsvTableReader.read(trace, schema, "", Progress.NONE);
        assertThat(table.columnNames().get(0)).isEqualTo("iteration");
        assertThat(table.rowLocation(2)).isEqualTo("line 5");
        assertThat(messageOf(() -> TraceTables.fromTable(table, trace.toString()))).startsWith(trace + ", line 5: "
                + "iteration 3 comes after 5");
        Path fractional = file("t2.csv", header + "1.5,0,1,1,1,1,1,1\n");
        assertThat(messageOf(() -> CsvTableReader.read(fractional, schema, "", Progress.NONE))).startsWith(dir.resolve("t2.csv") + " line 2, column 'iteration': '1.5' is not a "
                + "whole number");
    }

    @Test
    void quotedTextWithCommasQuotesAndNewlinesRoundTrips() throws IOException {
        Path text = file("t.csv", "key,value\n\"a,b\",\"say \"\"hi\"\"\"\n\"multi\nline\",x\nlast,\"é\"\n");
        Table table = CsvTableReader.read(text, Map.of(), "Row", Progress.NONE);
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.cell(0, 0)).isEqualTo("a,b");
        assertThat(table.cell(0, 1)).isEqualTo("say \"hi\"");
        assertThat(table.cell(1, 0)).isEqualTo("multi\nline");
        assertThat(table.rowLocation(2)).isEqualTo("line 5");
        assertThat(table.cell(2, 1)).isEqualTo("é");
        assertThat(messageOf(() -> CsvTableReader.read(dir.resolve("bad.csv"), Map.of(), "", Progress.NONE)))
                .contains("no such file");
    }

    @Test
    void cellsLongerThanTheBufferAreRead() throws IOException {
        String longName = "x".repeat(200_000);
        Path wide = file("w.csv", "c1," + longName + "\n1,2\n");
        Table table = CsvTableReader.read(wide, Map.of(), "", Progress.NONE);
        assertThat(table.columnNames()).containsExactly("c1", longName);
        assertThat(table.doubleAt(0, 1)).isEqualTo(2.0);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    @Test
    void aHugeBadCellIsNamedByAShortPrefixOnOneLine() throws IOException {
        String huge = "x".repeat(1_000_000);
        String message = matrixError(file("big.csv", "c1,c2\n1,\"" + huge + "\n" + huge + "\"\n"));
        assertThat(message).startsWith(dir.resolve("big.csv") + " line 2, column 'c2': '"
                + "x".repeat(InvalidInputException.QUOTE_LIMIT) + "…' (2000001 characters) is not a number");
        assertThat(message.length()).isLessThan(dir.toString().length() + 300);
    }

    @Test
    void crOnlyAndLargeCrLfFilesReadAsTheirLfTwin() throws IOException {
        StringBuilder lf = new StringBuilder("c1,c2,c3\n");
        for (int r = 0; r < 20_000; r++) {
            lf.append(r).append(",-").append(r * 0.25).append(",1e-").append(r % 300).append('\n');
        }
        assertThat(lf.length()).isGreaterThan(3 * (1 << 16));
        DMatrixRMaj expected = CsvMatrixReader.read(file("lf.csv", lf.toString()), Progress.NONE);
        for (String lineEnd : new String[]{"\r\n", "\r"}) {
            DMatrixRMaj read = CsvMatrixReader.read(file("other.csv", lf.toString().replace("\n", lineEnd)),
                    Progress.NONE);
            assertThat(read.numRows).as(lineEnd).isEqualTo(20_000);
            assertThat(read.data).as(lineEnd).isEqualTo(expected.data);
        }
    }

    @Test
    void symbolicLinkLoopsFifosAndDirectoriesAreRefusedWithoutWaiting() throws Exception {
        Path a = dir.resolve("a.csv");
        Files.createSymbolicLink(a, dir.resolve("b.csv"));
        Files.createSymbolicLink(dir.resolve("b.csv"), a);
        assertThat(matrixError(a)).isEqualTo(a + ": is a symbolic link that never reaches a file (links pointing to "
                + "each other in a loop); give the file itself");
        Path dangling = Files.createSymbolicLink(dir.resolve("gone.csv"), dir.resolve("missing.csv"));
        assertThat(matrixError(dangling)).isEqualTo(dangling + ": no such file (a symbolic link to a missing file); "
                + "check the path");
        assertThat(matrixError(dir)).isEqualTo(dir + ": is a directory; give the CSV file inside it");
        Path fifo = dir.resolve("pipe.csv");
        boolean made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        org.junit.jupiter.api.Assumptions.assumeTrue(made, "mkfifo is not available: FIFO case skipped");
        // no writer ever opens the FIFO: a reader that opened it would block here forever
        assertThat(matrixError(fifo)).isEqualTo(fifo + ": is not a regular file (a pipe, device or socket, which "
                + "DMF Lab would wait on or could read only once); save the data to a file and give that");
    }

    @Test
    void aMatrixIsSizedByItsLinesAndStillExactWhenAQuotedCellSpansLines() throws IOException {
        // 6 non-blank lines, but the header spans two: 4 rows, not the 5 the line count allows
        DMatrixRMaj matrix = CsvMatrixReader.read(file("q.csv", "\"c\n1\",c2\n1,2\n\n3,4\r5,6\r\n7,8"),
                Progress.NONE);
        assertThat(matrix.numRows).isEqualTo(4);
        assertThat(matrix.data).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
    }
}
