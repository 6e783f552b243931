package org.qchat.server.handler.admin;

import org.qchat.protocol.packet.ResetPassword;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.AdminService;
import org.qchat.server.service.ChatException;

/** Resets a user's password. */
public final class ResetPasswordHandler implements PacketHandler<ResetPassword> {

    private final AdminService admin;
    private final AdminCheck admins;

    public ResetPasswordHandler(AdminService admin, AdminCheck admins) {
        this.admin = admin;
        this.admins = admins;
    }

    @Override
    public Class<ResetPassword> type() {
        return ResetPassword.class;
    }

    @Override
    public void handle(RequestContext context, ResetPassword request) throws ChatException {
        admins.require(context);
        admin.resetPassword(request.username(), request.newPassword());
        context.ok();
    }
}
