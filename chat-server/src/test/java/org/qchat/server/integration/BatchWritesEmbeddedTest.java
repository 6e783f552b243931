package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BatchWritesContract} on the embedded store. */
class BatchWritesEmbeddedTest extends BatchWritesContract {

    BatchWritesEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
