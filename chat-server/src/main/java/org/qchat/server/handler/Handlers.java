package org.qchat.server.handler;

import java.time.Clock;
import java.util.List;

import org.qchat.server.files.FileService;
import org.qchat.server.handler.file.CancelTransferHandler;
import org.qchat.server.handler.file.DownloadFileHandler;
import org.qchat.server.handler.file.ProveFileHandler;
import org.qchat.server.handler.file.UploadFileHandler;
import org.qchat.server.handler.account.BlockUserHandler;
import org.qchat.server.handler.account.ChangePasswordHandler;
import org.qchat.server.handler.account.ListBlockedHandler;
import org.qchat.server.handler.account.SearchUsersHandler;
import org.qchat.server.handler.account.UnblockUserHandler;
import org.qchat.server.handler.account.UpdateProfileHandler;
import org.qchat.server.handler.admin.AdminCheck;
import org.qchat.server.handler.admin.BroadcastHandler;
import org.qchat.server.handler.admin.DisableUserHandler;
import org.qchat.server.handler.admin.ResetPasswordHandler;
import org.qchat.server.handler.friend.ListFriendRequestsHandler;
import org.qchat.server.handler.friend.ListFriendsHandler;
import org.qchat.server.handler.friend.RemoveFriendHandler;
import org.qchat.server.handler.friend.RespondFriendRequestHandler;
import org.qchat.server.handler.friend.SendFriendRequestHandler;
import org.qchat.server.handler.group.CreateGroupHandler;
import org.qchat.server.handler.group.DissolveGroupHandler;
import org.qchat.server.handler.group.GetGroupHandler;
import org.qchat.server.handler.group.InviteToGroupHandler;
import org.qchat.server.handler.group.JoinGroupHandler;
import org.qchat.server.handler.group.KickMemberHandler;
import org.qchat.server.handler.group.LeaveGroupHandler;
import org.qchat.server.handler.group.ListGroupsHandler;
import org.qchat.server.handler.group.ListMembersHandler;
import org.qchat.server.handler.group.SearchGroupsHandler;
import org.qchat.server.handler.group.SetGroupAdminHandler;
import org.qchat.server.handler.group.SetGroupNoticeHandler;
import org.qchat.server.handler.group.MuteMemberHandler;
import org.qchat.server.handler.group.MuteAllHandler;
import org.qchat.server.handler.message.AckCursorHandler;
import org.qchat.server.handler.message.MessageHistoryHandler;
import org.qchat.server.handler.message.PullMessagesHandler;
import org.qchat.server.handler.message.RecallMessageHandler;
import org.qchat.server.handler.message.TypingHandler;
import org.qchat.server.handler.message.SendMessageHandler;
import org.qchat.server.handler.message.SyncHandler;
import org.qchat.server.handler.readstate.ListReceiptsHandler;
import org.qchat.server.handler.readstate.MarkReadHandler;
import org.qchat.server.handler.readstate.SetConversationSettingsHandler;
import org.qchat.server.handler.readstate.SetFriendRemarkHandler;
import org.qchat.server.handler.session.LoginHandler;
import org.qchat.server.handler.session.LogoutHandler;
import org.qchat.server.handler.session.PingHandler;
import org.qchat.server.handler.session.RegisterHandler;
import org.qchat.server.handler.session.ResumeHandler;
import org.qchat.server.config.ServerConfig;
import org.qchat.server.service.AccountService;
import org.qchat.server.service.AdminService;
import org.qchat.server.service.FriendService;
import org.qchat.server.service.GroupService;
import org.qchat.server.service.MessageService;
import org.qchat.server.service.Services;
import org.qchat.server.service.SyncService;

/** Every request handler, wired to its services. */
public final class Handlers {

    private Handlers() {
    }

    public static HandlerRegistry create(ServerConfig config, Clock clock, Services services, FileService files) {
        AdminCheck admins = new AdminCheck(config);
        AccountService accounts = services.accounts();
        FriendService friends = services.friends();
        GroupService groups = services.groups();
        MessageService messages = services.messages();
        SyncService sync = services.sync();
        AdminService admin = services.admin();
        return new HandlerRegistry(List.of(
                new PingHandler(clock),
                new RegisterHandler(accounts, admins),
                new LoginHandler(accounts, admins),
                new ResumeHandler(accounts, admins),
                new LogoutHandler(accounts),
                new ChangePasswordHandler(accounts),
                new UpdateProfileHandler(accounts),
                new SearchUsersHandler(accounts),
                new BlockUserHandler(friends),
                new UnblockUserHandler(friends),
                new ListBlockedHandler(friends),
                new SendFriendRequestHandler(friends),
                new RespondFriendRequestHandler(friends),
                new RemoveFriendHandler(friends),
                new ListFriendsHandler(friends),
                new ListFriendRequestsHandler(friends),
                new CreateGroupHandler(groups),
                new GetGroupHandler(groups),
                new SearchGroupsHandler(groups),
                new ListGroupsHandler(groups),
                new ListMembersHandler(groups),
                new InviteToGroupHandler(groups),
                new JoinGroupHandler(groups),
                new LeaveGroupHandler(groups),
                new KickMemberHandler(groups),
                new SetGroupAdminHandler(groups),
                new DissolveGroupHandler(groups),
                new SetGroupNoticeHandler(groups),
                new MuteMemberHandler(groups),
                new MuteAllHandler(groups),
                new SendMessageHandler(messages, files, services.extras()),
                new RecallMessageHandler(services.recalls()),
                new TypingHandler(services.typing()),
                new PullMessagesHandler(messages),
                new MessageHistoryHandler(messages),
                new SyncHandler(sync, clock),
                new AckCursorHandler(sync),
                new BroadcastHandler(messages, admins),
                new DisableUserHandler(admin, admins),
                new ResetPasswordHandler(admin, admins),
                new UploadFileHandler(files),
                new ProveFileHandler(files),
                new CancelTransferHandler(files),
                new DownloadFileHandler(files),
                new MarkReadHandler(services.readState().receipts()),
                new ListReceiptsHandler(services.readState().receipts()),
                new SetConversationSettingsHandler(services.readState().settings()),
                new SetFriendRemarkHandler(services.readState().settings())));
    }
}
