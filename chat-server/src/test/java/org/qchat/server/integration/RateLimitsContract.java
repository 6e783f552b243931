package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.GroupInfo;
import org.qchat.protocol.packet.CreateGroup;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.GroupReply;
import org.qchat.protocol.packet.ListFriends;
import org.qchat.protocol.packet.ListGroups;
import org.qchat.protocol.packet.Login;
import org.qchat.protocol.packet.Register;
import org.qchat.protocol.packet.Resume;
import org.qchat.protocol.packet.SessionStarted;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.Environment;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/**
 * The request rate per connection, failed-login and bad-token throttling, and registrations per
 * address, over real sockets with low limits. Clients come from different loopback addresses
 * (127.0.0.x) so each test has addresses of its own, and so the tests can show that one
 * address's limits never touch another's.
 */
abstract class RateLimitsContract extends ServerContract {

    private static final int BURST = 10;
    private static final double RATE = 1;
    private static final int FREE_FAILURES = 3;
    private static final int FREE_FAILURES_PER_ADDRESS = 5;
    private static final int REGISTRATIONS_PER_HOUR = 3;
    private static final Pattern RETRY_MS = Pattern.compile("slow down; retry in (\\d+) ms");
    private static final Pattern RETRY_S = Pattern.compile("retry in (\\d+) s");

    protected RateLimitsContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void configure(ServerConfig.Builder config) {
        config.rateLimits(new RateLimits(RATE, BURST, FREE_FAILURES, FREE_FAILURES_PER_ADDRESS, Duration.ofMinutes(1),
                Duration.ofMinutes(10), REGISTRATIONS_PER_HOUR));
    }

    @BeforeEach
    final void requireLoopbackAliases() {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
        } catch (IOException e) {
            String reason = "these tests connect from 127.0.0.x addresses, which this host does not route: " + e;
            if (Environment.requireAll()) {
                Assertions.fail(reason);
            }
            Assumptions.abort(reason);
        }
    }

    /** A connection from {@code address} with a new user registered on it. */
    private TestClient newUserFrom(String address, String prefix) {
        TestClient client = server.connectFrom(address);
        client.register(Names.unique(prefix));
        return client;
    }

    private static Login login(TestClient c, String username, String password) {
        return new Login(c.nextId(), ProtocolVersion.CURRENT, username, password, null);
    }

    private static long retrySeconds(ErrorReply error) {
        Matcher m = RETRY_S.matcher(error.message());
        assertThat(m.find()).as("'%s' names the wait in seconds", error.message()).isTrue();
        return Long.parseLong(m.group(1));
    }

    @Test
    void aFloodFromOneConnectionIsRateLimitedWhileAnotherConnectionIsServed() {
        TestClient flooder = newUserFrom("127.0.0.11", "flood");
        TestClient neighbour = newUserFrom("127.0.0.11", "calm");
        int flood = 40;
        List<String> ids = new ArrayList<>();

        long start = System.nanoTime();
        for (int i = 0; i < flood; i++) {
            ids.add(flooder.send(new CreateGroup(flooder.nextId(), "flood " + i, null)));
        }
        List<Long> created = new ArrayList<>();
        int limited = 0;
        for (String id : ids) {
            Response reply = flooder.awaitReply(id, TestClient.TIMEOUT);
            if (reply instanceof GroupReply group) {
                created.add(group.group().groupId());
            } else {
                ErrorReply error = (ErrorReply) reply;
                assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                assertThat(error.message()).matches(RETRY_MS);
                limited++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        // The register request took one token of the burst; the bucket refills at RATE meanwhile.
        assertThat(created.size()).as("the burst is served").isGreaterThanOrEqualTo(BURST - 1);
        assertThat(created.size()).as("and no more than the burst plus the refill over %.2f s", seconds)
                .isLessThanOrEqualTo(BURST - 1 + (int) Math.ceil(seconds * RATE));
        assertThat(limited).isEqualTo(flood - created.size());
        assertThat(flooder.ping()).as("ping is exempt, so heartbeats never fail").isNotNull();

        for (int i = 0; i < 5; i++) {
            neighbour.expect(GroupReply.class, new CreateGroup(neighbour.nextId(), "calm " + i, null));
        }

        TestClient sameUserElsewhere = server.connectFrom("127.0.0.11");
        sameUserElsewhere.login(flooder.username(), PASSWORD, null);
        List<GroupInfo> groups = sameUserElsewhere.expect(GroupList.class,
                new ListGroups(sameUserElsewhere.nextId())).groups();
        assertThat(groups).extracting(GroupInfo::groupId).as("refused requests did nothing")
                .containsExactlyInAnyOrderElementsOf(created);

        await("the flooding connection is served again after the advertised wait")
                .atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> !(flooder.request(new ListFriends(flooder.nextId())) instanceof ErrorReply));
    }

    @Test
    void wrongPasswordsFromOneAddressAreThrottledButTheOwnerStillLogsInFromAnother() {
        TestClient owner = newUserFrom("127.0.0.21", "owner");
        String name = owner.username();
        owner.close();
        TestClient attacker = server.connectFrom("127.0.0.22");

        for (int i = 0; i < FREE_FAILURES; i++) {
            attacker.expectError(login(attacker, name, "guess-number-" + i), ErrorCode.UNAUTHENTICATED);
        }
        ErrorReply refused = attacker.expectError(login(attacker, name.toUpperCase(Locale.ROOT), PASSWORD),
                ErrorCode.RATE_LIMITED);
        assertThat(refused.message()).startsWith("too many failed logins; retry in ");
        assertThat(retrySeconds(refused)).as("the base delay, in whole seconds").isBetween(50L, 60L);
        attacker.expectError(login(attacker, name, PASSWORD), ErrorCode.RATE_LIMITED);

        TestClient ownerAgain = server.connectFrom("127.0.0.21");
        ownerAgain.login(name, PASSWORD, null);
        TestClient ownerOnTheRoad = server.connectFrom("127.0.0.23");
        ownerOnTheRoad.login(name, PASSWORD, null);
    }

    @Test
    void oneAddressGuessingAtManyAccountsIsThrottledAsAWhole() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FREE_FAILURES_PER_ADDRESS + 1; i++) {
            TestClient user = newUserFrom("127.0.3." + (i + 1), "spray");
            names.add(user.username());
        }
        TestClient sprayer = server.connectFrom("127.0.0.32");
        for (int i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) {
            sprayer.expectError(login(sprayer, names.get(i), "wrong-password"), ErrorCode.UNAUTHENTICATED);
        }

        String untouched = names.get(FREE_FAILURES_PER_ADDRESS);
        ErrorReply refused = sprayer.expectError(login(sprayer, untouched, PASSWORD), ErrorCode.RATE_LIMITED);
        assertThat(refused.message()).startsWith("too many failed logins; retry in ");

        server.connectFrom("127.0.0.33").login(untouched, PASSWORD, null);
        server.connectFrom("127.0.0.33").login(names.get(0), PASSWORD, null);
    }

    @Test
    void invalidSessionTokensFromOneAddressAreThrottledButAValidTokenWorksFromAnother() {
        TestClient owner = newUserFrom("127.0.0.41", "tok");
        String token = owner.token();
        String device = owner.device();
        owner.close();
        TestClient guesser = server.connectFrom("127.0.0.42");
        for (int i = 0; i < FREE_FAILURES_PER_ADDRESS; i++) {
            guesser.expectError(new Resume(guesser.nextId(), ProtocolVersion.CURRENT, "made-up-token-" + i, null),
                    ErrorCode.UNAUTHENTICATED);
        }
        ErrorReply refused = guesser.expectError(new Resume(guesser.nextId(), ProtocolVersion.CURRENT, token, device),
                ErrorCode.RATE_LIMITED);
        assertThat(refused.message()).startsWith("too many invalid session tokens; retry in ");

        server.connectFrom("127.0.0.41").resume(token, device);
    }

    @Test
    void registrationsPerAddressAreLimitedAndARefusedOneStoresNothing() {
        String address = "127.0.0.51";
        String taken = newUserFrom("127.0.0.52", "taken").username();
        TestClient conflicting = server.connectFrom(address);
        for (int i = 0; i < 2; i++) {
            conflicting.expectError(new Register(conflicting.nextId(), ProtocolVersion.CURRENT, taken, PASSWORD, null,
                    null), ErrorCode.CONFLICT);
        }
        for (int i = 0; i < REGISTRATIONS_PER_HOUR; i++) {
            newUserFrom(address, "reg");
        }

        String refusedName = Names.unique("reg");
        TestClient refused = server.connectFrom(address);
        ErrorReply error = refused.expectError(new Register(refused.nextId(), ProtocolVersion.CURRENT, refusedName,
                PASSWORD, null, null), ErrorCode.RATE_LIMITED);
        assertThat(error.message()).startsWith("too many new accounts from your address; retry in ");
        assertThat(retrySeconds(error)).as("one registration per 20 minutes refills")
                .isBetween(Duration.ofMinutes(19).toSeconds(), Duration.ofMinutes(20).toSeconds());

        SessionStarted elsewhere = server.connectFrom("127.0.0.53").register(refusedName);
        assertThat(elsewhere.user().username()).as("the refused name was never stored").isEqualTo(refusedName);
    }
}
