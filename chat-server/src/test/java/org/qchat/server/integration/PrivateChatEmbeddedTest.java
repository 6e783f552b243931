package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link PrivateChatContract} on the embedded store. */
class PrivateChatEmbeddedTest extends PrivateChatContract {

    PrivateChatEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
