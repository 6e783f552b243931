package org.qchat.client.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qchat.client.testing.Wire.friend;
import static org.qchat.client.testing.Wire.user;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ContactListTest {

    private final ContactList contacts = new ContactList();

    @Test
    void friendsAreListedOnlineFirstThenByName() {
        contacts.replaceAll(List.of(
                friend(2, "Dora", false, 12),
                friend(3, "bob", true, 13),
                friend(4, "Carol", false, 14),
                friend(5, "Alice", true, 15)));

        assertThat(contacts.sorted()).extracting(Contact::displayName)
                .containsExactly("Alice", "bob", "Carol", "Dora");
        assertThat(contacts.onlineCount()).isEqualTo(2);
    }

    @Test
    void aPresencePushMovesAFriendAmongTheOnlineOnesAndTellsListeners() {
        contacts.replaceAll(List.of(friend(2, "Alice", true, 12), friend(3, "Zoe", false, 13)));
        AtomicInteger changes = new AtomicInteger();
        contacts.addListener(changes::incrementAndGet);

        contacts.setOnline(3, true);
        assertThat(contacts.sorted()).extracting(Contact::displayName).containsExactly("Alice", "Zoe");
        contacts.setOnline(2, false);

        assertThat(contacts.sorted()).extracting(Contact::displayName).containsExactly("Zoe", "Alice");
        assertThat(contacts.get(2)).get().extracting(Contact::online).isEqualTo(false);
        assertThat(changes).hasValue(2);
    }

    @Test
    void repeatingAStatePushChangesNothingAndStaysQuiet() {
        contacts.put(friend(2, "Alice", true, 12));
        AtomicInteger changes = new AtomicInteger();
        contacts.addListener(changes::incrementAndGet);

        contacts.put(friend(2, "Alice", true, 12));
        contacts.setOnline(2, true);

        assertThat(contacts.size()).isEqualTo(1);
        assertThat(changes).hasValue(0);
    }

    @Test
    void presenceOfSomeoneWhoIsNotAFriendIsIgnored() {
        contacts.put(friend(2, "Alice", false, 12));

        contacts.setOnline(99, true);

        assertThat(contacts.size()).isEqualTo(1);
        assertThat(contacts.isFriend(99)).isFalse();
    }

    @Test
    void aRenamedFriendIsSortedByTheNewName() {
        contacts.replaceAll(List.of(friend(2, "Alice", true, 12), friend(3, "Bob", true, 13)));

        contacts.updateUser(new org.qchat.protocol.model.UserInfo(2, "alice", "Zed", "away"));

        assertThat(contacts.sorted()).extracting(Contact::displayName).containsExactly("Bob", "Zed");
        assertThat(contacts.get(2)).get().extracting(c -> c.user().signature()).isEqualTo("away");
    }

    @Test
    void theSearchBoxMatchesNicknameUsernameOrSignatureIgnoringCase() {
        contacts.replaceAll(List.of(
                new org.qchat.protocol.model.FriendInfo(user(2, "Alice"), true, 12),
                new org.qchat.protocol.model.FriendInfo(new org.qchat.protocol.model.UserInfo(3, "bob", "小明", "coffee first"), false, 13),
                new org.qchat.protocol.model.FriendInfo(user(4, "Carol"), false, 14)));

        assertThat(contacts.filtered("ALI")).extracting(Contact::userId).containsExactly(2L);
        assertThat(contacts.filtered("bo")).extracting(Contact::userId).containsExactly(3L);
        assertThat(contacts.filtered("小")).extracting(Contact::userId).containsExactly(3L);
        assertThat(contacts.filtered("Coffee")).extracting(Contact::userId).containsExactly(3L);
        assertThat(contacts.filtered("  ")).hasSize(3);
    }

    @Test
    void theSearchBoxMatchesAnywhereInANameNotOnlyAtItsStart() {
        contacts.replaceAll(List.of(
                new org.qchat.protocol.model.FriendInfo(new org.qchat.protocol.model.UserInfo(3, "robert_k", "王小明", null), false, 13),
                new org.qchat.protocol.model.FriendInfo(user(4, "Carol"), false, 14)));

        assertThat(contacts.filtered("BERT")).extracting(Contact::userId).containsExactly(3L);
        assertThat(contacts.filtered("小明")).extracting(Contact::userId).containsExactly(3L);
        assertThat(contacts.filtered("rol")).extracting(Contact::userId).containsExactly(4L);
    }

    @Test
    void theFriendOfAPrivateConversationIsFoundByItsConversationId() {
        contacts.replaceAll(List.of(friend(2, "Alice", true, 12), friend(3, "Bob", true, 13)));

        assertThat(contacts.byConversation(13)).get().extracting(Contact::displayName).isEqualTo("Bob");
        assertThat(contacts.byConversation(99)).isEmpty();
    }
}
