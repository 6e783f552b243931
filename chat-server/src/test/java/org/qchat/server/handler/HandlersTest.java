package org.qchat.server.handler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;

import org.junit.jupiter.api.Test;
import org.qchat.protocol.PacketRegistry;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.service.Services;

class HandlersTest {

    @Test
    void everyRequestTypeOfTheProtocolHasExactlyOneHandler() {
        HandlerRegistry registry = Handlers.create(ServerConfig.builder().build(), Clock.systemUTC(),
                new Services(null, null, null, null, null, null, null, null, null, null, null, null, null, new Services.ReadState(null, null)), null);
        assertThat(new HashSet<>(registry.handledTypes())).isEqualTo(new HashSet<>(PacketRegistry.requests()));
    }
}
