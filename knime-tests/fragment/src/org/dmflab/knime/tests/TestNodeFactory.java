package org.dmflab.knime.tests;

import java.util.function.Supplier;
import org.knime.core.node.NoDescriptionProxy;
import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/** A factory for a test-only node model: no dialog, no views, no description; added programmatically, never registered. */
class TestNodeFactory<M extends NodeModel> extends NodeFactory<M> {
    private final Supplier<M> models;

    TestNodeFactory(Supplier<M> models) {
        this.models = models;
    }

    @Override
    public M createNodeModel() {
        return models.get();
    }

    @Override
    protected NodeDescription createNodeDescription() {
        return new NoDescriptionProxy(getClass());
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<M> createNodeView(int viewIndex, M model) {
        throw new IndexOutOfBoundsException();
    }

    @Override
    protected boolean hasDialog() {
        return false;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return null;
    }
}
