package org.qchat.server.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.PacketRegistry;
import org.qchat.protocol.Request;
import org.qchat.protocol.Response;
import org.qchat.protocol.packet.ErrorReply;
import org.qchat.server.integration.AuthorisationTable.Case;
import org.qchat.server.integration.AuthorisationTable.Dimension;
import org.qchat.server.integration.AuthorisationTable.Row;
import org.qchat.server.testing.Backend;
import org.qchat.server.testing.TestClient;

/**
 * The authorisation table ({@link AuthorisationTable}) run over real sockets: for every request
 * type, the unauthenticated, non-member, non-admin, blocked and acting-for-another-user cases are
 * refused with their code, and re-reading the whole {@link AuthorisationWorld} through the
 * protocol afterwards shows that nothing changed.
 */
abstract class AuthorisationContract extends ServerContract {

    private AuthorisationWorld world;

    protected AuthorisationContract(Backend backend) {
        super(backend);
    }

    @Override
    protected void serverStarted() {
        world = new AuthorisationWorld(() -> TestClient.connect("127.0.0.1", server.port()), server::connect);
    }

    @AfterAll
    final void closeWorld() {
        if (world != null) {
            world.close();
        }
    }

    static Stream<Case> cases() {
        return AuthorisationTable.rows().values().stream().flatMap(row -> row.allCases().stream());
    }

    @Test
    void everyRequestTypeOfTheProtocolHasARowThatDecidesEveryDimension() {
        assertThat(AuthorisationTable.missingRows(PacketRegistry.requests()))
                .as("request types without a row in AuthorisationTable").isEmpty();
        for (Row row : AuthorisationTable.rows().values()) {
            assertThat(row.undecided()).as("dimensions the row of %s neither tests nor explains",
                    row.type.getSimpleName()).isEmpty();
            assertThat(Request.class).isAssignableFrom(row.type);
        }
        assertThat(cases()).extracting(Case::dimension).as("every dimension is tested somewhere")
                .contains(Dimension.values());
    }

    @Test
    void aRequestTypeWithoutARowIsReported() {
        record Unlisted(String id) implements Request {
        }
        assertThat(AuthorisationTable.missingRows(List.of(Unlisted.class))).containsExactly(Unlisted.class);
    }

    @Test
    void everyRequestSentBeforeLoginOtherThanTheFourSessionOpenersIsRefusedUnauthenticated() {
        List<String> openers = List.of("ping", "register", "login", "resume");
        for (Row row : AuthorisationTable.rows().values()) {
            boolean anonymousRefusal = row.allCases().stream().anyMatch(c -> c.dimension() == Dimension.UNAUTHENTICATED
                    && c.expected() == ErrorCode.UNAUTHENTICATED);
            assertThat(anonymousRefusal).as("%s has an anonymous case refused UNAUTHENTICATED",
                    PacketRegistry.typeOf(row.type)).isEqualTo(!openers.contains(PacketRegistry.typeOf(row.type)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCaseOfTheTableIsRefusedWithItsCodeAndChangesNothing(Case c) {
        Map<String, Object> before = world.snapshot();
        TestClient actor = c.actor().apply(world);
        Request request = c.request().apply(world);

        if (c.expected() == null) {
            Response reply = actor.request(request);
            assertThat(reply).as("reply to %s", request).isNotInstanceOf(ErrorReply.class);
        } else {
            actor.expectError(request, c.expected());
        }
        c.check().accept(world);

        Map<String, Object> after = world.snapshot();
        for (Map.Entry<String, Object> e : before.entrySet()) {
            assertThat(after.get(e.getKey())).as("%s after: %s", e.getKey(), c).isEqualTo(e.getValue());
        }
    }
}
