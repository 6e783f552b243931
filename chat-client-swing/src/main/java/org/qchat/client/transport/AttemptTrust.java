package org.qchat.client.transport;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Checks a server's certificate against the host of the address being tried. t-io builds every
 * connection's TLS engine from one client-wide configuration and gives it no peer host, so the
 * expected name cannot travel with the connection; with a list of servers it differs per node.
 * The transport makes one attempt at a time and tells us, through {@code currentHost}, whose it is.
 */
final class AttemptTrust extends X509ExtendedTrustManager {

    private final Map<String, X509ExtendedTrustManager> byHost;
    private final Supplier<String> currentHost;

    private AttemptTrust(Map<String, X509ExtendedTrustManager> byHost, Supplier<String> currentHost) {
        this.byHost = byHost;
        this.currentHost = currentHost;
    }

    /**
     * Builds the host-checking trust managers of {@code tls} for every host in {@code servers} now,
     * so an unreadable certificate file fails at connect, not at the first handshake.
     */
    static AttemptTrust of(TlsSettings tls, ServerList servers, Supplier<String> currentHost) throws Exception {
        Map<String, X509ExtendedTrustManager> byHost = new HashMap<>();
        for (ServerAddress address : servers.addresses()) {
            if (!byHost.containsKey(address.host())) {
                byHost.put(address.host(), x509(tls.trustManagers(address.host())));
            }
        }
        return new AttemptTrust(byHost, currentHost);
    }

    private static X509ExtendedTrustManager x509(TrustManager[] managers) {
        for (TrustManager manager : managers) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager");
    }

    private X509ExtendedTrustManager current() throws CertificateException {
        X509ExtendedTrustManager manager = byHost.get(currentHost.get());
        if (manager == null) {
            throw new CertificateException("no connection attempt in progress");
        }
        return manager;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        current().checkServerTrusted(chain, authType, engine);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        current().checkServerTrusted(chain, authType, socket);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        current().checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        current().checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        current().checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        try {
            return current().getAcceptedIssuers();
        } catch (CertificateException e) {
            return new X509Certificate[0];
        }
    }
}
