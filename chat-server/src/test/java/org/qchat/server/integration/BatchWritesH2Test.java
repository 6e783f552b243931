package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link BatchWritesContract} on embedded H2. */
class BatchWritesH2Test extends BatchWritesContract {

    BatchWritesH2Test() {
        super(Backend.H2);
    }
}
