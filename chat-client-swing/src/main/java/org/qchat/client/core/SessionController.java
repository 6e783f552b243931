package org.qchat.client.core;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.Session;
import org.qchat.client.transport.ChatTransport;
import org.qchat.client.transport.DispatchingListener;
import org.qchat.client.transport.ServerList;
import org.qchat.client.transport.TransportListener;
import org.qchat.protocol.FileChunk;
import org.qchat.protocol.FrameCodec;
import org.qchat.protocol.Packet;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Push;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ByePush;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Logout;
import org.qchat.protocol.packet.Ok;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.protocol.packet.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection's life: connect and log in, keep the link alive, resume after drops, and end
 * the session when the server says so ({@code bye}) or the user logs out.
 *
 * <pre>
 *  SIGNED_OUT --login--> CONNECTING --session--> ONLINE --link drops--> RECONNECTING
 *      ^                     |                     ^                        |
 *      +---- failure --------+                     +------ resumed ---------+
 *      +---- bye disabled / password changed / token refused / logout ------+
 * </pre>
 *
 * Runs on the dispatcher thread; transport callbacks are re-posted there.
 */
final class SessionController {

    /** How long the first connection may take before the server counts as unreachable. */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** How long a logging-out link stays open so the {@code logout} request gets out. */
    static final Duration LOGOUT_FLUSH = Duration.ofMillis(500);

    /** What the rest of the client does at the session's turning points. */
    interface Hooks {
        /** Logged in; {@code fresh} is true for a new login, false for a resume after a drop. */
        void sessionStarted(boolean fresh);

        /** The link dropped; requests in flight failed. */
        void linkLost();

        void pushReceived(Push push);

        /** A data frame of a download arrived (only while online). */
        void dataReceived(FileChunk chunk);
    }

    private static final Logger log = LoggerFactory.getLogger(SessionController.class);

    private final Supplier<ChatTransport> transports;
    private final Executor dispatcher;
    private final Scheduler scheduler;
    private final SessionStore store;
    private final Requester requester;
    private final Session session;
    private final Heartbeat heartbeat;
    private Hooks hooks;

    private ChatTransport transport;
    private ServerList servers;
    private Credentials credentials;
    private boolean remember;
    private String token;
    private boolean linkUp;
    private CompletableFuture<Void> pendingLogin;
    private Scheduler.Cancellable connectTimeout;
    private int generation;
    /** Connection attempts that failed during this login. */
    private int failedAttempts;
    /** The largest frame body the server accepts, from its latest {@code welcome}. */
    private int maxFrame = FrameCodec.DEFAULT_MAX_FRAME_LENGTH;

    SessionController(Supplier<ChatTransport> transports, Executor dispatcher, Scheduler scheduler, SessionStore store,
                      Requester requester, Session session) {
        this.transports = transports;
        this.dispatcher = dispatcher;
        this.scheduler = scheduler;
        this.store = store;
        this.requester = requester;
        this.session = session;
        this.heartbeat = new Heartbeat(requester, scheduler, () -> {
            if (transport != null) {
                transport.reset("no pong from the server");
            }
        });
    }

    void setHooks(Hooks hooks) {
        this.hooks = hooks;
    }

    /**
     * Connects and logs in. Completes when the session started; fails with a {@link ChatException}
     * ({@code UNREACHABLE}, or the server's refusal: map it with {@link ErrorKeys} and
     * {@code credentials.action()}).
     */
    CompletableFuture<Void> start(ServerList servers, Credentials credentials, boolean remember) {
        if (session.state() != ConnectionState.SIGNED_OUT) {
            return CompletableFuture.failedFuture(new IllegalStateException("already " + session.state()));
        }
        this.servers = servers;
        this.credentials = credentials;
        this.remember = remember;
        this.token = null;
        this.linkUp = false;
        this.failedAttempts = 0;
        this.pendingLogin = new CompletableFuture<>();
        CompletableFuture<Void> result = pendingLogin;
        session.setState(ConnectionState.CONNECTING);
        openTransport();
        connectTimeout = scheduler.schedule(CONNECT_TIMEOUT, () -> {
            if (session.state() == ConnectionState.CONNECTING && !linkUp) {
                failLogin(new ChatException(ChatException.Kind.UNREACHABLE, "no connection within "
                        + CONNECT_TIMEOUT.toSeconds() + " s"));
            }
        });
        return result;
    }

    /** Logs out (revoking the token on the server, best effort) and forgets a remembered session. */
    void logout() {
        boolean online = session.state() == ConnectionState.ONLINE;
        if (online) {
            requester.call(Logout::new, Ok.class); // the reply is not awaited
        }
        store.forgetSession();
        ChatTransport old = transport;
        transport = null; // so closeTransport() leaves it open a moment longer
        end(null);
        if (old != null) {
            // Give t-io a moment to write the logout before the socket closes.
            scheduler.schedule(online ? LOGOUT_FLUSH : Duration.ZERO, old::close);
        }
    }

    /** Closes the link without logging out (the app quits): a remembered token stays valid. */
    void close() {
        closeTransport();
        token = null;
        if (session.state() != ConnectionState.SIGNED_OUT) {
            session.signOut(null);
        }
    }

    /**
     * While reconnecting, tries the next connection now instead of at the end of the back-off
     * wait: the user asked to, or the network came back. Does nothing in any other state.
     */
    void retryNow() {
        if (session.state() == ConnectionState.RECONNECTING && transport != null && !linkUp) {
            transport.retryNow();
        }
    }

    /** The session token, while there is a session. */
    String token() {
        return token;
    }

    ServerList servers() {
        return servers;
    }

    /** The largest frame body the server accepts: data frames must fit in it. */
    int maxFrame() {
        return maxFrame;
    }

    private void openTransport() {
        int myGeneration = ++generation;
        transport = transports.get();
        requester.setTransport(transport);
        transport.connect(servers, new DispatchingListener(dispatcher, new LinkListener(myGeneration)));
    }

    private void closeTransport() {
        generation++;
        heartbeat.stop();
        if (connectTimeout != null) {
            connectTimeout.cancel();
            connectTimeout = null;
        }
        if (transport != null) {
            transport.close();
            transport = null;
        }
        requester.setTransport(null);
        requester.failAll(ChatException.Kind.CONNECTION_LOST, "the session ended");
        linkUp = false;
    }

    private void authenticate() {
        String device = store.deviceName();
        boolean resuming = session.state() == ConnectionState.RECONNECTING;
        CompletableFuture<SessionStarted> reply;
        if (resuming) {
            reply = requester.call(id -> new Resume(id, ProtocolVersion.CURRENT, token, device), SessionStarted.class);
        } else if (credentials instanceof Credentials.Password p) {
            reply = requester.call(id -> new Login(id, ProtocolVersion.CURRENT, p.username(), p.password(), device),
                    SessionStarted.class);
        } else if (credentials instanceof Credentials.Registration r) {
            reply = requester.call(id -> new Register(id, ProtocolVersion.CURRENT, r.username(), r.password(),
                    r.nickname(), device), SessionStarted.class);
        } else {
            Credentials.Token t = (Credentials.Token) credentials;
            reply = requester.call(id -> new Resume(id, ProtocolVersion.CURRENT, t.token(), device), SessionStarted.class);
        }
        int myGeneration = generation;
        reply.whenComplete((started, failure) -> {
            if (myGeneration != generation) {
                return;
            }
            if (failure == null) {
                sessionStarted(started, !resuming);
            } else if (resuming) {
                resumeFailed(failure);
            } else {
                failLogin(failure);
            }
        });
    }

    private void sessionStarted(SessionStarted started, boolean fresh) {
        token = started.token();
        if (started.device() != null && !started.device().equals(store.deviceName())) {
            store.rememberDevice(started.device());
        }
        if (fresh) {
            if (connectTimeout != null) {
                connectTimeout.cancel();
                connectTimeout = null;
            }
            if (remember) {
                store.saveSession(new SessionStore.SavedSession(servers, started.user().username(), token));
            } else {
                store.forgetSession();
            }
            credentials = null; // the password is not needed again: reconnects resume with the token
        }
        session.setAdmin(Boolean.TRUE.equals(started.admin()));
        session.setMe(started.user());
        session.setState(ConnectionState.ONLINE);
        heartbeat.start();
        hooks.sessionStarted(fresh);
        if (fresh) {
            CompletableFuture<Void> login = pendingLogin;
            pendingLogin = null;
            login.complete(null);
        }
    }

    private void resumeFailed(Throwable failure) {
        ChatException e = ChatException.of(failure);
        if (e != null && e.kind() == ChatException.Kind.SERVER_ERROR
                && (e.is(org.qchat.protocol.ErrorCode.UNAUTHENTICATED) || e.is(org.qchat.protocol.ErrorCode.FORBIDDEN))) {
            // The token was revoked or expired while we were away: only a password helps now.
            store.forgetSession();
            end(ErrorKeys.forCode(e.code(), Action.RESUME));
        } else if (transport != null) {
            // No answer or a transient error: start over with a fresh link.
            transport.reset("resume failed: " + (e == null ? failure : e.getMessage()));
        }
    }

    private void failLogin(Throwable failure) {
        ChatException e = ChatException.of(failure);
        if (credentials instanceof Credentials.Token && e != null && e.kind() == ChatException.Kind.SERVER_ERROR) {
            store.forgetSession(); // a refused token will not work next time either
        }
        CompletableFuture<Void> login = pendingLogin;
        pendingLogin = null;
        closeTransport();
        session.setState(ConnectionState.SIGNED_OUT);
        if (login != null) {
            login.completeExceptionally(ChatException.unwrap(failure));
        }
    }

    /** Ends the session; {@code reasonKey} says why if it was not the user's choice. */
    private void end(String reasonKey) {
        closeTransport();
        token = null;
        session.signOut(reasonKey);
    }

    private void onBye(ByePush bye) {
        log.info("server says bye: {}", bye.reason());
        String key = switch (String.valueOf(bye.reason())) {
            case "disabled" -> "bye.disabled";
            case "password_changed" -> "bye.passwordChanged";
            case "password_reset" -> "bye.passwordReset";
            default -> null; // idle_timeout, shutdown, anything new: the link closes and we resume
        };
        if (key != null) {
            store.forgetSession();
            end(key);
        }
    }

    /** Transport events for one link generation; stale events from a closed transport are ignored. */
    private final class LinkListener implements TransportListener {
        private final int myGeneration;

        LinkListener(int myGeneration) {
            this.myGeneration = myGeneration;
        }

        private boolean stale() {
            return myGeneration != generation;
        }

        @Override
        public void connected() {
            if (stale()) {
                return;
            }
            linkUp = true;
            ConnectionState state = session.state();
            if (state == ConnectionState.CONNECTING || state == ConnectionState.RECONNECTING) {
                authenticate();
            }
        }

        @Override
        public void connectFailed(String reason) {
            if (stale()) {
                return;
            }
            // A login gives up once every address has refused (one attempt for a single server);
            // until then the transport is already trying the next one.
            if (session.state() == ConnectionState.CONNECTING && ++failedAttempts >= servers.size()) {
                failLogin(new ChatException(ChatException.Kind.UNREACHABLE, reason));
            }
            // While reconnecting the transport keeps trying with back-off; the header says so.
        }

        @Override
        public void disconnected(String reason) {
            if (stale() || !linkUp) {
                return;
            }
            linkUp = false;
            heartbeat.stop();
            requester.failAll(ChatException.Kind.CONNECTION_LOST, "connection lost: " + reason);
            if (session.state() == ConnectionState.ONLINE) {
                session.setState(ConnectionState.RECONNECTING);
                hooks.linkLost();
            } else if (session.state() == ConnectionState.CONNECTING) {
                failLogin(new ChatException(ChatException.Kind.CONNECTION_LOST, reason));
            }
        }

        @Override
        public void packetReceived(Packet packet) {
            if (stale()) {
                return;
            }
            if (packet instanceof Response response) {
                if (!requester.complete(response) && response instanceof ErrorReply error && error.id() == null) {
                    log.warn("the server rejected our frame: {} {}", error.code(), error.message());
                }
            } else if (packet instanceof Welcome welcome) {
                heartbeat.setIntervalSeconds(welcome.heartbeatSeconds());
                maxFrame = welcome.maxFrame();
                transport.setMaxOutboundFrame(welcome.maxFrame());
            } else if (packet instanceof ByePush bye) {
                onBye(bye);
            } else if (packet instanceof Push push && session.state() == ConnectionState.ONLINE) {
                hooks.pushReceived(push);
            } else if (packet instanceof FileChunk chunk && session.state() == ConnectionState.ONLINE) {
                hooks.dataReceived(chunk);
            }
        }
    }
}
