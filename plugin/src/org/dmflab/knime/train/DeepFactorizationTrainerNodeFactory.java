package org.dmflab.knime.train;

import java.util.Optional;
import org.dmflab.knime.common.ChartNodeView;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ConfigurableNodeFactory;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.node.context.NodeCreationConfiguration;

/**
 * Registers the Deep Factorization Trainer; its description is the XML file of the same name. Its ports: the target
 * and the optional measurements or observations in; the trace and the final product out, and — added by the user
 * through the node's "…" menu — the final factors. Workflows saved before that port existed load without it.
 */
public final class DeepFactorizationTrainerNodeFactory
        extends ConfigurableNodeFactory<DeepFactorizationTrainerNodeModel> {
    /** The optional output port group of the final factors W₁ … W_N (the description's dynOutPort). */
    static final String FACTORS_PORT_GROUP = "Factors";

    @Override
    protected Optional<PortsConfigurationBuilder> createPortsConfigBuilder() {
        PortsConfigurationBuilder ports = new PortsConfigurationBuilder();
        ports.addFixedInputPortGroup("Target matrix", BufferedDataTable.TYPE);
        ports.addFixedInputPortGroup("Measurements or observations", BufferedDataTable.TYPE_OPTIONAL);
        ports.addFixedOutputPortGroup("Trace", BufferedDataTable.TYPE);
        ports.addFixedOutputPortGroup("Final product", BufferedDataTable.TYPE);
        ports.addOptionalOutputPortGroup(FACTORS_PORT_GROUP, BufferedDataTable.TYPE);
        return Optional.of(ports);
    }

    @Override
    protected DeepFactorizationTrainerNodeModel createNodeModel(NodeCreationConfiguration creation) {
        return new DeepFactorizationTrainerNodeModel(creation.getPortConfig().orElseThrow());
    }

    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<DeepFactorizationTrainerNodeModel> createNodeView(int viewIndex,
                                                                     DeepFactorizationTrainerNodeModel model) {
        return new ChartNodeView<>(model);
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane(NodeCreationConfiguration creation) {
        return new DeepFactorizationTrainerNodeDialog();
    }
}
