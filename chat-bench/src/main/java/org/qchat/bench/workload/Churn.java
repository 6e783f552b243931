package org.qchat.bench.workload;

import java.util.concurrent.TimeUnit;

import org.qchat.bench.load.BenchClient;
import org.qchat.bench.load.EventLoop;
import org.qchat.bench.sut.Target;

/**
 * The log-out / log-in traffic of the mixed workload, on the loop thread: idle users (never the
 * chatting ones) go offline and come back at a fixed rate with their session token; a few log out
 * and log in again with their password, where the system has passwords.
 */
final class Churn {

    /** What the churn did, and how long logins took meanwhile. */
    record Counts(long reconnects, long passwordLogins, double loginP99Millis) {
    }

    private final Fleet fleet;
    private final Target target;
    private final int firstIdle;
    private final int users;
    private final Profile profile;
    private EventLoop loop;
    private boolean running;
    private final int firstPassword;
    private int nextResume;
    private int nextPassword;
    private long reconnects;
    private long passwordLogins;
    private double passwordCredit;

    Churn(Fleet fleet, Target target, int firstIdle, int users, Profile profile) {
        this.fleet = fleet;
        this.target = target;
        this.firstIdle = firstIdle;
        this.users = users;
        this.profile = profile;
        this.firstPassword = users - Math.max(1, Math.min(50, (users - firstIdle) / 4));
        this.nextResume = firstIdle;
        this.nextPassword = firstPassword;
    }

    void start(EventLoop on) {
        loop = on;
        running = true;
        fleet.resetLoginLatency();
        tick();
    }

    Counts stop() {
        running = false;
        return new Counts(reconnects, passwordLogins, fleet.loginLatency().percentileMillis(99));
    }

    private void tick() {
        if (!running) {
            return;
        }
        passwordCredit += profile.mixedPasswordLoginsPerSecond() / profile.mixedReconnectsPerSecond();
        if (passwordCredit >= 1 && target.passwordClients() != null) {
            // Logging out revokes the session token, so these users always come back with their password.
            passwordCredit -= 1;
            int user = nextPasswordUser();
            BenchClient client = fleet.client(user);
            if (client != null && client.isReady()) {
                client.leave();
                fleet.restart(user, target.passwordClients());
                passwordLogins++;
            }
        } else {
            // Going offline without logging out (the app closed, the network gone): back with the token.
            int user = nextResumeUser();
            BenchClient client = fleet.client(user);
            if (client != null && client.isReady()) {
                client.close();
                fleet.restart(user, target.clients());
                reconnects++;
            }
        }
        long interval = (long) (TimeUnit.SECONDS.toNanos(1) / profile.mixedReconnectsPerSecond());
        loop.schedule(System.nanoTime() + interval, this::tick);
    }

    private int nextResumeUser() {
        int user = nextResume;
        nextResume = nextResume + 1 >= firstPassword ? firstIdle : nextResume + 1;
        return user;
    }

    private int nextPasswordUser() {
        int user = nextPassword;
        nextPassword = nextPassword + 1 >= users ? firstPassword : nextPassword + 1;
        return user;
    }
}
