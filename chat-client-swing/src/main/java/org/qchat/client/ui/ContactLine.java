package org.qchat.client.ui;

import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;

/**
 * The second line of a friend in the list: presence first, then the signature, so a signature
 * never hides whether someone is online ("Online · Gone fishing"); "Blocked" joins them when I blocked them.
 */
final class ContactLine {

    private ContactLine() {
    }

    static String of(Contact contact, boolean blocked) {
        String line = I18n.tr(contact.online() ? "presence.online" : "presence.offline");
        if (blocked) {
            line = I18n.tr("contact.line", line, I18n.tr("presence.blocked"));
        }
        String signature = contact.user().signature();
        return signature == null || signature.isBlank() ? line : I18n.tr("contact.line", line, signature.strip());
    }
}
