package org.qchat.client.ui.media;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.Transferable;
import java.awt.event.InputEvent;
import java.util.List;
import java.util.function.Consumer;

import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * Takes files and pictures (see {@link Attachments#handler}) and passes everything else to the
 * component's previous handler, through its public methods only: the protected ones
 * ({@code createTransferable}, {@code exportDone}) cannot be called on another handler.
 */
final class AttachmentTransferHandler extends TransferHandler {

    private final TransferHandler fallback;
    private final Consumer<List<Attachment>> onAttach;

    AttachmentTransferHandler(TransferHandler fallback, Consumer<List<Attachment>> onAttach) {
        this.fallback = fallback;
        this.onAttach = onAttach;
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (Attachments.mayCarry(support.getDataFlavors())) {
            if (support.isDrop()) {
                // A file is attached, not inserted at a caret position: show no drop caret.
                support.setShowDropLocation(false);
                if ((support.getSourceDropActions() & COPY) != 0) {
                    support.setDropAction(COPY);
                }
            }
            return true;
        }
        return fallback != null && fallback.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (Attachments.mayCarry(support.getDataFlavors())) {
            List<Attachment> attachments = Attachments.from(support.getTransferable());
            if (!attachments.isEmpty()) {
                onAttach.accept(attachments);
                return true;
            }
        }
        return fallback != null && fallback.canImport(support) && fallback.importData(support);
    }

    @Override
    public int getSourceActions(JComponent c) {
        return fallback == null ? NONE : fallback.getSourceActions(c);
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        if (fallback != null) {
            fallback.exportToClipboard(comp, clip, action);
        }
    }

    /** A drag copies whatever the gesture asked for: moving needs the old handler's exportDone. */
    @Override
    public void exportAsDrag(JComponent comp, InputEvent e, int action) {
        super.exportAsDrag(comp, e, (getSourceActions(comp) & COPY) != 0 ? COPY : NONE);
    }

    /** For a drag: what the old handler would copy, taken through a clipboard of our own. */
    @Override
    protected Transferable createTransferable(JComponent c) {
        if (fallback == null) {
            return null;
        }
        Clipboard scratch = new Clipboard("drag");
        fallback.exportToClipboard(c, scratch, COPY);
        return scratch.getContents(null);
    }
}
