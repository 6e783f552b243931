package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qchat.client.core.model.Contact;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.UserInfo;

/** A friend's second line shows presence and signature side by side; the signature never replaces presence. */
class ContactLineTest {

    @BeforeEach
    void english() {
        I18n.use(Locale.ENGLISH);
    }

    @AfterEach
    void reset() {
        I18n.use(Locale.ENGLISH);
    }

    @Test
    void presenceComesFirstThenTheSignature() {
        Contact bob = new Contact(new UserInfo(2, "bob", "Bob", "Gone fishing"), true, 12);
        assertThat(ContactLine.of(bob, false)).isEqualTo("Online · Gone fishing");
    }

    @Test
    void withoutASignatureOnlyPresenceShows() {
        Contact carol = new Contact(new UserInfo(3, "carol", "Carol", " "), false, 13);
        assertThat(ContactLine.of(carol, false)).isEqualTo("Offline");
    }

    @Test
    void aBlockedFriendSaysSo() {
        Contact mallory = new Contact(new UserInfo(9, "mallory", "Mallory", "hi"), false, 19);
        assertThat(ContactLine.of(mallory, true)).isEqualTo("Offline · Blocked · hi");
    }

    @Test
    void inChineseTheSameLineReadsInChinese() {
        I18n.use(Locale.SIMPLIFIED_CHINESE);
        Contact bob = new Contact(new UserInfo(2, "bob", "Bob", "去钓鱼了"), true, 12);
        assertThat(ContactLine.of(bob, false)).isEqualTo("在线 · 去钓鱼了");
    }
}
