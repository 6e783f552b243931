package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link MessageBatchContract} on embedded H2. */
class MessageBatchH2Test extends MessageBatchContract {

    MessageBatchH2Test() {
        super(Backend.H2);
    }
}
