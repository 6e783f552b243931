package org.qchat.server.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;

import org.qchat.protocol.Packet;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.Welcome;

/**
 * Everything one connection received, for callers to claim: replies (responses with an id) by id,
 * everything else (pushes, errors without an id) by type and predicate, oldest first. Filled by the
 * client's reader thread; every method may be called from any thread and waits on one condition.
 */
final class Inbox {

    private final String owner;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final List<Packet> pushes = new ArrayList<>();
    private final Map<String, Response> replies = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final List<String> recent = new ArrayList<>();
    private boolean eof;
    private boolean closedByUs;
    private int received;

    Inbox(String owner) {
        this.owner = owner;
    }

    // ------------------------------------------------------------------ filled by the reader

    void deliver(Packet packet) {
        lock.lock();
        try {
            if (received++ == 0 && !(packet instanceof Welcome)) {
                violations.add("first packet was not welcome but " + packet);
            }
            recent.add(packet.toString());
            if (recent.size() > 30) {
                recent.remove(0);
            }
            if (packet instanceof Response response && response.id() != null) {
                if (replies.putIfAbsent(response.id(), response) != null) {
                    violations.add("two replies for request id " + response.id() + ": " + replies.get(response.id())
                            + " and " + response);
                }
            } else {
                pushes.add(packet);
            }
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void violation(String message) {
        lock.lock();
        try {
            violations.add(message);
        } finally {
            lock.unlock();
        }
    }

    void endOfStream() {
        lock.lock();
        try {
            eof = true;
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Notes that we, not the server, are ending the stream (unless it has already ended). */
    void closingByUs() {
        lock.lock();
        try {
            if (!eof) {
                closedByUs = true;
            }
        } finally {
            lock.unlock();
        }
    }

    boolean closedByUs() {
        lock.lock();
        try {
            return closedByUs;
        } finally {
            lock.unlock();
        }
    }

    void assertNoViolations() {
        lock.lock();
        try {
            assertThat(violations).as("protocol violations seen by %s", owner).isEmpty();
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ replies

    Response awaitReply(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                Response reply = replies.remove(id);
                if (reply != null) {
                    return reply;
                }
                long left = deadline - System.nanoTime();
                if (eof) {
                    return fail("%s: connection closed before the reply to request %s arrived; last packets: %s",
                            owner, id, recent);
                }
                if (left <= 0) {
                    return fail("%s: no reply to request %s within %s; last packets: %s", owner, id, timeout, recent);
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    Optional<Response> pollReply(String id) {
        lock.lock();
        try {
            return Optional.ofNullable(replies.remove(id));
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ pushes

    <T extends Packet> List<T> awaitPushes(Class<T> type, Predicate<? super T> match, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<T> found = matching(type, match, count);
                if (found.size() == count) {
                    found.forEach(this::removeIdentity);
                    return found;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    return fail("%s: expected %d %s push(es) matching, got %d within %s%s; queued: %s; last packets: %s",
                            owner, count, type.getSimpleName(), found.size(), timeout,
                            eof ? " (connection closed)" : "", summary(), recent);
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    <T extends Packet> Optional<T> pollPush(Class<T> type, Predicate<? super T> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<T> found = matching(type, match, 1);
                if (!found.isEmpty()) {
                    removeIdentity(found.get(0));
                    return Optional.of(found.get(0));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    return Optional.empty();
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    <T extends Packet> List<T> takePushes(Class<T> type, Predicate<? super T> match) {
        lock.lock();
        try {
            List<T> found = matching(type, match, Integer.MAX_VALUE);
            found.forEach(this::removeIdentity);
            return found;
        } finally {
            lock.unlock();
        }
    }

    <T extends Packet> void assertNoPush(Class<T> type, Predicate<? super T> match, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        lock.lock();
        try {
            while (true) {
                List<T> found = matching(type, match, 1);
                if (!found.isEmpty()) {
                    fail("%s: unexpected %s push: %s", owner, type.getSimpleName(), found.get(0));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    return;
                }
                arrived.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }

    private <T> List<T> matching(Class<T> type, Predicate<? super T> match, int limit) {
        List<T> found = new ArrayList<>();
        for (Packet packet : pushes) {
            if (type.isInstance(packet) && match.test(type.cast(packet))) {
                found.add(type.cast(packet));
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    private void removeIdentity(Object packet) {
        for (Iterator<Packet> it = pushes.iterator(); it.hasNext(); ) {
            if (it.next() == packet) {
                it.remove();
                return;
            }
        }
    }

    private String summary() {
        Map<String, Integer> counts = new HashMap<>();
        for (Packet packet : pushes) {
            counts.merge(packet.getClass().getSimpleName(), 1, Integer::sum);
        }
        return counts.toString();
    }

    // ------------------------------------------------------------------ end of stream

    boolean isEof() {
        lock.lock();
        try {
            return eof;
        } finally {
            lock.unlock();
        }
    }

    boolean awaitEof(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!eof) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                arrived.awaitNanos(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lock.unlock();
        }
    }
}
