package org.qchat.client.ui.media;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Color;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.GridLayout;
import java.awt.RenderingHints;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;

import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import javax.swing.event.ChangeListener;

import org.qchat.client.i18n.I18n;
import org.qchat.client.ui.ComponentNames;
import org.qchat.client.ui.Theme;

/**
 * A file message: the file's type icon, its name and size, and below them what can be done now —
 * Download; a progress line with × while it moves; Open and Save as… once it is here; the reason
 * and Retry after a failure. Renders a {@link TransferView} and hands every click to {@link
 * Actions}; it does nothing itself.
 *
 * <p>Listens to its TransferView only while it is on screen, so a card that was thrown away is
 * not kept alive by a transfer that goes on. Switching between states shows another part of a
 * card layout, all parts sized alike, so the card keeps its size and its message list is not laid
 * out again; progress repaints the progress line alone.
 */
public final class FileCard extends JPanel {

    /** What the user asked for, called on the Swing event thread. */
    public interface Actions {
        void download();

        void cancel();

        void retry();

        void open();

        void saveAs();
    }

    private static final int WIDTH = 280;
    private static final int ICON_HEIGHT = 44;
    private static final int ARC = 12;
    private static final int PAD = 12;

    private final TransferView transfer;
    private final Actions actions;
    private final CardLayout stateLayout = new CardLayout();
    private final JPanel stateArea = new JPanel(stateLayout);
    private final JLabel size = new JLabel();
    private final ProgressLine progress = new ProgressLine();
    private final JLabel reason = new JLabel();
    private final JPanel top = new JPanel(new BorderLayout(10, 0));
    private final ChangeListener listener = e -> render();
    private TransferView.Phase shown;

    /**
     * @param name the file's name as it should be shown (already made safe to display)
     * @param bytes the file's size
     */
    public FileCard(String name, long bytes, TransferView transfer, Actions actions) {
        super(new BorderLayout());
        this.transfer = transfer;
        this.actions = actions;
        setName(ComponentNames.FILE_CARD);
        setOpaque(false);

        FileNameLabel nameLabel = new FileNameLabel(name);
        nameLabel.setName(ComponentNames.FILE_NAME);
        size.setText(Sizes.human(bytes));
        size.setName(ComponentNames.FILE_SIZE);
        JPanel text = new JPanel(new GridLayout(2, 1, 0, 2));
        text.setOpaque(false);
        text.add(nameLabel);
        text.add(size);
        JLabel icon = new JLabel(new FileTypeIcon(name, ICON_HEIGHT));
        top.setOpaque(false);
        top.setBorder(BorderFactory.createEmptyBorder(PAD, PAD, 10, PAD));
        top.add(text, BorderLayout.CENTER);
        top.add(icon, BorderLayout.EAST);
        MouseAdapter click = new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                clickedOnFile();
            }
        };
        top.addMouseListener(click);
        // A shortened name has a tooltip, whose listener would otherwise keep the click from the card.
        nameLabel.addMouseListener(click);

        stateArea.setOpaque(false);
        stateArea.setBorder(BorderFactory.createEmptyBorder(4, PAD - 4, 6, PAD - 6));
        stateArea.add(row(FlowLayout.RIGHT, Links.of(I18n.tr("media.file.download"),
                ComponentNames.FILE_DOWNLOAD, actions::download)), TransferView.Phase.NOT_STARTED.name());
        stateArea.add(transferringRow(), TransferView.Phase.TRANSFERRING.name());
        stateArea.add(row(FlowLayout.RIGHT,
                Links.of(I18n.tr("media.file.open"), ComponentNames.FILE_OPEN, actions::open),
                Links.of(I18n.tr("media.file.saveAs"), ComponentNames.FILE_SAVE_AS, actions::saveAs)),
                TransferView.Phase.DONE.name());
        stateArea.add(failedRow(), TransferView.Phase.FAILED.name());

        add(top, BorderLayout.CENTER);
        add(stateArea, BorderLayout.SOUTH);
        updateColors();
        render();
    }

    private JPanel transferringRow() {
        progress.setName(ComponentNames.FILE_PROGRESS);
        JButton cancel = new JButton(new CrossIcon(9));
        cancel.setName(ComponentNames.FILE_CANCEL);
        cancel.setToolTipText(I18n.tr("media.file.cancel"));
        cancel.putClientProperty("JButton.buttonType", "toolBarButton");
        cancel.setFocusable(false);
        cancel.addActionListener(e -> actions.cancel());
        JPanel row = new JPanel(new BorderLayout(8, 0));
        row.setOpaque(false);
        row.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 0));
        row.add(progress, BorderLayout.CENTER);
        row.add(cancel, BorderLayout.EAST);
        return row;
    }

    private JPanel failedRow() {
        reason.setName(ComponentNames.FILE_ERROR);
        JPanel row = new JPanel(new BorderLayout(8, 0));
        row.setOpaque(false);
        row.setBorder(BorderFactory.createEmptyBorder(0, 4, 0, 0));
        row.add(reason, BorderLayout.CENTER);
        row.add(Links.of(I18n.tr("media.file.retry"), ComponentNames.FILE_RETRY, actions::retry),
                BorderLayout.EAST);
        return row;
    }

    private static JPanel row(int align, JButton... links) {
        JPanel row = new JPanel(new FlowLayout(align, 2, 0));
        row.setOpaque(false);
        for (JButton link : links) {
            row.add(link);
        }
        return row;
    }

    /**
     * Shows a new size: a file of mine shows before it is read (size unknown), and is measured
     * while it uploads. The card keeps its width, so nothing around it moves.
     */
    public void setFileSize(long bytes) {
        size.setText(Sizes.human(bytes));
    }

    /** Clicking the file itself does the obvious thing: opens it when here, fetches it when not. */
    private void clickedOnFile() {
        switch (transfer.phase()) {
            case DONE -> actions.open();
            case NOT_STARTED -> actions.download();
            default -> {
            }
        }
    }

    /** Shows the TransferView's current state; cheap when only the progress moved. */
    private void render() {
        TransferView.Phase phase = transfer.phase();
        if (phase != shown) {
            shown = phase;
            stateLayout.show(stateArea, phase.name());
            boolean clickable = phase == TransferView.Phase.DONE || phase == TransferView.Phase.NOT_STARTED;
            top.setCursor(clickable ? Cursor.getPredefinedCursor(Cursor.HAND_CURSOR) : null);
        }
        switch (phase) {
            case TRANSFERRING -> progress.set(transfer.fraction(), transfer.bytesPerSecond());
            case FAILED -> {
                String why = transfer.reason().isBlank() ? I18n.tr("media.file.failed") : transfer.reason();
                reason.setText(why);
                reason.setToolTipText(why);
            }
            default -> {
            }
        }
    }

    /** The state part showing now, for tests: the name of a {@link TransferView.Phase}. */
    String shownPhase() {
        return shown == null ? null : shown.name();
    }

    ProgressLine progressLine() {
        return progress;
    }

    @Override
    public void addNotify() {
        super.addNotify();
        transfer.addChangeListener(listener);
        render();
    }

    @Override
    public void removeNotify() {
        transfer.removeChangeListener(listener);
        super.removeNotify();
    }

    @Override
    public void updateUI() {
        super.updateUI();
        updateColors();
    }

    /**
     * Colours of our own do not follow a theme switch by themselves: set them again. As plain
     * colours, not the look and feel's own (UIResource) ones, which a label's updateUI would
     * replace with its default foreground.
     */
    private void updateColors() {
        if (reason == null) {
            return; // called by JPanel's constructor, before the fields exist
        }
        size.setForeground(new Color(Theme.secondaryText().getRGB(), true));
        java.awt.Font base = UIManager.getFont("Label.font");
        size.setFont(base.deriveFont(base.getSize2D() - 1f));
        reason.setForeground(Theme.error());
        reason.setFont(size.getFont());
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(WIDTH, super.getPreferredSize().height);
    }

    @Override
    public Dimension getMaximumSize() {
        return getPreferredSize();
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g2.setColor(cardColor());
        g2.fillRoundRect(0, 0, getWidth() - 1, getHeight() - 1, ARC, ARC);
        Color line = UIManager.getColor("Component.borderColor");
        g2.setColor(line != null ? line : Theme.secondaryText());
        g2.drawRoundRect(0, 0, getWidth() - 1, getHeight() - 1, ARC, ARC);
        int divider = stateArea.getY();
        g2.drawLine(1, divider, getWidth() - 2, divider);
        g2.dispose();
    }

    /** White on the light chat background, a step above it on the dark one, as other bubbles. */
    private static Color cardColor() {
        return Theme.isDark() ? new Color(0x36, 0x39, 0x3D) : Color.WHITE;
    }
}
