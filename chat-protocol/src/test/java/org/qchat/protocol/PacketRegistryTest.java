package org.qchat.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.qchat.protocol.packet.Ping;

/** The table of wire type names. */
class PacketRegistryTest {

    static List<Class<? extends Packet>> registered() {
        return PacketRegistry.all();
    }

    @Test
    void noTwoRecordsShareATypeName() {
        List<String> names = PacketRegistry.all().stream().map(t -> t.getAnnotation(PacketType.class).value()).toList();
        Set<String> seen = new HashSet<>();
        List<String> duplicates = names.stream().filter(n -> !seen.add(n)).toList();

        assertThat(duplicates).isEmpty();
    }

    @Test
    void noRecordIsRegisteredTwice() {
        assertThat(PacketRegistry.all()).doesNotHaveDuplicates();
    }

    @Test
    void everyPacketRecordInThePacketPackageIsRegistered() throws IOException, URISyntaxException {
        URL url = Ping.class.getResource("Ping.class");
        assertThat(url).isNotNull();
        assertThat(url.getProtocol()).as("packet classes are read from a directory").isEqualTo("file");
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(Path.of(url.toURI()).getParent())) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
        Set<String> registered = PacketRegistry.all().stream().map(Class::getSimpleName).collect(Collectors.toSet());

        assertThat(registered).containsExactlyInAnyOrderElementsOf(onDisk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void everyRegisteredClassIsAnAnnotatedRecordOfExactlyOneKind(Class<? extends Packet> type) {
        assertThat(type.isRecord()).as("%s is a record", type.getSimpleName()).isTrue();
        assertThat(type.getAnnotation(PacketType.class)).as("%s has @PacketType", type.getSimpleName()).isNotNull();
        long kinds = Stream.of(Request.class, Response.class, Push.class).filter(k -> k.isAssignableFrom(type)).count();
        assertThat(kinds).as("%s is exactly one of Request, Response, Push", type.getSimpleName()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void typeNameIsDottedLowerCamelCaseWords(Class<? extends Packet> type) {
        assertThat(type.getAnnotation(PacketType.class).value()).matches("[a-z]+([A-Z][a-z]+)*(\\.[a-z]+([A-Z][a-z]+)*)*");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("registered")
    void lookupsAgreeWithTheAnnotation(Class<? extends Packet> type) {
        String name = type.getAnnotation(PacketType.class).value();

        assertThat(PacketRegistry.typeOf(type)).isEqualTo(name);
        assertThat(PacketRegistry.classOf(name)).contains(type);
    }

    @Test
    void everyRequestAndResponseHasAStringIdComponentAndNoPushHasOne() {
        for (Class<? extends Packet> type : PacketRegistry.all()) {
            var id = Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals("id")).findFirst();
            if (Push.class.isAssignableFrom(type)) {
                assertThat(id).as("%s is a push and has no id", type.getSimpleName()).isEmpty();
            } else {
                assertThat(id).as("%s has an id component", type.getSimpleName()).isPresent();
                assertThat(id.get().getType()).as("%s.id is a String", type.getSimpleName()).isEqualTo(String.class);
            }
        }
    }

    @Test
    void requestsListsExactlyTheRequestRecordsInRegistrationOrder() {
        List<Class<? extends Packet>> expected = PacketRegistry.all().stream()
                .filter(Request.class::isAssignableFrom).toList();

        assertThat(PacketRegistry.requests()).containsExactlyElementsOf(expected).isNotEmpty();
        assertThat(PacketRegistry.requests()).allSatisfy(t -> assertThat(t.getRecordComponents()[0].getName())
                .as("%s declares id first", t.getSimpleName()).isEqualTo("id"));
    }

    @Test
    void typeOfEveryInstanceMatchesItsAnnotation() {
        for (WireVectors.Vector vector : WireVectors.all()) {
            Packet packet = vector.packet();
            assertThat(packet.type()).isEqualTo(packet.getClass().getAnnotation(PacketType.class).value());
        }
        assertThat(RoundTripTest.filled(Ping.class).type()).isEqualTo("ping");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "nope", "PING", "Ping", " ping", "ping ", "msg.send.", "msg.", ".msg", "msg.*", "friend.requests.list "})
    @NullSource
    void unknownNamesGiveAnEmptyOptional(String name) {
        assertThat(PacketRegistry.classOf(name)).isEmpty();
    }

    @Test
    void typeOfAnUnregisteredClassIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> PacketRegistry.typeOf(String.class));
        assertThatIllegalArgumentException().isThrownBy(() -> PacketRegistry.typeOf(Packet.class));
        Packet stray = new Packet() {
        };
        assertThatIllegalArgumentException().isThrownBy(stray::type);
    }

    @Test
    void registrationListIsImmutable() {
        assertThatThrownBy(() -> PacketRegistry.all().add(Ping.class)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> PacketRegistry.requests().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
