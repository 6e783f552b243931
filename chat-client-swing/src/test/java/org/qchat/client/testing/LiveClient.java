package org.qchat.client.testing;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.awaitility.Awaitility;
import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ExecutorScheduler;
import org.qchat.client.core.files.FileStorage;
import org.qchat.client.core.history.H2LocalHistory;
import org.qchat.client.core.history.LocalHistory;
import org.qchat.client.core.model.Contact;
import org.qchat.client.transport.TioChatTransport;
import org.qchat.protocol.model.FriendRequestInfo;

/**
 * A whole client core for tests against a real server: {@link ChatClient} over the t-io
 * transport, its state on a dispatcher thread of its own, its files under a folder of the
 * test's ({@code cache/}, {@code downloads/}) with a real file worker. Each method runs on the
 * client's thread and blocks the test until it answered.
 */
public final class LiveClient implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final ExecutorService thread;
    private final ExecutorScheduler scheduler;
    private final ExecutorService fileWorker;
    private final ChatClient client;

    public LiveClient(String name, Path files) {
        this(name, files, false);
    }

    /** @param keepHistory keep messages in a local history under {@code files/history}, as the app does */
    public LiveClient(String name, Path files, boolean keepHistory) {
        this.name = name;
        this.thread = Executors.newSingleThreadExecutor(r -> daemon(r, "live-" + name));
        this.fileWorker = Executors.newSingleThreadExecutor(r -> daemon(r, "live-" + name + "-files"));
        this.scheduler = new ExecutorScheduler(thread);
        this.client = new ChatClient(TioChatTransport::new, thread, scheduler, new MemorySessionStore(),
                new FileStorage(files.resolve("cache"), () -> files.resolve("downloads"), fileWorker),
                keepHistory ? (account, userId) -> H2LocalHistory.of(files.resolve("history"), account, userId)
                        : (account, userId) -> LocalHistory.NONE);
    }

    /** Starts {@code request} on the client's thread and waits for its future. */
    public <T> T call(Function<ChatClient, CompletableFuture<T>> request) {
        CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> request.apply(client), thread)
                .thenCompose(Function.identity());
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new AssertionError(name + ": the request failed", e);
        }
    }

    /** Reads (or does) something on the client's thread. */
    public <T> T get(Function<ChatClient, T> read) {
        return call(c -> CompletableFuture.completedFuture(read.apply(c)));
    }

    /** Polls a read on the client's thread until it has a value. */
    public <T> T await(String what, Function<ChatClient, Optional<T>> probe) {
        return Awaitility.await(name + " waits for " + what).atMost(TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> get(probe), Optional::isPresent).orElseThrow();
    }

    /**
     * Makes {@code asker} and {@code accepter}, both logged in, friends as people do: a request
     * the other accepts. Returns their private conversation once both know it.
     */
    public static long befriend(LiveClient asker, LiveClient accepter) {
        long accepterId = accepter.get(c -> c.session().myId());
        long askerId = asker.get(c -> c.session().myId());
        asker.call(c -> c.sendFriendRequest(accepterId, "hi"));
        long request = accepter.await("the friend request",
                c -> c.friendRequests().incoming().stream().findFirst().map(FriendRequestInfo::requestId));
        accepter.call(c -> c.respondToFriendRequest(request, true));
        long conv = asker.await("the friendship", c -> c.contacts().get(accepterId).map(Contact::convId));
        accepter.await("the friendship", c -> c.contacts().get(askerId).map(Contact::convId));
        return conv;
    }

    /** Leaves without logging out, as quitting the app does. */
    @Override
    public void close() {
        get(c -> {
            c.close();
            return null;
        });
        scheduler.close();
        thread.shutdown();
        fileWorker.shutdown();
    }

    private static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }
}
