package org.qchat.client.core.files;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.qchat.client.core.Scheduler;

/**
 * The state of every transfer, by key, and who watches it. A change of phase is told at once;
 * progress within {@link TransferState.Phase#TRANSFERRING} at most every {@link #MIN_INTERVAL}
 * per transfer (ten times a second is smooth to the eye, and a 100 MiB download would otherwise
 * repaint 800 times), the latest state always reaching the watchers in the end. Watchers are
 * called on the dispatcher thread.
 */
final class Progress {

    static final Duration MIN_INTERVAL = Duration.ofMillis(100);

    private final Scheduler scheduler;
    private final Map<String, Entry> entries = new HashMap<>();

    Progress(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    TransferState state(String key) {
        Entry entry = entries.get(key);
        return entry == null ? TransferState.NOT_STARTED : entry.state;
    }

    /** Tells {@code watcher} the state now and every change from now on, until the watch is closed. */
    FileTransfers.Watch watch(String key, Consumer<TransferState> watcher) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        entry.watchers.add(watcher);
        watcher.accept(entry.state);
        return () -> {
            entry.watchers.remove(watcher);
            dropIfIdle(key, entry);
        };
    }

    void set(String key, TransferState next) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        TransferState previous = entry.state;
        entry.state = next;
        if (next.equals(previous)) {
            return;
        }
        long sinceTold = scheduler.now() - entry.toldAt;
        boolean sameTransfer = previous.phase() == TransferState.Phase.TRANSFERRING
                && next.phase() == TransferState.Phase.TRANSFERRING;
        if (sameTransfer && sinceTold < MIN_INTERVAL.toMillis()) {
            if (entry.trailing == null) {
                entry.trailing = scheduler.schedule(Duration.ofMillis(MIN_INTERVAL.toMillis() - sinceTold), () -> {
                    entry.trailing = null;
                    tell(entry);
                });
            }
            return;
        }
        tell(entry);
        dropIfIdle(key, entry);
    }

    private void tell(Entry entry) {
        if (entry.trailing != null) {
            entry.trailing.cancel();
            entry.trailing = null;
        }
        entry.toldAt = scheduler.now();
        TransferState state = entry.state;
        for (Consumer<TransferState> watcher : entry.watchers) {
            watcher.accept(state);
        }
    }

    /** Nobody watches a transfer that never started or was called off: nothing to keep. */
    private void dropIfIdle(String key, Entry entry) {
        if (entry.watchers.isEmpty() && entry.state.phase() == TransferState.Phase.NOT_STARTED
                && entries.get(key) == entry) {
            entries.remove(key);
        }
    }

    /** Forgets every transfer (a new login); watchers are told they are back to not started. */
    void clear() {
        for (Entry entry : List.copyOf(entries.values())) {
            entry.state = TransferState.NOT_STARTED;
            tell(entry);
        }
        entries.values().removeIf(e -> e.watchers.isEmpty());
    }

    private static final class Entry {
        TransferState state = TransferState.NOT_STARTED;
        final List<Consumer<TransferState>> watchers = new CopyOnWriteArrayList<>();
        long toldAt = Long.MIN_VALUE / 2;
        Scheduler.Cancellable trailing;
    }
}
