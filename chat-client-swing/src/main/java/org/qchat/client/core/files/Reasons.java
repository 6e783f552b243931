package org.qchat.client.core.files;

import java.util.List;

import org.qchat.client.core.ChatException;
import org.qchat.protocol.ErrorCode;

/** Message keys for why a transfer failed (the {@code reasonKey} of {@link TransferState}). */
public final class Reasons {

    public static final String UNREADABLE = "error.file.unreadable";
    public static final String EMPTY = "error.file.empty";
    public static final String TOO_LARGE = "error.file.tooLarge";
    public static final String UPLOAD_FAILED = "error.upload.failed";
    public static final String CHANGED = "error.upload.changed";
    public static final String GONE = "error.download.gone";
    public static final String FORBIDDEN = "error.download.forbidden";
    public static final String DOWNLOAD_FAILED = "error.download.failed";
    public static final String CORRUPT = "error.download.corrupt";
    public static final String NOT_SAVED = "error.download.notSaved";
    public static final String SERVER_BUSY = "error.code.UNAVAILABLE";
    public static final String NO_ANSWER = "error.timeout";

    /** Every key above, for the check that both languages have them. */
    public static final List<String> ALL = List.of(UNREADABLE, EMPTY, TOO_LARGE, UPLOAD_FAILED, CHANGED, GONE,
            FORBIDDEN, DOWNLOAD_FAILED, CORRUPT, NOT_SAVED, SERVER_BUSY, NO_ANSWER);

    private Reasons() {
    }

    /** Server trouble that may pass: worth trying again after a pause. */
    static boolean passing(ChatException e) {
        return e.kind() == ChatException.Kind.TIMEOUT
                || e.is(ErrorCode.UNAVAILABLE) || e.is(ErrorCode.INTERNAL);
    }

    /** A limit of open transfers or of starts per second: always passes, so wait as long as it takes. */
    static boolean busy(ChatException e) {
        return e.is(ErrorCode.RATE_LIMITED);
    }

    /** The link is (or was) gone: the transfer goes on after the resume. */
    static boolean offline(ChatException e) {
        return e.kind() == ChatException.Kind.NOT_CONNECTED || e.kind() == ChatException.Kind.CONNECTION_LOST;
    }

    static String ofPassing(ChatException e) {
        return e.kind() == ChatException.Kind.TIMEOUT ? NO_ANSWER : SERVER_BUSY;
    }
}
