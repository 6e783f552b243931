package org.qchat.client.ui;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.SystemEvent;

/**
 * A group's system line in the user's language, built from its {@link SystemEvent} with the names
 * this client knows ("Alice 将 Bob 移出了群聊"); an event this client does not know shows the
 * server's own sentence.
 */
final class SystemLineText {

    private SystemLineText() {
    }

    static String of(ChatClient client, ChatMessage message) {
        SystemEvent e = message.system();
        if (e == null) {
            return message.text();
        }
        long me = client.session().myId();
        String actor = name(client, e.actorId(), me);
        String target = e.targetId() == null ? "" : name(client, e.targetId(), me);
        return switch (e.event()) {
            case "created" -> I18n.tr("system.created", actor);
            case "joined" -> e.targetId() != null && e.targetId() == e.actorId() ? I18n.tr("system.joined", target)
                    : I18n.tr("system.invited", actor, target);
            case "left" -> I18n.tr("system.left", target.isEmpty() ? actor : target);
            case "kicked" -> I18n.tr("system.kicked", actor, target);
            case "role" -> I18n.tr("admin".equals(e.role()) ? "system.role.admin" : "system.role.member", actor, target);
            case "notice" -> e.notice() == null || e.notice().isEmpty() ? I18n.tr("system.notice.cleared", actor)
                    : I18n.tr("system.notice", actor, Texts.preview(e.notice(), 60));
            case "muted" -> I18n.tr("system.muted", actor, target, e.until() == null ? "" : Texts.time(e.until()));
            case "unmuted" -> I18n.tr("system.unmuted", actor, target);
            case "mute_all" -> I18n.tr("system.muteAll", actor);
            case "unmute_all" -> I18n.tr("system.unmuteAll", actor);
            case "dissolved" -> I18n.tr("system.dissolved", actor);
            default -> message.text();
        };
    }

    private static String name(ChatClient client, long userId, long me) {
        return userId == me ? I18n.tr("system.you") : Texts.userName(client, userId);
    }
}
