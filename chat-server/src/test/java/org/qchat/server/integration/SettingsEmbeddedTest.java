package org.qchat.server.integration;

import org.qchat.server.testing.Backend;

/** {@link SettingsContract} on the embedded store. */
class SettingsEmbeddedTest extends SettingsContract {

    SettingsEmbeddedTest() {
        super(Backend.EMBEDDED);
    }
}
