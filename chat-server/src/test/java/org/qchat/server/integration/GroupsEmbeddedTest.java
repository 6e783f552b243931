package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link GroupsContract} on the embedded store. */
class GroupsEmbeddedTest extends GroupsContract {

    GroupsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
