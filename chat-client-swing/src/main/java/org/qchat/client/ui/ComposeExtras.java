package org.qchat.client.ui;

import java.util.ArrayList;
import java.util.List;

import javax.swing.JComponent;
import javax.swing.text.JTextComponent;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.MessageExtras;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;
import org.qchat.protocol.model.MemberInfo;
import org.qchat.protocol.model.Role;

/**
 * What the compose box of one conversation adds to a message: the reply being written (the
 * {@link ReplyBar}), the members named with "@" in a group ({@link MentionCompletion}), and telling a
 * friend that the user is typing.
 */
final class ComposeExtras {

    private final ChatClient client;
    private final Conversation conv;
    private final ReplyBar replyBar = new ReplyBar();
    private MentionCompletion mentions;

    ComposeExtras(ChatClient client, Conversation conv) {
        this.client = client;
        this.conv = conv;
    }

    /** Follows what is typed in {@code input}. */
    void attach(JTextComponent input) {
        input.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                client.messageActions().typed(conv.convId());
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
            }
        });
        if (conv.kind() == ConversationKind.GROUP) {
            mentions = new MentionCompletion(input, this::candidates);
        }
    }

    JComponent replyBar() {
        return replyBar;
    }

    MentionCompletion mentions() {
        return mentions;
    }

    void replyTo(ChatMessage message) {
        replyBar.replyTo(message, Texts.userName(client, message.senderId()));
    }

    /** Sends {@code text} with the reply and mentions written with it, then forgets them. */
    void send(String text) {
        List<Long> named = mentions == null ? List.of() : mentions.mentionedIn(text);
        boolean all = mentions != null && mentions.mentionsAllIn(text);
        if (replyBar.quote() == null && named.isEmpty() && !all) {
            client.sendMessage(conv.convId(), text);
        } else {
            client.messageActions().send(conv.convId(), text, MessageExtras.outgoing(replyBar.quote(), named, all));
        }
        replyBar.clear();
        if (mentions != null) {
            mentions.reset();
        }
    }

    /** The group's other members, and "All" for its owner and admins. */
    private List<MentionCompletion.Candidate> candidates() {
        long groupId = conv.groupId();
        long me = client.session().myId();
        List<MentionCompletion.Candidate> out = new ArrayList<>();
        Role role = client.groups().myRole(groupId);
        if (role == Role.OWNER || role == Role.ADMIN) {
            out.add(new MentionCompletion.Candidate(MentionCompletion.ALL, I18n.tr("mention.all"), null));
        }
        for (MemberInfo m : client.groups().members(groupId)) {
            if (m.user().userId() != me) {
                out.add(new MentionCompletion.Candidate(m.user().userId(), m.user().nickname(), m.user().username()));
            }
        }
        return out;
    }
}
