package org.qchat.client.transport;

import java.nio.file.Path;

import javax.net.ssl.TrustManager;

import org.qchat.protocol.tls.ClientTrust;

/**
 * Whether the link is encrypted and whom it trusts: the system's CA store, or only the
 * certificate in one file (a self-signed development certificate). Either way the server's
 * certificate must name the host the user typed.
 *
 * @param certificate null to trust the system store
 */
public record TlsSettings(boolean enabled, Path certificate) {

    public static final TlsSettings OFF = new TlsSettings(false, null);

    /** Trust managers that also check {@code host}. */
    public TrustManager[] trustManagers(String host) throws Exception {
        return certificate == null ? ClientTrust.system(host) : ClientTrust.fromCertificate(certificate, host);
    }
}
