package org.qchat.server.handler;

import java.util.function.Consumer;

import org.qchat.protocol.ErrorCode;
import org.qchat.server.service.ChatException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns any failure into the code and message a client gets. Refusals keep their own code and
 * message; anything unexpected becomes INTERNAL with a generic message and is logged here.
 */
public final class ErrorReporter {

    private static final Logger log = LoggerFactory.getLogger(ErrorReporter.class);

    /** What the client is told. */
    public record Report(ErrorCode code, String message) {
    }

    private final Consumer<ErrorCode> counter;

    public ErrorReporter(Consumer<ErrorCode> counter) {
        this.counter = counter;
    }

    public Report report(Throwable failure, String requestType) {
        Report report;
        if (failure instanceof ChatException refused) {
            report = new Report(refused.code(), refused.getMessage());
        } else {
            log.error("{} failed", requestType, failure);
            report = new Report(ErrorCode.INTERNAL, "internal server error");
        }
        counter.accept(report.code());
        return report;
    }

    /** Counts an error that was sent without going through {@link #report}. */
    public void count(ErrorCode code) {
        counter.accept(code);
    }
}
