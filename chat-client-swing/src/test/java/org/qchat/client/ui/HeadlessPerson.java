package org.qchat.client.ui;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.Credentials;
import org.qchat.client.core.ExecutorScheduler;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.testing.MemorySessionStore;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TioChatTransport;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.UserInfo;

/**
 * Someone in the screenshots who is not on screen: the client's own core ({@link ChatClient} over
 * {@link TioChatTransport}) without windows, its state on a thread of its own (its dispatcher).
 * Every method blocks the caller until the server answered.
 */
final class HeadlessPerson implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    final String username;
    final String nickname;
    private final ExecutorService thread;
    private final ExecutorScheduler scheduler;
    private final ChatClient client;

    private HeadlessPerson(String username, String nickname) {
        this.username = username;
        this.nickname = nickname;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "person-" + username);
            t.setDaemon(true);
            return t;
        });
        this.scheduler = new ExecutorScheduler(thread);
        this.client = new ChatClient(TioChatTransport::new, thread, scheduler, new MemorySessionStore());
    }

    /** Creates the account (and logs in), then sets the signature. */
    static HeadlessPerson register(ServerList server, String username, String nickname, String signature) {
        HeadlessPerson p = new HeadlessPerson(username, nickname);
        p.call(c -> c.login(server, new Credentials.Registration(username, "password-" + username, nickname), false));
        p.call(c -> c.updateProfile(null, signature));
        return p;
    }

    long userId() {
        return get(c -> c.session().myId());
    }

    void sendFriendRequest(long userId, String note) {
        call(c -> c.sendFriendRequest(userId, note));
    }

    /** Waits until {@code userId} is a friend, then writes to them. */
    void sendTo(long userId, String text) {
        long convId = awaitValue("a friendship with user " + userId,
                c -> c.contacts().get(userId).map(contact -> contact.convId()));
        get(c -> c.sendMessage(convId, text));
        awaitValue("the message to be stored", c -> c.conversations().get(convId)
                .filter(conv -> conv.outbox().isEmpty()).map(conv -> true));
    }

    /** Waits until {@code userId} is a friend, then sends them a file as {@code kind}; returns once it is stored. */
    void sendFileTo(long userId, Path file, MessageKind kind) {
        long convId = awaitValue("a friendship with user " + userId,
                c -> c.contacts().get(userId).map(contact -> contact.convId()));
        get(c -> c.files().upload(convId, file, kind));
        awaitValue("the file message to be stored", c -> c.conversations().get(convId)
                .filter(conv -> conv.outbox().isEmpty()).map(conv -> true));
    }

    /** Waits until I am in the group named {@code name}, then writes in it. */
    void sendToGroup(String name, String text) {
        long convId = awaitValue("membership of " + name, c -> c.groups().sorted().stream()
                .filter(g -> g.name().equals(name)).findFirst().map(GroupInfo::convId));
        get(c -> c.sendMessage(convId, text));
        awaitValue("the group message to be stored", c -> c.conversations().get(convId)
                .filter(conv -> conv.outbox().isEmpty()).map(conv -> true));
    }

    /** Writes {@code text} to a friend and takes it back at once, as one does with a slip. */
    void sendAndRecall(long userId, String text) {
        sendTo(userId, text);
        long convId = friendConv(userId);
        ChatMessage sent = get(c -> c.conversations().get(convId).orElseThrow().messages().stream()
                .filter(m -> m.isStored() && m.text().equals(text)).reduce((first, next) -> next).orElseThrow());
        call(c -> c.messageActions().recall(sent));
    }

    /** Looks at the conversation with a friend as with its window open: what is there, and what comes, is read. */
    void reads(long userId) {
        long convId = friendConv(userId);
        get(c -> {
            c.setViewing(convId, true);
            return null;
        });
    }

    /** Looks at a group's conversation as with its window open. */
    void readsGroup(String name) {
        long convId = group(name).convId();
        get(c -> {
            c.setViewing(convId, true);
            return null;
        });
    }

    /** Sets the notice of a group I administer. */
    void setGroupNotice(String name, String notice) {
        long groupId = group(name).groupId();
        call(c -> c.groupUpdates().setNotice(groupId, notice));
    }

    private long friendConv(long userId) {
        return awaitValue("a friendship with user " + userId, c -> c.contacts().get(userId).map(contact -> contact.convId()));
    }

    private GroupInfo group(String name) {
        return awaitValue("membership of " + name, c -> c.groups().sorted().stream()
                .filter(g -> g.name().equals(name)).findFirst());
    }

    /** Finds a user by exact username. */
    long find(String username) {
        List<UserInfo> users = call(c -> c.searchUsers(username));
        return users.stream().filter(u -> u.username().equals(username)).findFirst()
                .orElseThrow(() -> new IllegalStateException(username + " not found")).userId();
    }

    /** Logs off without logging out, as quitting the app does: friends see me go offline. */
    @Override
    public void close() {
        get(c -> {
            c.close();
            return null;
        });
        scheduler.close();
        thread.shutdown();
    }

    // ---- running on my thread --------------------------------------------------------------

    private <T> T call(Function<ChatClient, CompletableFuture<T>> request) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> request.apply(client), thread)
                .thenCompose(Function.identity());
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(username + ": request failed", e);
        }
    }

    private <T> T get(Function<ChatClient, T> read) {
        return call(c -> CompletableFuture.completedFuture(read.apply(c)));
    }

    /** Polls a read of my state until it has a value. */
    private <T> T awaitValue(String what, Function<ChatClient, Optional<T>> read) {
        return Poll.until(username + " waits for " + what, () -> get(read));
    }

    /** A small poll loop for the tour, which runs without the test libraries. */
    static final class Poll {
        private Poll() {
        }

        static <T> T until(String what, Supplier<Optional<T>> probe) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
            throw new IllegalStateException("timed out: " + what);
        }

        static void until(String what, java.util.function.BooleanSupplier condition) {
            until(what, () -> condition.getAsBoolean() ? Optional.of(true) : Optional.empty());
        }
    }
}
