package org.qchat.client.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.swing.edt.GuiActionRunner.execute;
import static org.qchat.client.ui.GuiClient.waitUntil;

import java.awt.Rectangle;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import javax.imageio.ImageIO;
import javax.swing.JComponent;

import org.assertj.swing.core.BasicRobot;
import org.assertj.swing.core.ComponentLookupScope;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.FailOnThreadViolationRepaintManager;
import org.assertj.swing.exception.EdtViolationException;
import org.assertj.swing.fixture.DialogFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.qchat.client.core.files.TransferState;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.i18n.I18n;
import org.qchat.client.i18n.Language;
import org.qchat.client.testing.Environment;
import org.qchat.client.testing.TcpRelay;
import org.qchat.protocol.model.MessageKind;
import org.qchat.server.ChatServer;
import org.qchat.server.config.RateLimits;
import org.qchat.server.config.ServerConfig;

/**
 * Two people, two real clients in real windows, one real server: they register, become friends,
 * chat privately and in a group, send each other a pasted picture and files (one views the
 * picture, downloads the file into the folder chosen in the settings), and one of them loses the
 * link (then logs out) while the other keeps writing. Then what a QQ user does beyond writing
 * ({@link ConversationSteps}): a reply from a message's menu, a recall, ticks that turn from
 * delivered to read, "typing…", the message search by a Chinese word, removal from a group (the
 * window keeps the group's name), blocking and unblocking. Driven by AssertJ Swing through mouse
 * clicks and key strokes, as a person would.
 *
 * <p>The steps are one story in order; a failed step skips the rest. Needs a display (Xvfb in
 * CI): without one every step is skipped with a message, or fails under {@code QCHAT_REQUIRE_ALL=1}.
 *
 * <p>Alice connects to the server directly; Bob through a {@link TcpRelay}, so the test can cut
 * his link the way a dropped network would, without touching the client's code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoPeopleChatIT {

    private static final String PASSWORD = "correct horse 42";

    private final List<Throwable> edtViolations = new CopyOnWriteArrayList<>();
    private Thread.UncaughtExceptionHandler previousHandler;
    private boolean storyBroken;

    @RegisterExtension
    final TestWatcher story = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            storyBroken = true;
        }
    };

    private Path dataDir;
    /** Files the two send, and Bob's downloads folder. */
    private Path filesDir;
    private ChatServer server;
    private TcpRelay bobsLink;
    private Robot robot;
    private Preferences prefsRoot;
    private GuiClient alice;
    private GuiClient bob;

    // What each conversation should show, in order, exactly once.
    private long aliceToBob;
    private long bobToAlice;
    private long aliceGroup;
    private long bobGroup;
    private final List<String> privateChat = new ArrayList<>();
    private final List<String> groupChat = new ArrayList<>();

    @BeforeAll
    void startServerAndTwoClients() throws Exception {
        if (!Environment.hasDisplay()) {
            return; // every step then skips (or fails) in continueTheStory(), each counted
        }
        FailOnThreadViolationRepaintManager.install();
        // A violation on a t-io or timer thread throws there, not in the test: collect it.
        previousHandler = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            if (e instanceof EdtViolationException) {
                edtViolations.add(e);
            }
            if (previousHandler != null) {
                previousHandler.uncaughtException(thread, e);
            } else {
                System.err.print("Exception in thread \"" + thread.getName() + "\" ");
                e.printStackTrace();
            }
        });

        dataDir = Files.createTempDirectory("qchat-gui-it-");
        filesDir = Files.createTempDirectory("qchat-gui-it-files-");
        server = ChatServer.start(ServerConfig.builder()
                .port(0)
                .bindAddress("127.0.0.1")
                .metricsPort(-1)
                .dataDir(dataDir)
                .rateLimits(RateLimits.unlimited())
                .build());
        bobsLink = TcpRelay.to(server.port());

        // What ChatClientApp.main does before it builds the windows.
        execute(() -> {
            I18n.use(Language.ENGLISH);
            Locale.setDefault(Locale.Category.DISPLAY, I18n.locale());
            JComponent.setDefaultLocale(I18n.locale());
            Theme.apply("light");
        });
        robot = BasicRobot.robotWithNewAwtHierarchy();
        robot.settings().delayBetweenEvents(15);
        // Names repeat across windows (the "+" menu and the menu bar both have "Add a friend…").
        robot.settings().componentLookupScope(ComponentLookupScope.SHOWING_ONLY);

        // Each person gets a preferences node of their own, removed afterwards (and Failsafe
        // points java.util.prefs.userRoot into target/, away from the real user's preferences).
        prefsRoot = Preferences.userRoot().node("org/qchat/client-gui-it/" + UUID.randomUUID());
        alice = new GuiClient(robot, prefsRoot.node("alice"), "alice", "Alice", PASSWORD);
        bob = new GuiClient(robot, prefsRoot.node("bob"), "bob", "Bob", PASSWORD);
        // Side by side on a 1400x900 screen: Alice left, Bob right, chat windows stacked between.
        alice.placeWindows(new Rectangle(0, 0, 340, 560), new Rectangle(345, 0, 710, 440));
        bob.placeWindows(new Rectangle(1060, 0, 340, 560), new Rectangle(345, 450, 710, 440));
    }

    @BeforeEach
    void continueTheStory() {
        Environment.requireDisplay();
        Assumptions.assumeFalse(storyBroken, "an earlier step of the story failed");
    }

    @AfterAll
    void stopEverything() throws IOException, BackingStoreException {
        try {
            for (GuiClient c : new GuiClient[]{alice, bob}) {
                if (c != null) {
                    c.close();
                }
            }
            if (robot != null) {
                robot.cleanUp();
            }
        } finally {
            if (bobsLink != null) {
                bobsLink.close();
            }
            if (server != null) {
                server.close();
            }
            if (prefsRoot != null) {
                Preferences parent = prefsRoot.parent();
                prefsRoot.removeNode();
                parent.flush();
            }
            for (Path dir : new Path[]{dataDir, filesDir}) {
                if (dir != null) {
                    try (Stream<Path> files = Files.walk(dir)) {
                        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
        if (robot != null) {
            FailOnThreadViolationRepaintManager.uninstall();
            Thread.setDefaultUncaughtExceptionHandler(previousHandler);
        }
        assertThat(edtViolations).as("Swing touched off the event thread").isEmpty();
    }

    /** Whether two pictures have the same size and every pixel the same colour. */
    private static boolean samePixels(BufferedImage a, BufferedImage b) {
        if (a == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                if ((a.getRGB(x, y) & 0xFFFFFF) != (b.getRGB(x, y) & 0xFFFFFF)) {
                    return false;
                }
            }
        }
        return true;
    }

    @Test
    @Order(1)
    void bothRegisterAndBecomeFriendsByRequestAndAccept() {
        alice.launch("127.0.0.1:" + server.port());
        alice.register();
        bob.launch("127.0.0.1:" + bobsLink.port());
        bob.register();
        assertThat(alice.statusLine()).isEqualTo(I18n.tr("status.online"));

        alice.sendFriendRequest(bob, "Hi Bob, it's Alice from the climbing club");
        bob.acceptFriendRequestFrom(alice, "Hi Bob, it's Alice from the climbing club");

        waitUntil("Alice lists Bob as an online friend", () -> alice.friends().equals(List.of("Bob (online)")));
        waitUntil("Bob lists Alice as an online friend", () -> bob.friends().equals(List.of("Alice (online)")));
    }

    @Test
    @Order(2)
    void theyChatPrivatelyBothWays() {
        aliceToBob = alice.openChatWith(bob);
        alice.send(aliceToBob, "Hello Bob! Are you coming on Saturday?");
        privateChat.add("Hello Bob! Are you coming on Saturday?");
        waitUntil("Alice's message is sent",
                () -> alice.deliveryStates(aliceToBob).equals(List.of(I18n.tr("message.sent"))));

        bobToAlice = bob.openChatWith(alice);
        assertThat(bobToAlice).isEqualTo(aliceToBob);
        waitUntil("Bob sees Alice's message", () -> bob.messages(bobToAlice).equals(privateChat));

        bob.send(bobToAlice, "Yes! 周六见 — see you at nine");
        privateChat.add("Yes! 周六见 — see you at nine");
        waitUntil("Alice sees Bob's reply after her message", () -> alice.messages(aliceToBob).equals(privateChat));
        waitUntil("Bob's own view has both, in order", () -> bob.messages(bobToAlice).equals(privateChat));
    }

    @Test
    @Order(3)
    void aliceCreatesAGroupInvitesBobAndBothChatInIt() {
        aliceGroup = alice.createGroup("Weekend hike");
        alice.inviteToOpenGroup(bob);
        waitUntil("Alice's member list counts two", () -> alice.membersTitle(aliceGroup)
                .equals(I18n.tr("group.members.title", 2)));

        waitUntil("Bob's Groups tab lists the group", () -> bob.groups().equals(List.of("Weekend hike")));
        bobGroup = bob.openGroup("Weekend hike");
        assertThat(bobGroup).isEqualTo(aliceGroup);

        alice.send(aliceGroup, "Welcome to the hike group!");
        groupChat.add("Welcome to the hike group!");
        waitUntil("Bob sees the group message", () -> bob.messages(bobGroup).equals(groupChat));
        bob.send(bobGroup, "Thanks! I'll bring snacks");
        groupChat.add("Thanks! I'll bring snacks");
        waitUntil("Alice sees Bob's group message", () -> alice.messages(aliceGroup).equals(groupChat));
        waitUntil("Bob sees both group messages", () -> bob.messages(bobGroup).equals(groupChat));
    }

    @Test
    @Order(4)
    void alicePastesAPictureAndAttachesAFileAndBobViewsTheOneAndDownloadsTheOther() throws IOException {
        FileSteps aliceDoes = new FileSteps(alice);
        FileSteps bobDoes = new FileSteps(bob);
        Path bobsDownloads = Files.createDirectories(filesDir.resolve("bob's downloads"));
        bobDoes.chooseDownloadsFolder(bobsDownloads);

        BufferedImage picture = Pictures.mountains(320, 200, false);
        aliceDoes.pastePicture(aliceToBob, picture);
        FileSteps.Shown alicesPicture = aliceDoes.await(aliceToBob, "Alice's picture shows, sent",
                s -> s.showsPicture() && s.message().isStored());
        waitUntil("Alice's picture says Sent", () -> aliceDoes.deliveryState(alicesPicture)
                .equals(I18n.tr("message.sent")));

        byte[] mapBytes = new byte[300_000];
        new Random(7).nextBytes(mapBytes);
        Path map = Files.write(filesDir.resolve("trail map.pdf"), mapBytes);
        aliceDoes.attachFile(aliceToBob, map);
        FileSteps.Shown alicesFile = aliceDoes.await(aliceToBob, "Alice's file shows, sent",
                s -> s.showsFile("trail map.pdf") && s.message().isStored());
        assertThat(alicesFile.message().kind()).as("random bytes named .pdf go as a file").isEqualTo(MessageKind.FILE);
        waitUntil("Alice's file says Sent and offers to open what she sent", () ->
                aliceDoes.deliveryState(alicesFile).equals(I18n.tr("message.sent"))
                        && Components.find(alicesFile.card(), ComponentNames.FILE_OPEN).isShowing());

        bob.selectTab(bobToAlice);
        FileSteps.Shown bobsPicture = bobDoes.await(bobToAlice, "Bob sees Alice's picture as a thumbnail",
                FileSteps.Shown::showsPicture);
        FileSteps.Shown bobsFile = bobDoes.await(bobToAlice, "Bob sees the file's card",
                s -> s.showsFile("trail map.pdf"));
        waitUntil("Bob's recent list says what came last", () -> bob.recentPreviews()
                .contains(I18n.tr("message.preview.file", "trail map.pdf")));

        DialogFixture viewer = bobDoes.openPicture(bobsPicture);
        waitUntil("the viewer shows the picture", () -> {
            java.awt.Component canvas = Components.find(viewer.target(), ComponentNames.VIEWER_IMAGE);
            return canvas != null && canvas.isShowing();
        });
        assertThat(execute(() -> viewer.target().getTitle())).isEqualTo(bobsPicture.message().file().name());
        TransferState original = bobDoes.transfer(bobsPicture.message());
        assertThat(original.phase()).isEqualTo(TransferState.Phase.DONE);
        assertThat(samePixels(ImageIO.read(original.path().toFile()), picture))
                .as("the original Bob fetched is the picture Alice pasted").isTrue();
        viewer.pressAndReleaseKeys(KeyEvent.VK_ESCAPE);
        waitUntil("the viewer closes", () -> !viewer.target().isShowing());

        bobDoes.download(bobsFile);
        TransferState downloaded = bobDoes.transfer(bobsFile.message());
        assertThat(downloaded.path()).isEqualTo(bobsDownloads.resolve("trail map.pdf"));
        assertThat(Files.readAllBytes(downloaded.path())).as("the file arrived byte for byte").isEqualTo(mapBytes);
    }

    @Test
    @Order(5)
    void bobSendsAPhotoFileToTheGroupAndAliceSeesIt() throws IOException {
        FileSteps aliceDoes = new FileSteps(alice);
        FileSteps bobDoes = new FileSteps(bob);
        // A JPEG named without an extension: it goes as a picture because of what it is.
        Path photo = filesDir.resolve("summit");
        ImageIO.write(Pictures.mountains(600, 800, true), "jpg", photo.toFile());

        bobDoes.attachFile(bobGroup, photo);
        FileSteps.Shown bobsPhoto = bobDoes.await(bobGroup, "Bob's photo shows in the group, sent",
                s -> s.showsPicture() && s.message().isStored());
        assertThat(bobsPhoto.message().kind()).isEqualTo(MessageKind.IMAGE);
        assertThat(execute(() -> bobsPhoto.thumbnail().getHeight())).as("a portrait photo stands upright")
                .isGreaterThan(execute(() -> bobsPhoto.thumbnail().getWidth()));

        alice.selectTab(aliceGroup);
        aliceDoes.await(aliceGroup, "Alice sees Bob's photo in the group", FileSteps.Shown::showsPicture);
        waitUntil("Alice's recent list says who sent a picture", () -> alice.recentPreviews()
                .contains(I18n.tr("recent.sender", "Bob", I18n.tr("message.preview.image"))));
        assertThat(alice.messages(aliceGroup)).as("the text messages are as they were").isEqualTo(groupChat);
    }

    @Test
    @Order(6)
    void whileBobsLinkIsDownAliceWritesAndBobGetsExactlyTheMissedMessagesOnceInOrder() {
        bobsLink.cut();
        waitUntil("Bob's client says it is reconnecting", () -> bob.connectionState() == ConnectionState.RECONNECTING
                && bob.statusLine().equals(I18n.tr("status.reconnecting")));
        waitUntil("Bob's open conversation shows the reconnecting banner", () -> bob.reconnectingBannerShown(bobGroup));
        waitUntil("Alice sees Bob go offline", () -> alice.friends().equals(List.of("Bob (offline)")));

        List<String> missed = List.of("Missed one: the trail is closed", "Missed two: we take the lake path",
                "Missed three: meet at the station");
        for (String text : missed) {
            alice.send(aliceToBob, text);
            privateChat.add(text);
        }
        alice.send(aliceGroup, "Group, while Bob is away: bring water");
        groupChat.add("Group, while Bob is away: bring water");
        waitUntil("all of Alice's messages are stored by the server", () -> alice.deliveryStates(aliceToBob).stream()
                .allMatch(s -> s.equals(I18n.tr("message.sent"))) && alice.deliveryStates(aliceGroup).stream()
                .allMatch(s -> s.equals(I18n.tr("message.sent"))));
        assertThat(bob.messages(bobToAlice)).as("Bob's view while offline").doesNotContainAnyElementsOf(missed);

        bobsLink.restore();
        waitUntil("Bob is back online", () -> bob.connectionState() == ConnectionState.ONLINE);
        waitUntil("Bob's private chat has the missed messages, once each, in order",
                () -> bob.messages(bobToAlice).equals(privateChat));
        waitUntil("Bob's group chat has the missed message, once, in order",
                () -> bob.messages(bobGroup).equals(groupChat));
        assertThat(bob.reconnectingBannerShown(bobGroup)).isFalse();
        waitUntil("Alice sees Bob online again", () -> alice.friends().equals(List.of("Bob (online)")));
    }

    @Test
    @Order(7)
    void afterLoggingOutAndBackInBobSeesTheWholeConversationOnce() {
        bob.logOut();
        waitUntil("Alice sees Bob go offline", () -> alice.friends().equals(List.of("Bob (offline)")));
        alice.send(aliceToBob, "Written while you were logged out");
        privateChat.add("Written while you were logged out");
        waitUntil("Alice's message is sent", () -> alice.deliveryStates(aliceToBob).stream()
                .allMatch(s -> s.equals(I18n.tr("message.sent"))));

        bob.logIn();
        bobToAlice = bob.openChatWith(alice);
        waitUntil("Bob's conversation holds every message once, in order",
                () -> bob.messages(bobToAlice).equals(privateChat));
        bobGroup = bob.openGroup("Weekend hike");
        waitUntil("Bob's group holds every message once, in order", () -> bob.messages(bobGroup).equals(groupChat));
    }

    // ---- replies, recall, receipts, typing, search, removal from a group, blocking ----------

    private static final String QUESTION = "Who leads the new project?";
    private static final String PHOENIX = "Project Phoenix 项目组 is mine, kickoff on Monday";

    @Test
    @Order(8)
    void aliceRepliesToBobsMessageFromItsMenuAndBobSeesHerQuoteAboveTheReply() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        ConversationSteps bobDoes = new ConversationSteps(bob);
        bob.send(bobToAlice, QUESTION);
        waitUntil("Alice sees Bob's question", () -> alice.messages(aliceToBob).contains(QUESTION));

        aliceDoes.reply(aliceToBob, QUESTION, PHOENIX);
        waitUntil("Bob sees Alice's reply with his question quoted above it",
                () -> bobDoes.replies(bobToAlice).equals(List.of(List.of(QUESTION, PHOENIX))));
        waitUntil("Alice's own reply shows the quote too",
                () -> aliceDoes.replies(aliceToBob).equals(List.of(List.of(QUESTION, PHOENIX))));
    }

    @Test
    @Order(9)
    void aliceRecallsHerMessageAndBothSeeTheRecalledLineInsteadOfIt() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        ConversationSteps bobDoes = new ConversationSteps(bob);
        String slip = "Oops, the door code is 4711";
        alice.send(aliceToBob, slip);
        waitUntil("Bob sees the message", () -> bob.messages(bobToAlice).contains(slip));

        aliceDoes.recall(aliceToBob, slip);
        waitUntil("Alice sees that she recalled it, and not its text any more", () ->
                aliceDoes.recalledLines(aliceToBob).equals(List.of(I18n.tr("message.recalled.mine")))
                        && !alice.messages(aliceToBob).contains(slip));
        waitUntil("Bob sees that Alice recalled it, and not its text any more", () ->
                bobDoes.recalledLines(bobToAlice).equals(List.of(I18n.tr("message.recalled.by", "Alice")))
                        && !bob.messages(bobToAlice).contains(slip));
    }

    @Test
    @Order(10)
    void alicesMessageShowsDeliveredUntilBobReadsItThenRead() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        // Bob looks at the group: Alice's message reaches his client but he has not read it.
        bob.selectTab(bobGroup);
        alice.send(aliceToBob, "Did you get the train tickets?");
        waitUntil("Alice's message shows two grey ticks: delivered", () -> last(aliceDoes.ticks(aliceToBob))
                .equals("delivered"));
        assertThat(last(alice.deliveryStates(aliceToBob))).isEqualTo(I18n.tr("message.sent"));

        bob.selectTab(bobToAlice);
        waitUntil("once Bob opens the chat, Alice's message shows two blue ticks: read",
                () -> last(aliceDoes.ticks(aliceToBob)).equals("read"));
    }

    @Test
    @Order(11)
    void whileBobTypesWithoutSendingAlicesHeaderSaysTyping() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        ConversationSteps bobDoes = new ConversationSteps(bob);
        String online = I18n.tr("presence.online");
        assertThat(aliceDoes.subtitle(aliceToBob)).isEqualTo(online);

        bobDoes.typeWithoutSending(bobToAlice, "Yes, I have them both");
        waitUntil("Alice's chat header says Bob is typing",
                () -> aliceDoes.subtitle(aliceToBob).equals(I18n.tr("chat.typing")));
        bobDoes.clearInput(bobToAlice);
        waitUntil("some seconds after Bob stopped, the header says online again",
                () -> aliceDoes.subtitle(aliceToBob).equals(online));
    }

    @Test
    @Order(12)
    void bobFindsAlicesMessageByAChineseWordAndOpensItsConversationAtIt() {
        ConversationSteps bobDoes = new ConversationSteps(bob);
        bob.selectTab(bobGroup);
        bobDoes.searchMessages("项目");
        waitUntil("the Messages tab lists the message with that word", () -> bobDoes.foundMessages().equals(List.of(PHOENIX)));

        long seq = bobDoes.openFound(PHOENIX);
        waitUntil("the private chat opens with the message in view", () -> bobDoes.showsMessage(bobToAlice, seq));
        bobDoes.clearSearch();
    }

    @Test
    @Order(13)
    void afterAliceRemovesBobFromTheGroupHisWindowKeepsItsNameAndSaysHeIsNoLongerAMember() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        ConversationSteps bobDoes = new ConversationSteps(bob);
        bob.selectTab(bobGroup);
        aliceDoes.kick(aliceGroup, bob);
        waitUntil("Alice's member list counts one", () -> alice.membersTitle(aliceGroup)
                .equals(I18n.tr("group.members.title", 1)));
        waitUntil("Alice's group says she removed Bob", () -> aliceDoes.systemLines(aliceGroup)
                .contains(I18n.tr("system.kicked", I18n.tr("system.you"), "Bob")));

        waitUntil("Bob's group says Alice removed him", () -> bobDoes.systemLines(bobGroup)
                .contains(I18n.tr("system.kicked", "Alice", I18n.tr("system.you"))));
        waitUntil("Bob's compose box gives way to the reason", () -> I18n.tr("chat.notice.group.ended")
                .equals(bobDoes.composeNotice(bobGroup)));
        assertThat(bobDoes.title(bobGroup)).as("the window keeps the group's name").isEqualTo("Weekend hike");
        assertThat(bobDoes.tabTitle(bobGroup)).startsWith("Weekend hike");
        assertThat(bob.messages(bobGroup)).as("the history stays").containsAll(groupChat);
    }

    @Test
    @Order(14)
    void whileBobBlocksAliceHerMessageFailsAndOnceHeUnblocksHerTheNextArrives() {
        ConversationSteps aliceDoes = new ConversationSteps(alice);
        ConversationSteps bobDoes = new ConversationSteps(bob);
        bobDoes.blockPeer(bobToAlice);
        waitUntil("Bob's friend list marks Alice blocked", () -> bobDoes.friendLines().stream()
                .anyMatch(line -> line.contains(I18n.tr("presence.blocked"))));

        String refused = "Are you angry with me?";
        alice.send(aliceToBob, refused);
        String failed = I18n.tr("message.failed", I18n.tr("error.send.forbidden"));
        waitUntil("Alice's message fails as refused", () -> failed.equals(aliceDoes.deliveryState(aliceToBob, refused)));
        assertThat(bob.messages(bobToAlice)).doesNotContain(refused);

        bobDoes.unblockInBlockedList(alice);
        waitUntil("Bob's friend list no longer marks Alice blocked", () -> bobDoes.friendLines().stream()
                .noneMatch(line -> line.contains(I18n.tr("presence.blocked"))));
        String welcome = "Sorry, all good again!";
        alice.send(aliceToBob, welcome);
        waitUntil("Bob gets Alice's next message", () -> bob.messages(bobToAlice).contains(welcome));
        waitUntil("Alice's message is sent", () -> I18n.tr("message.sent").equals(aliceDoes.deliveryState(aliceToBob, welcome)));
        assertThat(bob.messages(bobToAlice)).doesNotContain(refused);
    }

    private static String last(List<String> list) {
        return list.isEmpty() ? "" : list.get(list.size() - 1);
    }
}
