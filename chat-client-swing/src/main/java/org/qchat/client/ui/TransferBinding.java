package org.qchat.client.ui;

import java.util.function.Consumer;

import org.qchat.client.core.files.FileTransfers;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.media.TransferView;

/**
 * Keeps a {@link TransferView} — what a thumbnail or a file card draws — in step with one
 * message's transfer, from the moment it is made until {@link #close}. Swing event thread only
 * (where the client reports transfers).
 */
final class TransferBinding implements AutoCloseable {

    private final TransferView view = new TransferView();
    private final FileTransfers.Watch watch;
    private TransferState state = TransferState.NOT_STARTED;
    private boolean watching;

    /**
     * @param onPhaseChange told the new state after the view has it, when the phase changed (and
     *                      once at once): not for every bit of progress, which only repaints
     */
    TransferBinding(FileTransfers files, ChatMessage message, Consumer<TransferState> onPhaseChange) {
        watch = files.watch(message, s -> {
            boolean first = !watching;
            TransferState.Phase before = state.phase();
            watching = true;
            state = s;
            show(s, view);
            if (first || s.phase() != before) {
                onPhaseChange.accept(s);
            }
        });
    }

    TransferView view() {
        return view;
    }

    TransferState state() {
        return state;
    }

    /** Puts {@code state} into {@code view}, its reason in the user's language. */
    static void show(TransferState state, TransferView view) {
        switch (state.phase()) {
            case NOT_STARTED -> view.setNotStarted();
            case TRANSFERRING -> view.setTransferring(state.fraction(), state.bytesPerSecond());
            // Done without a file to show cannot happen; if it did, offering the download again is the way out.
            case DONE -> {
                if (state.path() != null) {
                    view.setDone(state.path());
                } else {
                    view.setNotStarted();
                }
            }
            case FAILED -> view.setFailed(state.reasonKey() == null ? "" : I18n.tr(state.reasonKey()));
        }
    }

    @Override
    public void close() {
        watch.close();
    }
}
