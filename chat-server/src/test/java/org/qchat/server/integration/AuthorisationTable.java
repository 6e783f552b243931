package org.qchat.server.integration;

import static org.qchat.protocol.ErrorCode.CONFLICT;
import static org.qchat.protocol.ErrorCode.FORBIDDEN;
import static org.qchat.protocol.ErrorCode.NOT_FOUND;
import static org.qchat.protocol.ErrorCode.UNAUTHENTICATED;
import static org.qchat.server.testing.TestClient.PASSWORD;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import org.qchat.protocol.ErrorCode;
import org.qchat.protocol.Packet;
import org.qchat.protocol.PacketRegistry;
import org.qchat.protocol.ProtocolVersion;
import org.qchat.protocol.Request;
import org.qchat.protocol.model.JoinPolicy;
import org.qchat.protocol.model.MessageKind;
import org.qchat.protocol.packet.*;
import org.qchat.server.testing.Files;
import org.qchat.server.testing.Names;
import org.qchat.server.testing.TestClient;

/**
 * Who may not do what: for every request type of the protocol, one row saying how the server
 * refuses it along each {@link Dimension}, or why that dimension does not apply. The cases run
 * against an {@link AuthorisationWorld}; {@link #missingRows} finds request types without a row, so
 * a new packet type cannot slip through.
 */
final class AuthorisationTable {

    /** The ways a request can come from someone who may not make it. */
    enum Dimension {
        UNAUTHENTICATED("unauthenticated"),
        NON_MEMBER("non-member"),
        NON_ADMIN("non-admin"),
        BLOCKED("blocked"),
        OTHER_USER("acting for another user");

        private final String label;

        Dimension(String label) {
            this.label = label;
        }
    }

    /**
     * One attempt: {@code actor} sends {@code request}; the reply must be {@code expected} (null: a
     * success that changes nothing visible), then {@code check} runs, then the world must be unchanged.
     */
    record Case(String type, Dimension dimension, String situation, Function<AuthorisationWorld, TestClient> actor,
                Function<AuthorisationWorld, Request> request, ErrorCode expected,
                Consumer<AuthorisationWorld> check) {

        @Override
        public String toString() {
            return type + ", " + dimension.label + ": " + situation + " -> "
                    + (expected == null ? "allowed, changes nothing" : expected);
        }
    }

    /** The row of one request type: a list of cases or a reason per dimension. */
    static final class Row {
        final Class<? extends Request> type;
        final Map<Dimension, List<Case>> cases = new EnumMap<>(Dimension.class);
        final Map<Dimension, String> notApplicable = new EnumMap<>(Dimension.class);

        private Row(Class<? extends Request> type) {
            this.type = type;
        }

        private String typeName() {
            return PacketRegistry.typeOf(type);
        }

        /** Before login: answered UNAUTHENTICATED. */
        Row anonymous(Function<AuthorisationWorld, Request> request) {
            return refuse(Dimension.UNAUTHENTICATED, "sent before logging in", AuthorisationWorld::anonymous, request,
                    UNAUTHENTICATED);
        }

        Row refuse(Dimension d, String situation, Function<AuthorisationWorld, TestClient> actor,
                   Function<AuthorisationWorld, Request> request, ErrorCode code) {
            return refuse(d, situation, actor, request, code, w -> { });
        }

        Row refuse(Dimension d, String situation, Function<AuthorisationWorld, TestClient> actor,
                   Function<AuthorisationWorld, Request> request, ErrorCode code, Consumer<AuthorisationWorld> check) {
            cases.computeIfAbsent(d, k -> new ArrayList<>())
                    .add(new Case(typeName(), d, situation, actor, request, code, check));
            return this;
        }

        /** Not refused, by design, and it must change nothing that anyone can see. */
        Row harmless(Dimension d, String situation, Function<AuthorisationWorld, TestClient> actor,
                     Function<AuthorisationWorld, Request> request) {
            return refuse(d, situation, actor, request, null, w -> { });
        }

        Row notApplicable(Dimension d, String why) {
            notApplicable.put(d, why);
            return this;
        }

        /** The rest of the dimensions do not apply, for the same reason. */
        Row otherwise(String why) {
            for (Dimension d : Dimension.values()) {
                if (!cases.containsKey(d) && !notApplicable.containsKey(d)) {
                    notApplicable.put(d, why);
                }
            }
            return this;
        }

        /** Dimensions this row says nothing about; must be empty. */
        List<Dimension> undecided() {
            return List.of(Dimension.values()).stream()
                    .filter(d -> !cases.containsKey(d) && !notApplicable.containsKey(d)).toList();
        }

        List<Case> allCases() {
            return cases.values().stream().flatMap(List::stream).toList();
        }
    }

    private AuthorisationTable() {
    }

    /** Request types in {@code types} that have no row. */
    static List<Class<? extends Packet>> missingRows(Collection<Class<? extends Packet>> types) {
        Set<Class<? extends Request>> covered = rows().keySet();
        return types.stream().filter(t -> !covered.contains(t)).toList();
    }

    /** Every row, by request type, in protocol order. */
    static Map<Class<? extends Request>, Row> rows() {
        Map<Class<? extends Request>, Row> rows = new LinkedHashMap<>();
        final Dimension unauth = Dimension.UNAUTHENTICATED;
        final Dimension nonMember = Dimension.NON_MEMBER;
        final Dimension nonAdmin = Dimension.NON_ADMIN;
        final Dimension blocked = Dimension.BLOCKED;
        final Dimension other = Dimension.OTHER_USER;
        final int v = ProtocolVersion.CURRENT;

        // ---------------------------------------------------------------- connection and session
        row(rows, Ping.class)
                .harmless(unauth, "an anonymous connection pings (heartbeats work in every state)",
                        AuthorisationWorld::anonymous, w -> new Ping(w.id()))
                .otherwise("a heartbeat concerns nobody else");
        row(rows, Register.class)
                .refuse(unauth, "bob, already logged in, registers a new account", w -> w.bob,
                        w -> new Register(w.id(), v, w.unusedName, PASSWORD, null, null), CONFLICT,
                        w -> w.assertNoUserNamed(w.unusedName))
                .refuse(other, "someone registers alice's username in capitals", AuthorisationWorld::anonymous,
                        w -> new Register(w.id(), v, w.alice.username().toUpperCase(Locale.ROOT),
                                "another-password", null, null), CONFLICT, w -> w.assertCanLogIn(w.alice))
                .otherwise("registration names no group and needs no role; blocks do not apply to new accounts");
        row(rows, Login.class)
                .refuse(unauth, "bob, already logged in, logs in as alice with her password", w -> w.bob,
                        w -> new Login(w.id(), v, w.alice.username(), PASSWORD, null), CONFLICT)
                .refuse(other, "someone logs in as alice with a wrong password", AuthorisationWorld::anonymous,
                        w -> new Login(w.id(), v, w.alice.username(), "not-alices-password", null), UNAUTHENTICATED)
                .otherwise("logging in names no group and needs no role; a block does not stop signing in");
        row(rows, Resume.class)
                .refuse(unauth, "bob, already logged in, resumes alice's token", w -> w.bob,
                        w -> new Resume(w.id(), v, w.alice.token(), null), CONFLICT)
                .refuse(other, "someone resumes a made-up token", AuthorisationWorld::anonymous,
                        w -> new Resume(w.id(), v, "a-token-that-nobody-was-given", null), UNAUTHENTICATED)
                .otherwise("resuming names no group and needs no role; a block does not stop signing in");
        row(rows, Logout.class)
                .anonymous(w -> new Logout(w.id()))
                .otherwise("ends only the caller's own session");
        row(rows, ChangePassword.class)
                .anonymous(w -> new ChangePassword(w.id(), PASSWORD, "new-password-1"))
                .refuse(other, "someone at bob's open session, without bob's password", w -> w.bob,
                        w -> new ChangePassword(w.id(), "not-bobs-password", "taken-over-1"), UNAUTHENTICATED,
                        w -> w.assertCanLogIn(w.bob))
                .otherwise("changes only the caller's own password");

        // ---------------------------------------------------------------- profile and users
        row(rows, UpdateProfile.class)
                .anonymous(w -> new UpdateProfile(w.id(), "hijacked", "hijacked"))
                .otherwise("changes only the caller's own profile: the request names no user");
        row(rows, SearchUsers.class)
                .anonymous(w -> new SearchUsers(w.id(), "a", null))
                .otherwise("the directory is open to every logged-in user; blocks stop contact, not lookup");
        row(rows, BlockUser.class)
                .anonymous(w -> new BlockUser(w.id(), w.alice.userId()))
                .otherwise("adds to the caller's own block list only; blocking back is everyone's right");
        row(rows, UnblockUser.class)
                .anonymous(w -> new UnblockUser(w.id(), w.eve.userId()))
                .harmless(other, "eve 'unblocks' alice: only eve's own list is touched, alice's block on eve stays",
                        w -> w.eve, w -> new UnblockUser(w.id(), w.alice.userId()))
                .otherwise("removes from the caller's own block list only");
        row(rows, ListBlocked.class)
                .anonymous(w -> new ListBlocked(w.id()))
                .otherwise("lists the caller's own blocks only");

        // ---------------------------------------------------------------- friends
        row(rows, SendFriendRequest.class)
                .anonymous(w -> new SendFriendRequest(w.id(), w.frank.userId(), null))
                .refuse(blocked, "eve asks frank, who blocked her", w -> w.eve,
                        w -> new SendFriendRequest(w.id(), w.frank.userId(), "please"), FORBIDDEN)
                .otherwise("the request always comes from the caller and names no group or role");
        row(rows, RespondFriendRequest.class)
                .anonymous(w -> new RespondFriendRequest(w.id(), w.daveAsksBob, true))
                .refuse(other, "carol accepts dave's request to bob", w -> w.carol,
                        w -> new RespondFriendRequest(w.id(), w.daveAsksBob, true), NOT_FOUND)
                .refuse(other, "dave accepts his own request to bob", w -> w.dave,
                        w -> new RespondFriendRequest(w.id(), w.daveAsksBob, true), NOT_FOUND)
                .refuse(other, "carol declines dave's request to bob", w -> w.carol,
                        w -> new RespondFriendRequest(w.id(), w.daveAsksBob, false), NOT_FOUND)
                .notApplicable(blocked, "a block deletes the pending requests between the two, so none is left")
                .otherwise("answers only requests addressed to the caller");
        row(rows, RemoveFriend.class)
                .anonymous(w -> new RemoveFriend(w.id(), w.bob.userId()))
                .refuse(other, "dave, not alice's friend, removes alice", w -> w.dave,
                        w -> new RemoveFriend(w.id(), w.alice.userId()), NOT_FOUND)
                .otherwise("ends only the caller's own friendships, which either friend may end");
        row(rows, ListFriends.class)
                .anonymous(w -> new ListFriends(w.id()))
                .otherwise("lists the caller's own friends only");
        row(rows, ListFriendRequests.class)
                .anonymous(w -> new ListFriendRequests(w.id()))
                .otherwise("lists the caller's own requests only");

        // ---------------------------------------------------------------- groups
        row(rows, CreateGroup.class)
                .anonymous(w -> new CreateGroup(w.id(), "sneaky", JoinPolicy.OPEN))
                .otherwise("anyone logged in may create a group (the groups-per-user cap is CapsContract's)");
        row(rows, GetGroup.class)
                .anonymous(w -> new GetGroup(w.id(), w.groupG))
                .harmless(nonMember, "dave reads group G's info (public, without a role)", w -> w.dave,
                        w -> new GetGroup(w.id(), w.groupG))
                .otherwise("reads public group info only");
        row(rows, SearchGroups.class)
                .anonymous(w -> new SearchGroups(w.id(), "G", null))
                .otherwise("the group directory is open to every logged-in user");
        row(rows, ListGroups.class)
                .anonymous(w -> new ListGroups(w.id()))
                .otherwise("lists the caller's own groups only");
        row(rows, InviteToGroup.class)
                .anonymous(w -> new InviteToGroup(w.id(), w.groupG, List.of(w.dave.userId())))
                .refuse(nonMember, "dave invites bob into G", w -> w.dave,
                        w -> new InviteToGroup(w.id(), w.groupG, List.of(w.bob.userId())), FORBIDDEN)
                .refuse(blocked, "eve invites alice, who blocked her, into E", w -> w.eve,
                        w -> new InviteToGroup(w.id(), w.groupE, List.of(w.alice.userId())), FORBIDDEN)
                .refuse(other, "bob adds dave, who is not bob's friend, to G", w -> w.bob,
                        w -> new InviteToGroup(w.id(), w.groupG, List.of(w.dave.userId())), FORBIDDEN)
                .otherwise("any member may invite; no server role is involved");
        row(rows, JoinGroup.class)
                .anonymous(w -> new JoinGroup(w.id(), w.groupG))
                .refuse(nonMember, "dave joins the invite-only group H uninvited", w -> w.dave,
                        w -> new JoinGroup(w.id(), w.groupH), FORBIDDEN)
                .otherwise("the caller joins only themself; open groups are open to everyone");
        row(rows, LeaveGroup.class)
                .anonymous(w -> new LeaveGroup(w.id(), w.groupG))
                .refuse(nonMember, "dave leaves G", w -> w.dave, w -> new LeaveGroup(w.id(), w.groupG), FORBIDDEN)
                .otherwise("the caller leaves only themself: the request names no user");
        row(rows, KickMember.class)
                .anonymous(w -> new KickMember(w.id(), w.groupG, w.bob.userId()))
                .refuse(nonMember, "dave kicks bob from G", w -> w.dave,
                        w -> new KickMember(w.id(), w.groupG, w.bob.userId()), FORBIDDEN)
                .refuse(other, "bob, a plain member, kicks carol from G", w -> w.bob,
                        w -> new KickMember(w.id(), w.groupG, w.carol.userId()), FORBIDDEN)
                .refuse(other, "carol, an admin, kicks alice, the owner, from G", w -> w.carol,
                        w -> new KickMember(w.id(), w.groupG, w.alice.userId()), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, SetGroupAdmin.class)
                .anonymous(w -> new SetGroupAdmin(w.id(), w.groupG, w.bob.userId(), true))
                .refuse(nonMember, "dave makes bob an admin of G", w -> w.dave,
                        w -> new SetGroupAdmin(w.id(), w.groupG, w.bob.userId(), true), FORBIDDEN)
                .refuse(other, "carol, an admin but not the owner, makes bob an admin of G", w -> w.carol,
                        w -> new SetGroupAdmin(w.id(), w.groupG, w.bob.userId(), true), FORBIDDEN)
                .refuse(other, "carol, an admin but not the owner, demotes herself in G", w -> w.carol,
                        w -> new SetGroupAdmin(w.id(), w.groupG, w.carol.userId(), false), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, DissolveGroup.class)
                .anonymous(w -> new DissolveGroup(w.id(), w.groupG))
                .refuse(nonMember, "dave dissolves G", w -> w.dave, w -> new DissolveGroup(w.id(), w.groupG), FORBIDDEN)
                .refuse(other, "carol, an admin but not the owner, dissolves G", w -> w.carol,
                        w -> new DissolveGroup(w.id(), w.groupG), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, SetGroupNotice.class)
                .anonymous(w -> new SetGroupNotice(w.id(), w.groupG, "anonymous notice"))
                .refuse(nonMember, "dave sets G's notice", w -> w.dave,
                        w -> new SetGroupNotice(w.id(), w.groupG, "dave was here"), FORBIDDEN)
                .refuse(other, "bob, a plain member, sets G's notice", w -> w.bob,
                        w -> new SetGroupNotice(w.id(), w.groupG, "bob's rules"), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, MuteMember.class)
                .anonymous(w -> new MuteMember(w.id(), w.groupG, w.bob.userId(), 10))
                .refuse(nonMember, "dave mutes bob in G", w -> w.dave,
                        w -> new MuteMember(w.id(), w.groupG, w.bob.userId(), 10), FORBIDDEN)
                .refuse(other, "bob, a plain member, mutes carol in G", w -> w.bob,
                        w -> new MuteMember(w.id(), w.groupG, w.carol.userId(), 10), FORBIDDEN)
                .refuse(other, "carol, an admin, mutes alice, the owner, in G", w -> w.carol,
                        w -> new MuteMember(w.id(), w.groupG, w.alice.userId(), 10), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, MuteAll.class)
                .anonymous(w -> new MuteAll(w.id(), w.groupG, true))
                .refuse(nonMember, "dave mutes all of G", w -> w.dave, w -> new MuteAll(w.id(), w.groupG, true), FORBIDDEN)
                .refuse(other, "bob, a plain member, mutes all of G", w -> w.bob,
                        w -> new MuteAll(w.id(), w.groupG, true), FORBIDDEN)
                .otherwise("group roles decide, not server roles or blocks");
        row(rows, ListMembers.class)
                .anonymous(w -> new ListMembers(w.id(), w.groupG))
                .refuse(nonMember, "dave lists G's members", w -> w.dave, w -> new ListMembers(w.id(), w.groupG),
                        FORBIDDEN)
                .otherwise("members may list their group; nothing else decides");

        // ---------------------------------------------------------------- messages and sync
        row(rows, SendMessage.class)
                .anonymous(w -> new SendMessage(w.id(), w.convAB, Names.msgId(), "anonymous"))
                .refuse(nonMember, "dave writes in group G", w -> w.dave,
                        w -> new SendMessage(w.id(), w.groupG, Names.msgId(), "let me in"), FORBIDDEN)
                .refuse(nonMember, "carol writes in alice and bob's private chat", w -> w.carol,
                        w -> new SendMessage(w.id(), w.convAB, Names.msgId(), "psst"), FORBIDDEN)
                .refuse(nonAdmin, "bob writes in the system conversation", w -> w.bob,
                        w -> new SendMessage(w.id(), 1, Names.msgId(), "official news"), FORBIDDEN)
                .refuse(blocked, "eve writes to alice, who blocked her", w -> w.eve,
                        w -> new SendMessage(w.id(), w.convAE, Names.msgId(), "why?"), FORBIDDEN)
                .refuse(blocked, "eve sends alice a file, after alice blocked her", w -> w.eve,
                        w -> new SendMessage(w.id(), w.convAE, Names.msgId(), null, MessageKind.FILE, w.eveFile, null), FORBIDDEN)
                .refuse(other, "bob sends alice a file only eve holds", w -> w.bob,
                        w -> new SendMessage(w.id(), w.convAB, Names.msgId(), null, MessageKind.FILE, w.eveFile, null), NOT_FOUND);
        row(rows, RecallMessage.class)
                .anonymous(w -> new RecallMessage(w.id(), w.convAB, w.helloInAB))
                .refuse(nonMember, "dave recalls bob's message in group G", w -> w.dave,
                        w -> new RecallMessage(w.id(), w.groupG, w.helloInG), NOT_FOUND)
                .refuse(nonMember, "carol recalls alice's message in alice and bob's private chat", w -> w.carol,
                        w -> new RecallMessage(w.id(), w.convAB, w.helloInAB), NOT_FOUND)
                .refuse(other, "bob recalls alice's message to him", w -> w.bob,
                        w -> new RecallMessage(w.id(), w.convAB, w.helloInAB), FORBIDDEN)
                .otherwise("the sender recalls their own message, group owners and admins their members'; "
                        + "a block stops new messages, not taking back one's own");
        row(rows, Typing.class)
                .anonymous(w -> new Typing(w.id(), w.convAB))
                .refuse(nonMember, "carol types in alice and bob's private chat", w -> w.carol,
                        w -> new Typing(w.id(), w.convAB), FORBIDDEN)
                .harmless(blocked, "eve types to alice, who blocked her: answered ok, alice hears nothing", w -> w.eve,
                        w -> new Typing(w.id(), w.convAE))
                .otherwise("the caller tells only their own typing to their own friend; nothing is stored");
        row(rows, PullMessages.class)
                .anonymous(w -> new PullMessages(w.id(), w.convAB, 0, null))
                .refuse(nonMember, "dave pulls alice and bob's private chat", w -> w.dave,
                        w -> new PullMessages(w.id(), w.convAB, 0, null), FORBIDDEN)
                .refuse(nonMember, "dave pulls group G", w -> w.dave,
                        w -> new PullMessages(w.id(), w.groupG, 0, null), FORBIDDEN)
                .otherwise("reading depends on membership only (a blocked friend still reads what they may)");
        row(rows, MessageHistory.class)
                .anonymous(w -> new MessageHistory(w.id(), w.groupG, null, null))
                .refuse(nonMember, "dave reads group G's history", w -> w.dave,
                        w -> new MessageHistory(w.id(), w.groupG, null, null), FORBIDDEN)
                .refuse(nonMember, "carol reads alice and bob's private history", w -> w.carol,
                        w -> new MessageHistory(w.id(), w.convAB, null, null), FORBIDDEN)
                .otherwise("reading depends on membership only");
        row(rows, Sync.class)
                .anonymous(w -> new Sync(w.id()))
                .otherwise("reports the caller's own conversations and cursors only");
        row(rows, AckCursor.class)
                .anonymous(w -> new AckCursor(w.id(), w.convAB, 1))
                .refuse(nonMember, "dave acknowledges alice and bob's private chat", w -> w.dave,
                        w -> new AckCursor(w.id(), w.convAB, 1), FORBIDDEN)
                .otherwise("moves only the caller's own device cursor");

        // ---------------------------------------------------------------- files
        row(rows, UploadFile.class)
                .anonymous(w -> new UploadFile(w.id(), Files.sha256(new byte[1]), 1, "a.bin"))
                .otherwise("an upload makes only the caller's own copy; sending it is msg.send's business");
        row(rows, ProveFile.class)
                .anonymous(w -> new ProveFile(w.id(), 1, "00"))
                .refuse(other, "bob answers for an upload of another connection", w -> w.bob,
                        w -> new ProveFile(w.id(), 1, "00".repeat(32)), NOT_FOUND)
                .otherwise("uploads belong to their connection; nothing else decides");
        row(rows, CancelTransfer.class)
                .anonymous(w -> new CancelTransfer(w.id(), 1))
                .refuse(other, "bob cancels a transfer of another connection", w -> w.bob,
                        w -> new CancelTransfer(w.id(), 1), NOT_FOUND)
                .otherwise("transfers belong to their connection; nothing else decides");
        row(rows, DownloadFile.class)
                .anonymous(w -> new DownloadFile(w.id(), w.convAB, w.fileInAB, 0))
                .refuse(nonMember, "carol downloads the file alice sent bob", w -> w.carol,
                        w -> new DownloadFile(w.id(), w.convAB, w.fileInAB, 0), FORBIDDEN)
                .otherwise("reading a file depends on reading its message, which depends on membership only");

        // ---------------------------------------------------------------- read state and settings
        row(rows, MarkRead.class)
                .anonymous(w -> new MarkRead(w.id(), w.convAB, 1))
                .refuse(nonMember, "dave marks alice and bob's private chat read", w -> w.dave,
                        w -> new MarkRead(w.id(), w.convAB, 1), FORBIDDEN)
                .refuse(nonMember, "dave marks group G read", w -> w.dave,
                        w -> new MarkRead(w.id(), w.groupG, 1), FORBIDDEN)
                .otherwise("moves only the caller's own read cursor");
        row(rows, ListReceipts.class)
                .anonymous(w -> new ListReceipts(w.id(), w.convAB))
                .refuse(nonMember, "carol asks how far alice and bob read their private chat", w -> w.carol,
                        w -> new ListReceipts(w.id(), w.convAB), FORBIDDEN)
                .refuse(nonMember, "dave asks who read group G", w -> w.dave,
                        w -> new ListReceipts(w.id(), w.groupG), FORBIDDEN)
                .otherwise("members may see each other's cursors; nothing else decides");
        row(rows, SetConversationSettings.class)
                .anonymous(w -> new SetConversationSettings(w.id(), w.convAB, true, null))
                .refuse(nonMember, "dave pins alice and bob's private chat", w -> w.dave,
                        w -> new SetConversationSettings(w.id(), w.convAB, true, null), FORBIDDEN)
                .refuse(nonMember, "dave mutes group G", w -> w.dave,
                        w -> new SetConversationSettings(w.id(), w.groupG, null, true), FORBIDDEN)
                .otherwise("changes only the caller's own settings");
        row(rows, SetFriendRemark.class)
                .anonymous(w -> new SetFriendRemark(w.id(), w.bob.userId(), "bobby"))
                .refuse(other, "dave, not alice's friend, gives alice a remark", w -> w.dave,
                        w -> new SetFriendRemark(w.id(), w.alice.userId(), "boss"), FORBIDDEN)
                .otherwise("a remark is the caller's own private name for a friend; blocks and groups do not apply");

        // ---------------------------------------------------------------- server administration
        row(rows, Broadcast.class)
                .anonymous(w -> new Broadcast(w.id(), Names.msgId(), "anonymous news"))
                .refuse(nonAdmin, "bob broadcasts", w -> w.bob,
                        w -> new Broadcast(w.id(), Names.msgId(), "bob's news"), FORBIDDEN)
                .otherwise("server admins may broadcast by design; no group or block is involved");
        row(rows, DisableUser.class)
                .anonymous(w -> new DisableUser(w.id(), w.alice.username(), true))
                .refuse(nonAdmin, "bob disables alice's account", w -> w.bob,
                        w -> new DisableUser(w.id(), w.alice.username(), true), FORBIDDEN, w -> w.assertCanLogIn(w.alice))
                .otherwise("server admins act on any account by design; no group or block is involved");
        row(rows, ResetPassword.class)
                .anonymous(w -> new ResetPassword(w.id(), w.alice.username(), "taken-over-1"))
                .refuse(nonAdmin, "bob resets alice's password", w -> w.bob,
                        w -> new ResetPassword(w.id(), w.alice.username(), "taken-over-1"), FORBIDDEN,
                        w -> w.assertCanLogIn(w.alice))
                .otherwise("server admins act on any account by design; no group or block is involved");
        return rows;
    }

    private static Row row(Map<Class<? extends Request>, Row> rows, Class<? extends Request> type) {
        Row row = new Row(type);
        if (rows.put(type, row) != null) {
            throw new IllegalStateException("two rows for " + type.getSimpleName());
        }
        return row;
    }
}
