package org.qchat.server.testing.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.JoinGroup;
import org.qchat.server.testing.Scenarios;
import org.qchat.server.testing.chaos.DeliveryChecker.Violation;

/**
 * The users of a chaos run and their conversations: a ring of friendships (a private conversation
 * per pair) and one open group everyone joins. Runs their phases on a pool, one thread per user,
 * and reads what they saw and what the server stores for the {@link DeliveryChecker}.
 */
final class ChaosCrowd implements AutoCloseable {

    static final Duration PHASE_TIMEOUT = Duration.ofMinutes(3);

    final List<ChaosUser> users = new ArrayList<>();
    /** Conversation id to its members' user ids, all members before the first message. */
    final Map<Long, Set<Long>> members = new LinkedHashMap<>();
    private final ExecutorService pool;

    /** {@code random} gives each user a split of its own. */
    ChaosCrowd(int count, int window, SplittableRandom random) {
        for (int i = 0; i < count; i++) {
            users.add(new ChaosUser(i, "chaos_u" + i, random.split(), window));
        }
        this.pool = Executors.newFixedThreadPool(count);
    }

    /** Accounts (user {@code i} on the server {@code servers} names for it), friendships and the group. */
    void setUp(ChaosServers servers) {
        for (ChaosUser user : users) {
            user.register(servers.serverFor(user.index));
        }
        int n = users.size();
        for (int i = 0; i < (n == 2 ? 1 : n); i++) {
            ChaosUser a = users.get(i);
            ChaosUser b = users.get((i + 1) % n);
            long conv = Scenarios.befriend(a.client(), b.client());
            a.conversations.add(conv);
            b.conversations.add(conv);
            members.put(conv, Set.of(a.userId(), b.userId()));
        }
        GroupInfo group = users.get(0).client().createGroup("chaos", JoinPolicy.OPEN);
        for (ChaosUser user : users.subList(1, n)) {
            user.client().expect(GroupReply.class, new JoinGroup(user.client().nextId(), group.groupId()));
        }
        Set<Long> everyone = new HashSet<>();
        for (ChaosUser user : users) {
            user.conversations.add(group.convId());
            everyone.add(user.userId());
            // The group's history begins, for each member, at the system line of their joining.
            List<MessageInfo> visible = user.client().pull(group.convId(), 0, 1).messages();
            if (!visible.isEmpty()) {
                user.received.startAt(group.convId(), visible.get(0).seq());
            }
        }
        members.put(group.convId(), Set.copyOf(everyone));
    }

    List<Future<?>> startPhase(ChaosPhase phase, ChaosServers servers) {
        List<Future<?>> running = new ArrayList<>();
        for (ChaosUser user : users) {
            running.add(pool.submit(() -> user.runPhase(phase, servers)));
        }
        return running;
    }

    /** The live count of unanswered sends of the users {@code which} selects. */
    int inFlight(Predicate<ChaosUser> which) {
        return users.stream().filter(which).mapToInt(u -> u.inFlight.get()).sum();
    }

    int ackedThisPhase() {
        return users.stream().mapToInt(u -> u.ackedThisPhase.get()).sum();
    }

    static boolean anyEnded(List<Future<?>> running) {
        return running.stream().anyMatch(Future::isDone);
    }

    static void failIfAnyEnded(List<Future<?>> running, ChaosServers servers, String when) {
        for (Future<?> f : running) {
            if (f.isDone()) {
                awaitPhase(List.of(f), servers);
                throw new AssertionError("a user stopped " + when + "; server log:\n" + servers.logTail());
            }
        }
    }

    /** Waits for every user's phase to end; a user's failure fails the run with the servers' logs. */
    static void awaitPhase(List<Future<?>> running, ChaosServers servers) {
        long deadline = System.nanoTime() + PHASE_TIMEOUT.toNanos();
        for (Future<?> f : running) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new AssertionError("a chaos user failed: " + e.getCause() + "\nserver log:\n" + servers.logTail(),
                        e.getCause());
            } catch (TimeoutException e) {
                throw new AssertionError("users did not finish a phase within " + PHASE_TIMEOUT + "; server log:\n"
                        + servers.logTail());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * Everything stored, as the longest of what each member reads through its own connection: in a
     * cluster a node that missed word of another's commits answers only up to the head it knows, and
     * its devices then lack messages (reported as not delivered) rather than the messages being
     * lost. Only while no phase runs.
     */
    List<DeliveryChecker.Conversation> stored() {
        List<DeliveryChecker.Conversation> conversations = new ArrayList<>();
        for (Map.Entry<Long, Set<Long>> conv : members.entrySet()) {
            List<MessageInfo> longest = List.of();
            for (ChaosUser reader : users) {
                if (conv.getValue().contains(reader.userId())) {
                    List<MessageInfo> read = reader.pullAll(conv.getKey(), 0);
                    longest = read.size() > longest.size() ? read : longest;
                }
            }
            conversations.add(new DeliveryChecker.Conversation(conv.getKey(), conv.getValue(), longest));
        }
        return conversations;
    }

    List<DeliveryChecker.Sent> sent() {
        List<DeliveryChecker.Sent> sent = new ArrayList<>();
        users.forEach(u -> sent.addAll(u.sent()));
        return sent;
    }

    /** The checker's verdict on {@code stored} against what users sent and hold, and what devices saw themselves. */
    List<Violation> check(List<DeliveryChecker.Conversation> stored) {
        Map<Long, ReceivedMessages> received = new LinkedHashMap<>();
        for (ChaosUser user : users) {
            received.put(user.userId(), user.received);
        }
        List<Violation> violations = new ArrayList<>(DeliveryChecker.check(stored, sent(), received));
        users.forEach(u -> violations.addAll(u.observed));
        return violations;
    }

    int unexpectedDisconnects() {
        return users.stream().mapToInt(u -> u.unexpectedDisconnects).sum();
    }

    int retryableErrors() {
        return users.stream().mapToInt(u -> u.retryableErrors).sum();
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
