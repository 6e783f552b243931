package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link FilesContract} on the embedded store. */
class FilesEmbeddedTest extends FilesContract {

    FilesEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
