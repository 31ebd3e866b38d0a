package org.dmflab.knime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.dmflab.core.groundtruth.GroundTruthSettings;
import org.dmflab.core.train.TrainSettings;
import org.dmflab.knime.groundtruth.GroundTruthGeneratorNodeFactory;
import org.dmflab.knime.train.DeepFactorizationTrainerNodeFactory;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.junit.jupiter.api.Test;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.context.ModifiableNodeCreationConfiguration;
import org.knime.core.node.workflow.NodeID;

/**
 * The trainer's optional Factors port (added through the node's port menu, KNIME's port configuration): a node
 * without it keeps the two outputs older workflows wired; with it, the factors table's spec is known at configure, and
 * its factors, multiplied here, are the product table; a Gaussian start conditioned on det W(0) &lt; 0 keeps that sign
 * for a step too small to change it.
 */
class FactorsPortTest {

    @Test
    void theFactorsPortIsOptionalAndItsFactorsMultiplyToTheProduct() throws Exception {
        try (Knime.Project project = Knime.project("factors-port")) {
            NodeID generator = project.add(new GroundTruthGeneratorNodeFactory());
            project.set(generator, Map.of(GroundTruthSettings.SPECTRUM, "3,1.5,0.8,-0.5",
                    GroundTruthSettings.SEED, 4));
            DeepFactorizationTrainerNodeFactory factory = new DeepFactorizationTrainerNodeFactory();
            NodeID plain = project.add(factory);
            assertEquals(3, project.node(plain).getNrOutPorts(), "flow variables, trace, final product");

            ModifiableNodeCreationConfiguration creation = factory.createNodeCreationConfig();
            creation.getPortConfig().orElseThrow().getExtendablePorts().get("Factors").addPort(BufferedDataTable.TYPE);
            NodeID trainer = project.wfm().addNodeAndApplyContext(factory, creation, -1);
            assertEquals(4, project.node(trainer).getNrOutPorts(), "flow variables, trace, product, factors");
            project.set(trainer, Map.of(TrainSettings.DEPTH, 3, TrainSettings.INIT, "gaussian", TrainSettings.SIGMA,
                    0.3, TrainSettings.SEED, 3, TrainSettings.DETERMINANT, "negative", TrainSettings.WIDTH, 6,
                    TrainSettings.SOLVER, "matrix", TrainSettings.ITERATIONS, 1, TrainSettings.STEP, 1e-6));
            project.connect(generator, 1, trainer, 1);
            project.connect(generator, 1, plain, 1);
            assertTrue(project.executeAll(), "the workflow executes");
            project.assertExecuted(generator, plain, trainer);

            BufferedDataTable factorsTable = project.table(trainer, 3);
            assertEquals(project.node(trainer).getOutPort(3).getPortObjectSpec(), factorsTable.getDataTableSpec(),
                    "the configure-time spec is the data's");
            Rows factors = Rows.of("factors", factorsTable);
            assertEquals(List.of("factor", "row", "c1", "c2", "c3", "c4", "c5", "c6"), factors.columns());
            DMatrixRMaj[] w = {new DMatrixRMaj(6, 4), new DMatrixRMaj(6, 6), new DMatrixRMaj(4, 6)};
            for (List<Object> row : factors.cells()) {
                int f = (Integer) row.get(0) - 1;
                int i = (Integer) row.get(1) - 1;
                for (int j = 0; j < 6; j++) {
                    if (j < w[f].numCols) {
                        w[f].set(i, j, (Double) row.get(j + 2));
                    } else {
                        assertNull(row.get(j + 2), "factor " + (f + 1) + " has " + w[f].numCols + " columns");
                    }
                }
            }
            DMatrixRMaj inner = new DMatrixRMaj(6, 4);
            CommonOps_DDRM.mult(w[1], w[0], inner);
            DMatrixRMaj product = new DMatrixRMaj(4, 4);
            CommonOps_DDRM.mult(w[2], inner, product);
            Rows written = Rows.of("product", project.table(trainer, 2));
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    assertEquals(product.get(i, j), (Double) written.cells().get(i).get(j),
                            1e-12 * Math.max(1, Math.abs(product.get(i, j))), "W(" + i + ", " + j + ")");
                }
            }
            assertTrue(CommonOps_DDRM.det(product) < 0, "det W < 0 as conditioned: " + CommonOps_DDRM.det(product));
        }
    }
}
