package org.qchat.server.handler.readstate;

import org.qchat.protocol.packet.SetConversationSettings;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.SettingsService;

/** Pins or mutes a conversation for all the user's devices (`conv.settings`). */
public final class SetConversationSettingsHandler implements PacketHandler<SetConversationSettings> {

    private final SettingsService service;

    public SetConversationSettingsHandler(SettingsService service) {
        this.service = service;
    }

    @Override
    public Class<SetConversationSettings> type() {
        return SetConversationSettings.class;
    }

    @Override
    public void handle(RequestContext context, SetConversationSettings request) throws ChatException {
        service.setConversation(context.me().userId(), request.convId(), request.pinned(), request.dnd());
        context.ok();
    }
}
