package org.qchat.server.service;

import java.time.Clock;
import java.time.Duration;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Role;
import org.qchat.protocol.packet.MessageRecalledPush;
import org.qchat.server.db.Database;
import org.qchat.server.route.Router;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.RecallStore;
import org.qchat.server.store.file.FileCatalog;
import org.qchat.server.store.message.MessageLog;

/**
 * Recalls a message ({@code msg.recall}): its sender within the recall window while still a member,
 * a group's owner at any time, an admin at any time except the owner's and other admins' messages.
 * The recall is a state change on the message writer's thread, since only that thread may erase
 * from the message log: one transaction records who recalled it and releases a file the message
 * carried, and the message's content is erased; then every member's devices hear of it.
 */
public final class RecallService {

    private final ChatState state;
    private final MessageViews views;
    private final MessageWriter writer;
    private final MessageLog log;
    private final Database db;
    private final RecallStore recalls;
    private final GroupStore groups;
    private final FileCatalog files;
    private final Router router;
    private final Clock clock;
    private final Duration window;

    public RecallService(ChatState state, MessageViews views, MessageWriter writer, MessageLog log, Database db,
                         RecallStore recalls, GroupStore groups, FileCatalog files, Router router, Clock clock,
                         Duration window) {
        this.state = state;
        this.views = views;
        this.writer = writer;
        this.log = log;
        this.db = db;
        this.recalls = recalls;
        this.groups = groups;
        this.files = files;
        this.router = router;
        this.clock = clock;
        this.window = window;
    }

    /**
     * Recalls message {@code seq} of {@code convId} for {@code userId}; a message recalled before is
     * left as it is, with nothing pushed. Blocks until the writer has stored the recall: worker thread.
     */
    public void recall(long userId, long convId, long seq) throws ChatException {
        Conversation conv = state.conversation(convId);
        MessageInfo message = conv == null ? null : views.visible(userId, conv, seq);
        if (message == null) {
            throw ChatException.notFound("no message " + seq + " in this conversation");
        }
        if (message.kind() == MessageKind.SYSTEM) {
            throw ChatException.badRequest("a system line cannot be recalled");
        }
        if (message.recalledBy() != null) {
            return;
        }
        authorise(userId, conv, message);
        long now = clock.millis();
        boolean recalled = writer.change(edit -> {
            if (recalls.recalledBy(edit.tx(), convId, seq).isPresent()) {
                return false;
            }
            recalls.record(edit.tx(), convId, seq, userId, now);
            if (message.file() != null) {
                files.unreference(edit.tx(), message.senderId(), message.clientMsgId());
            }
            if (!log.erase(convId, seq)) {
                throw ChatException.notFound("no message " + seq + " in this conversation");
            }
            return true;
        });
        if (recalled) {
            router.sendToUsers(conv.members(), new MessageRecalledPush(convId, seq, userId, now), null);
        }
    }

    private void authorise(long userId, Conversation conv, MessageInfo message) throws ChatException {
        boolean own = message.senderId() == userId;
        if (conv.kind() == ConversationKind.SYSTEM) {
            throw ChatException.forbidden("announcements cannot be recalled");
        }
        if (own && conv.hasMember(userId) && clock.millis() - message.time() < window.toMillis()) {
            return;
        }
        if (conv.kind() == ConversationKind.GROUP && conv.hasMember(userId)) {
            Role mine = roleOf(conv.id(), userId);
            if (mine == Role.OWNER) {
                return;
            }
            if (mine == Role.ADMIN && (own || roleOf(conv.id(), message.senderId()) == Role.MEMBER)) {
                return;
            }
        }
        throw ChatException.forbidden(own ? "the time to recall this message has passed" : "you may not recall this message");
    }

    /** The user's role in the group now; a former member counts as a member. */
    private Role roleOf(long groupId, long userId) {
        return db.read(tx -> groups.roleOf(tx, groupId, userId)).orElse(Role.MEMBER);
    }
}
