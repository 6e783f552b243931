package org.qchat.server.service;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MessageInfo;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.model.Quote;
import org.qchat.protocol.model.Role;
import org.qchat.server.db.Database;
import org.qchat.server.state.ChatState;
import org.qchat.server.state.Conversation;
import org.qchat.server.store.GroupStore;
import org.qchat.server.store.message.MessageLog;

/**
 * Checks what a {@code msg.send} carries besides its content: the message it replies to (one the
 * sender may read in the same conversation, not a system line), the members it mentions (a group's
 * current members, at most {@link #MAX_MENTIONS}) and whether it mentions everyone (a group's owner
 * or admins only). Worker thread: reads the message log, and the database for {@code mentionAll}.
 */
public final class MessageExtrasCheck {

    /** Most users one message may mention. */
    public static final int MAX_MENTIONS = 50;

    private final ChatState state;
    private final MessageViews views;
    private final Database db;
    private final GroupStore groups;

    public MessageExtrasCheck(ChatState state, MessageViews views, Database db, GroupStore groups) {
        this.state = state;
        this.views = views;
        this.db = db;
        this.groups = groups;
    }

    public MessageExtras check(long senderId, long convId, Long replyTo, List<Long> mentions, Boolean mentionAll)
            throws ChatException {
        Conversation conv = state.conversation(convId);
        if (conv == null || !conv.hasMember(senderId)) {
            // The writer refuses the send itself, with the error it gives for any message.
            return MessageExtras.NONE;
        }
        Quote quote = null;
        if (replyTo != null) {
            MessageInfo quoted = views.visible(senderId, conv, replyTo);
            if (quoted == null || quoted.kind() == MessageKind.SYSTEM) {
                throw ChatException.notFound("no message " + replyTo + " to reply to in this conversation");
            }
            quote = Quote.of(quoted);
        }
        List<Long> named = null;
        if (mentions != null && !mentions.isEmpty()) {
            requireGroup(conv);
            LinkedHashSet<Long> distinct = new LinkedHashSet<>(mentions);
            if (distinct.size() > MAX_MENTIONS) {
                throw ChatException.badRequest("a message mentions at most " + MAX_MENTIONS + " members");
            }
            for (long userId : distinct) {
                if (!conv.hasMember(userId)) {
                    throw ChatException.badRequest("user " + userId + " is not a member of this group");
                }
            }
            named = new ArrayList<>(distinct);
        }
        Boolean all = null;
        if (Boolean.TRUE.equals(mentionAll)) {
            requireGroup(conv);
            Role role = db.read(tx -> groups.roleOf(tx, convId, senderId)).orElse(Role.MEMBER);
            if (role != Role.OWNER && role != Role.ADMIN) {
                throw ChatException.forbidden("only the group's owner and admins may mention everyone");
            }
            all = Boolean.TRUE;
        }
        return new MessageExtras(new MessageLog.Extras(replyTo, named, all, null), quote);
    }

    private static void requireGroup(Conversation conv) throws ChatException {
        if (conv.kind() != ConversationKind.GROUP) {
            throw ChatException.badRequest("mentions are for group conversations");
        }
    }
}
