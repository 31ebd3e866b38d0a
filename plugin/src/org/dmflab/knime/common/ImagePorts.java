package org.dmflab.knime.common;

import org.knime.core.data.image.png.PNGImageContent;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.image.ImagePortObject;
import org.knime.core.node.port.image.ImagePortObjectSpec;

/** PNG image ports for the engine's charts (docs/design.md §1: charts leave a node as PNG images). */
public final class ImagePorts {
    /** The port type of a chart output. */
    public static final PortType TYPE = ImagePortObject.TYPE;

    private ImagePorts() {
    }

    /** The spec of a PNG chart port. */
    public static ImagePortObjectSpec spec() {
        return new ImagePortObjectSpec(PNGImageContent.TYPE);
    }

    /** A port object holding the PNG bytes the engine rendered. */
    public static ImagePortObject png(byte[] pngBytes) {
        return new ImagePortObject(new PNGImageContent(pngBytes), spec());
    }
}
