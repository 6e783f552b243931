package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link RecallRepliesContract} on the embedded store. */
class RecallRepliesEmbeddedTest extends RecallRepliesContract {

    RecallRepliesEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
