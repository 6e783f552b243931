package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link ReceiptsContract} on the embedded store. */
class ReceiptsEmbeddedTest extends ReceiptsContract {

    ReceiptsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
