package org.qchat.protocol.model;

/**
 * The message a reply quotes, as the server shows it with the reply. A store keeps only the
 * quoted {@code seq}; the rest is read from the quoted message whenever the reply is sent out, so
 * a recalled message is never quoted from a copy: it then comes with {@code recalled} true and an
 * empty {@code text}. {@code senderId}, {@code text} and {@code kind} are null when the quoted
 * message is not visible to the reader (it predates the reader's membership).
 */
public record Quote(long seq, Long senderId, String text, MessageKind kind, Boolean recalled) {

    /** Longest excerpt of the quoted text, in code points. */
    public static final int MAX_EXCERPT = 100;

    /** A quote as a store keeps it: the seq alone. */
    public static Quote of(long seq) {
        return new Quote(seq, null, null, null, null);
    }

    /** The quote of {@code quoted} as readers see it. */
    public static Quote of(MessageInfo quoted) {
        if (quoted.recalledBy() != null) {
            return new Quote(quoted.seq(), quoted.senderId(), "", quoted.kind(), Boolean.TRUE);
        }
        String text = quoted.text();
        if (text.codePointCount(0, text.length()) > MAX_EXCERPT) {
            text = text.substring(0, text.offsetByCodePoints(0, MAX_EXCERPT));
        }
        return new Quote(quoted.seq(), quoted.senderId(), text, quoted.kind(), null);
    }
}
