package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link GroupNoticeMuteContract} on the embedded store. */
class GroupNoticeMuteEmbeddedTest extends GroupNoticeMuteContract {

    GroupNoticeMuteEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
