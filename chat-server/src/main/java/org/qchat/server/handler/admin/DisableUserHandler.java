package org.qchat.server.handler.admin;

import org.qchat.protocol.packet.DisableUser;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AdminService;
import org.qchat.server.service.ChatException;

/** Disables or re-enables an account. */
public final class DisableUserHandler implements PacketHandler<DisableUser> {

    private final AdminService admin;
    private final AdminCheck admins;

    public DisableUserHandler(AdminService admin, AdminCheck admins) {
        this.admin = admin;
        this.admins = admins;
    }

    @Override
    public Class<DisableUser> type() {
        return DisableUser.class;
    }

    @Override
    public void handle(RequestContext context, DisableUser request) throws ChatException {
        admins.require(context);
        admin.setDisabled(request.username(), request.disabled());
        context.ok();
    }
}
