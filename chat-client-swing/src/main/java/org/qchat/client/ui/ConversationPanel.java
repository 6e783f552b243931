package org.qchat.client.ui;

import java.awt.BorderLayout;
import java.awt.Font;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;

import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollBar;
import javax.swing.JScrollPane;
import javax.swing.SwingUtilities;
import javax.swing.UIManager;

import org.qchat.client.core.ChatClient;
import org.qchat.client.core.ErrorKeys;
import org.qchat.client.core.MessageActions;
import org.qchat.client.core.model.ChatMessage;
import org.qchat.client.core.model.ConnectionState;
import org.qchat.client.core.model.ContactList;
import org.qchat.client.core.model.Conversation;
import org.qchat.client.core.model.ConversationList;
import org.qchat.client.core.model.GroupDirectory;
import org.qchat.client.core.model.Session;
import org.qchat.client.core.model.UserDirectory;
import org.qchat.client.i18n.I18n;
import org.qchat.protocol.model.ConversationKind;

/**
 * One conversation: title, messages, the compose box, and for a group the member panel. Loads
 * older messages when scrolled to the top, keeps the view pinned to the newest message while the
 * user is at the bottom, and says when the conversation can no longer be written to. Files and
 * pictures dropped anywhere on it are sent ({@link ConversationAttachments}).
 */
final class ConversationPanel extends JPanel {

    private final ChatClient client;
    private final Conversation conv;
    private final Bindings bindings = new Bindings();
    private final JLabel title = new JLabel();
    private final JLabel subtitle = new JLabel();
    private final JLabel banner = new JLabel();
    private final JLabel notice = new JLabel();
    private final MessageListPanel messages;
    private final JScrollPane scroll;
    private final ComposeBox compose;
    private final ConversationAttachments attachments;
    private final ComposeExtras extras;
    private final javax.swing.Timer typingExpiry = new javax.swing.Timer(0, e -> refreshHeader());
    /** Whether the view follows the newest message (the user is at the bottom). */
    private boolean pinned = true;
    private int lastMaximum;
    private int lastExtent;
    private long oldestShown;
    private int shownCount;
    private boolean loadingOlder;

    ConversationPanel(ChatClient client, Conversation conv, UiActions actions, ChatMedia media) {
        super(new BorderLayout());
        this.client = client;
        this.conv = conv;
        setName("chat.conversation." + conv.convId());
        // When a tab is selected Swing gives focus to the panel's default component, which runs
        // after our own focusInput(): make that the message box, not the first message bubble.
        setFocusTraversalPolicyProvider(true);
        setFocusTraversalPolicy(new javax.swing.LayoutFocusTraversalPolicy() {
            @Override
            public java.awt.Component getDefaultComponent(java.awt.Container root) {
                return compose != null ? compose.input() : super.getDefaultComponent(root);
            }
        });

        title.setName(ComponentNames.CHAT_TITLE);
        subtitle.setName(ComponentNames.CHAT_SUBTITLE);
        title.setHorizontalTextPosition(JLabel.LEADING);
        title.setIconTextGap(6);
        if (!conv.isSystem()) {
            java.awt.event.MouseAdapter menu = new java.awt.event.MouseAdapter() {
                @Override
                public void mousePressed(java.awt.event.MouseEvent e) {
                    popup(e);
                }

                @Override
                public void mouseReleased(java.awt.event.MouseEvent e) {
                    popup(e);
                }

                private void popup(java.awt.event.MouseEvent e) {
                    if (e.isPopupTrigger()) {
                        ConversationMenu.of(ConversationPanel.this, client, conv).show(e.getComponent(), e.getX(), e.getY());
                    }
                }
            };
            title.addMouseListener(menu);
            subtitle.addMouseListener(menu);
        }
        title.setFont(title.getFont().deriveFont(Font.BOLD, title.getFont().getSize2D() + 3f));
        subtitle.setForeground(Theme.secondaryText());
        JPanel head = new JPanel(new BorderLayout(10, 0));
        head.setBorder(BorderFactory.createCompoundBorder(
                BorderFactory.createMatteBorder(0, 0, 1, 0, UIManager.getColor("Component.borderColor")),
                BorderFactory.createEmptyBorder(10, 14, 10, 14)));
        JPanel headText = new JPanel(new BorderLayout());
        headText.setOpaque(false);
        headText.add(title, BorderLayout.NORTH);
        headText.add(subtitle, BorderLayout.SOUTH);
        head.add(headText, BorderLayout.CENTER);
        if (conv.kind() == ConversationKind.PRIVATE) {
            head.add(new PeerMenuButton(client, conv), BorderLayout.EAST);
        }
        banner.setName(ComponentNames.CHAT_BANNER);
        banner.setOpaque(true);
        banner.setBackground(Theme.noticeBackground());
        banner.setBorder(BorderFactory.createEmptyBorder(6, 14, 6, 14));
        banner.setText(I18n.tr("chat.banner.reconnecting"));
        JPanel north = new JPanel(new BorderLayout());
        north.add(head, BorderLayout.NORTH);
        if (conv.kind() == ConversationKind.GROUP) {
            north.add(new GroupNoticeBar(client, conv.convId(), SeenNotices.standard(), bindings), BorderLayout.CENTER);
        }
        north.add(banner, BorderLayout.SOUTH);

        messages = new MessageListPanel(client, conv, media.pictures(), client::retry, this::loadOlder);
        scroll = new JScrollPane(messages);
        scroll.setName(ComponentNames.CHAT_SCROLL);
        scroll.setBorder(BorderFactory.createEmptyBorder());
        scroll.setHorizontalScrollBarPolicy(JScrollPane.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getViewport().setBackground(Theme.chatBackground());
        scroll.getViewport().addComponentListener(new ComponentAdapter() {
            @Override
            public void componentResized(ComponentEvent e) {
                messages.setAvailableWidth(scroll.getViewport().getWidth());
                if (pinned) {
                    scrollToBottomLater(); // a banner or a resize must not hide the newest message
                }
            }
        });
        scroll.getVerticalScrollBar().addAdjustmentListener(e -> onScrolled());
        addHierarchyListener(e -> {
            if ((e.getChangeFlags() & java.awt.event.HierarchyEvent.SHOWING_CHANGED) != 0 && isShowing() && pinned) {
                scrollToBottomLater();
            }
        });

        attachments = new ConversationAttachments(this, conv.convId(), media.sender(),
                () -> conv.isActive() && !conv.isSystem(), () -> {
                    pinned = true;
                    scrollToBottomLater();
                });
        extras = new ComposeExtras(client, conv);
        compose = new ComposeBox(text -> {
            pinned = true;
            extras.send(text);
            scrollToBottomLater();
        }, attachments);
        compose.addAbove(extras.replyBar());
        extras.attach(compose.input());
        messages.setMenu(new MessageMenu(client, conv, new MessageMenu.Handler() {
            @Override
            public void reply(ChatMessage message) {
                extras.replyTo(message);
                compose.focusInput();
            }

            @Override
            public void forward(ChatMessage message) {
                ForwardDialog.show(ConversationPanel.this, client, message);
            }
        }));
        typingExpiry.setRepeats(false);
        // A drop anywhere on the conversation: the parts that hold no text of their own take it here.
        setTransferHandler(attachments.handlerFor(this));
        messages.setTransferHandler(attachments.handlerFor(messages));
        scroll.getViewport().setTransferHandler(attachments.handlerFor(scroll.getViewport()));
        notice.setName(ComponentNames.CHAT_NOTICE);
        notice.setHorizontalAlignment(JLabel.CENTER);
        notice.setForeground(Theme.secondaryText());
        notice.setBorder(BorderFactory.createEmptyBorder(14, 10, 14, 10));

        JPanel center = new JPanel(new BorderLayout());
        center.add(scroll, BorderLayout.CENTER);
        JPanel south = new JPanel(new BorderLayout());
        south.add(compose, BorderLayout.CENTER);
        south.add(notice, BorderLayout.SOUTH);
        center.add(south, BorderLayout.SOUTH);

        add(north, BorderLayout.NORTH);
        add(center, BorderLayout.CENTER);
        if (conv.kind() == ConversationKind.GROUP) {
            add(new GroupMembersPanel(client, conv.convId(), actions, bindings), BorderLayout.EAST);
        }

        bind();
        refreshHeader();
        oldestShown = conv.oldestSeq();
        shownCount = conv.messages().size();
        // Show some history right away if we hold only a few (or no) messages.
        if (conv.storedCount() < 15 && !Boolean.FALSE.equals(conv.moreHistory())) {
            loadOlder();
        } else {
            updateHistoryStatus();
        }
        scrollToBottomLater();
    }

    private void bind() {
        ConversationList.Listener convListener = c -> {
            if (c == conv) {
                onMessagesChanged();
                refreshHeader();
            }
        };
        client.conversations().addListener(convListener);
        bindings.add(() -> client.conversations().removeListener(convListener));
        Session.Listener sessionListener = s -> refreshHeader();
        client.session().addListener(sessionListener);
        bindings.add(() -> client.session().removeListener(sessionListener));
        ContactList.Listener contactListener = this::refreshHeader;
        client.contacts().addListener(contactListener);
        bindings.add(() -> client.contacts().removeListener(contactListener));
        GroupDirectory.Listener groupListener = this::refreshHeader;
        client.groups().addListener(groupListener);
        bindings.add(() -> client.groups().removeListener(groupListener));
        UserDirectory.Listener userListener = messages::refreshNames;
        client.users().addListener(userListener);
        bindings.add(() -> client.users().removeListener(userListener));
    }

    /**
     * Tracks where the user is: a scroll that only moved the view (not content growing or the
     * window resizing) decides whether we follow new messages. Reaching the top loads older ones.
     */
    private void onScrolled() {
        JScrollBar bar = scroll.getVerticalScrollBar();
        boolean layoutChanged = bar.getMaximum() != lastMaximum || bar.getVisibleAmount() != lastExtent;
        lastMaximum = bar.getMaximum();
        lastExtent = bar.getVisibleAmount();
        if (layoutChanged) {
            return; // content grew or the window resized: not the user's doing
        }
        pinned = bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - 40;
        if (!bar.getValueIsAdjusting() && bar.getValue() == 0 && bar.getMaximum() > bar.getVisibleAmount()) {
            loadOlder();
        }
    }

    /** Keeps the reading position: pinned to the bottom if the user was there, anchored if history was added above. */
    private void onMessagesChanged() {
        JScrollBar bar = scroll.getVerticalScrollBar();
        boolean atBottom = pinned;
        int oldHeight = messages.getPreferredSize().height;
        int oldValue = bar.getValue();
        boolean prepended = conv.oldestSeq() > 0 && (oldestShown == 0 || conv.oldestSeq() < oldestShown)
                && shownCount > 0;
        oldestShown = conv.oldestSeq();
        shownCount = conv.messages().size();
        messages.refresh();
        if (!loadingOlder) {
            updateHistoryStatus();
        }
        if (prepended) {
            SwingUtilities.invokeLater(() -> {
                messages.validate();
                bar.setValue(oldValue + messages.getPreferredSize().height - oldHeight);
            });
        } else if (atBottom) {
            scrollToBottomLater();
        }
    }

    private void scrollToBottomLater() {
        SwingUtilities.invokeLater(() -> {
            scroll.validate();
            JScrollBar bar = scroll.getVerticalScrollBar();
            bar.setValue(bar.getMaximum());
        });
    }

    private void loadOlder() {
        if (loadingOlder || Boolean.FALSE.equals(conv.moreHistory())) {
            updateHistoryStatus();
            return;
        }
        loadingOlder = true;
        messages.setHistoryStatus("chat.history.loading");
        client.loadOlder(conv.convId()).whenComplete((more, failure) -> {
            loadingOlder = false;
            if (failure != null) {
                messages.setHistoryStatus(ErrorKeys.of(failure, org.qchat.client.core.Action.LOAD));
            } else {
                updateHistoryStatus();
            }
        });
    }

    private void updateHistoryStatus() {
        Boolean more = conv.moreHistory();
        messages.setHistoryStatus(Boolean.FALSE.equals(more)
                ? (conv.storedCount() == 0 && conv.outbox().isEmpty() ? "chat.history.empty" : "chat.history.start")
                : "chat.history.more");
    }

    private void refreshHeader() {
        title.setText(conv.kind() == ConversationKind.PRIVATE && conv.peerId() != null
                ? client.contacts().get(conv.peerId()).map(c -> Glyphs.safe(RemarkDialog.titleOf(c)))
                        .orElseGet(() -> Texts.conversationTitle(client, conv))
                : Texts.conversationTitle(client, conv));
        title.setIcon(conv.isMuted() ? StatusIcons.bellOff(Theme.secondaryText()) : null);
        title.setToolTipText(conv.isMuted() ? I18n.tr("conversation.muted") : null);
        if (conv.isSystem()) {
            subtitle.setText(I18n.tr("chat.system.subtitle"));
        } else if (conv.kind() == ConversationKind.GROUP) {
            subtitle.setText(client.groups().get(conv.convId())
                    .map(g -> I18n.tr("group.summary", g.memberCount(), Texts.role(g.role()))).orElse(""));
        } else {
            boolean online = conv.peerId() != null && client.contacts().get(conv.peerId()).map(c -> c.online()).orElse(false);
            subtitle.setText(I18n.tr(online ? "presence.online" : "presence.offline"));
            long now = System.currentTimeMillis();
            if (conv.isPeerTyping(now)) {
                subtitle.setText(I18n.tr("chat.typing"));
                typingExpiry.setInitialDelay((int) Math.min(MessageActions.TYPING_SHOWN.toMillis(),
                        Math.max(100, conv.peerTypingUntil() - now)));
                typingExpiry.restart();
            }
        }
        banner.setVisible(client.session().state() == ConnectionState.RECONNECTING);
        boolean writable = conv.isActive() && !conv.isSystem();
        String muted = writable ? ComposeBlock.text(client, conv, this::refreshHeader) : null;
        compose.setVisible(writable && muted == null);
        notice.setVisible(!writable || muted != null);
        if (!writable) {
            notice.setText(I18n.tr(noticeKey()));
        } else if (muted != null) {
            notice.setText(muted);
        }
    }

    private String noticeKey() {
        if (conv.isSystem()) {
            return "chat.notice.system";
        }
        if (conv.kind() == ConversationKind.GROUP) {
            // Left, removed or dissolved alike: the history stays, the compose box goes.
            return "chat.notice.group.ended";
        }
        return "chat.notice.notFriends";
    }

    /**
     * Scrolls to a message (loading it and what surrounds it first, from disk or server) and marks
     * it for a moment. The view stops following new messages, so the user can read around it.
     */
    void showMessage(long seq) {
        pinned = false;
        client.loadAround(conv.convId(), seq).whenComplete((v, failure) -> SwingUtilities.invokeLater(() -> {
            centreOn(seq);
            messages.highlight(seq);
            // Rows settle their height once they know the viewport's width: centre again after that.
            SwingUtilities.invokeLater(() -> centreOn(seq));
        }));
    }

    private void centreOn(long seq) {
        pinned = false;
        scroll.validate();
        messages.rowBounds(seq).ifPresent(bounds -> {
            int margin = Math.max(0, (scroll.getViewport().getHeight() - bounds.height) / 2);
            messages.scrollRectToVisible(new java.awt.Rectangle(bounds.x, Math.max(0, bounds.y - margin),
                    bounds.width, bounds.height + 2 * margin));
        });
    }

    long convId() {
        return conv.convId();
    }

    Conversation conversation() {
        return conv;
    }

    void focusInput() {
        compose.focusInput();
    }

    /** Ctrl+Alt+A in the chat window: a screenshot for this conversation. */
    void captureScreen() {
        attachments.captureScreen();
    }

    /** The reply bar, "@" completion and typing of this conversation's compose box. */
    ComposeExtras composeExtras() {
        return extras;
    }

    void dispose() {
        typingExpiry.stop();
        bindings.unbindAll();
        messages.dispose();
    }
}
