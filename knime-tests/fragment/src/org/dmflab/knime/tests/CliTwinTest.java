package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.dmflab.core.chart.ChartRenderer;
import org.dmflab.core.chart.TrackChartSet;
import org.knime.core.data.image.png.PNGImageValue;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.workflow.NodeID;
import org.junit.jupiter.api.Test;

/**
 * The nodes and the command line are twins: for the same settings every output port of every node equals the file
 * the command line writes, cell by cell and bit for bit (one engine, deterministic arithmetic), and the chart ports
 * hold the same PNG images, 800×500.
 */
class CliTwinTest {

    @Test
    void everyPortEqualsTheCommandLinesFile() throws Exception {
        Path out = Knime.scratch("cli");
        Cli.runAll(Pipeline.commandLine(out.toString()));
        Pipeline pipeline = Pipeline.create("twins");
        try (Knime.Project project = pipeline.project) {
            assertEquals(true, project.executeAll(), "the pipeline executes");
            assertTable(project, pipeline.generator, 1, out.resolve("gen/matrix.csv"));
            assertTable(project, pipeline.generator, 2, out.resolve("gen/spectrum.csv"));
            assertTable(project, pipeline.trainer, 1, out.resolve("train/trace.csv"));
            assertTable(project, pipeline.trainer, 2, out.resolve("train/product.csv"));
            assertTable(project, pipeline.predictor, 1, out.resolve("predict/bounds.csv"));
            assertTable(project, pipeline.predictor, 2, out.resolve("predict/plateaus.csv"));
            assertTable(project, pipeline.predictor, 3, out.resolve("predict/provenance.csv"));
            assertTable(project, pipeline.tracker, 1, out.resolve("track/plateaus.csv"));
            assertTable(project, pipeline.tracker, 2, out.resolve("track/hitting.csv"));
            List<String> charts = TrackChartSet.NAMES;
            for (int c = 0; c < charts.size(); c++) {
                byte[] png = png(project, pipeline.tracker, 3 + c);
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
                assertNotNull(image, "tracker port " + (3 + c) + " holds a PNG");
                assertEquals(ChartRenderer.DEFAULT_WIDTH, image.getWidth(), "chart width");
                assertEquals(ChartRenderer.DEFAULT_HEIGHT, image.getHeight(), "chart height");
                assertArrayEquals(Files.readAllBytes(out.resolve("track/" + charts.get(c) + ".png")), png,
                        "tracker port " + (3 + c) + " is the command line's " + charts.get(c) + ".png");
            }
        }
    }

    private static void assertTable(Knime.Project project, NodeID node, int port, Path csv) {
        Rows knime = Rows.of(project.node(node).getNameWithID() + " port " + port, project.table(node, port));
        Rows.assertSame(Rows.fromCsv(csv, knime), knime, 0);
    }

    static byte[] png(Knime.Project project, NodeID node, int port) {
        ImagePortObject image = (ImagePortObject) project.node(node).getOutPort(port).getPortObject();
        return ((PNGImageValue) image.toDataCell()).getImageContent().getByteArray();
    }
}
