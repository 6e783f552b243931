package org.qchat.client.ui.media;

import java.nio.file.Path;
import java.util.Objects;

import javax.swing.event.ChangeEvent;
import javax.swing.event.ChangeListener;
import javax.swing.event.EventListenerList;

/**
 * What a {@link FileCard} or an {@link ImageThumbnail} shows about one file's transfer: not
 * started (not on this computer yet), transferring (how far, how fast), done (the file is here)
 * or failed (and why). The caller moves it from state to state; the components listening to it
 * follow.
 *
 * <p>Mutable so that progress reported ten times a second costs a few field writes and a repaint,
 * not a new object and a relayout. Use it on the Swing event thread only. Setting the state it is
 * already in tells no one.
 */
public final class TransferView {

    public enum Phase { NOT_STARTED, TRANSFERRING, DONE, FAILED }

    private final EventListenerList listeners = new EventListenerList();
    private final ChangeEvent event = new ChangeEvent(this);
    private Phase phase = Phase.NOT_STARTED;
    private double fraction;
    private long bytesPerSecond;
    private Path path;
    private String reason = "";

    /** A transfer that has not started: the file is not on this computer. */
    public TransferView() {
    }

    /** A file that is already on this computer, at {@code path}. */
    public static TransferView done(Path path) {
        TransferView view = new TransferView();
        view.setDone(path);
        return view;
    }

    public void setNotStarted() {
        change(Phase.NOT_STARTED, 0, 0, null, "");
    }

    /**
     * @param fraction how much is done, 0 to 1 (clamped)
     * @param bytesPerSecond the current rate, or 0 when not yet known
     */
    public void setTransferring(double fraction, long bytesPerSecond) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        change(Phase.TRANSFERRING, f, Math.max(0, bytesPerSecond), null, "");
    }

    /** The file is complete at {@code path}: it can be opened and saved elsewhere. */
    public void setDone(Path path) {
        change(Phase.DONE, 1, 0, Objects.requireNonNull(path, "path"), "");
    }

    /** @param reason what went wrong, in the user's language, shown next to Retry; may be empty */
    public void setFailed(String reason) {
        change(Phase.FAILED, fraction, 0, null, reason == null ? "" : reason);
    }

    public Phase phase() {
        return phase;
    }

    /** How much is done, 0 to 1; 1 when done. */
    public double fraction() {
        return fraction;
    }

    public long bytesPerSecond() {
        return bytesPerSecond;
    }

    /** Where the file is when {@link Phase#DONE}, else null. */
    public Path path() {
        return path;
    }

    /** Why it failed when {@link Phase#FAILED}, else empty. */
    public String reason() {
        return reason;
    }

    /** Called on the Swing event thread after every change. */
    public void addChangeListener(ChangeListener listener) {
        listeners.add(ChangeListener.class, listener);
    }

    public void removeChangeListener(ChangeListener listener) {
        listeners.remove(ChangeListener.class, listener);
    }

    /** How many are listening; components stop listening when they leave the screen. */
    int listenerCount() {
        return listeners.getListenerCount(ChangeListener.class);
    }

    private void change(Phase newPhase, double newFraction, long newRate, Path newPath, String newReason) {
        if (newPhase == phase && newFraction == fraction && newRate == bytesPerSecond
                && Objects.equals(newPath, path) && newReason.equals(reason)) {
            return;
        }
        phase = newPhase;
        fraction = newFraction;
        bytesPerSecond = newRate;
        path = newPath;
        reason = newReason;
        for (ChangeListener listener : listeners.getListeners(ChangeListener.class)) {
            listener.stateChanged(event);
        }
    }

    @Override
    public String toString() {
        return switch (phase) {
            case NOT_STARTED -> "NOT_STARTED";
            case TRANSFERRING -> "TRANSFERRING(" + fraction + ", " + bytesPerSecond + " B/s)";
            case DONE -> "DONE(" + path + ")";
            case FAILED -> "FAILED(" + reason + ")";
        };
    }
}
