package org.qchat.protocol.tls;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server only if its chain is trusted by {@code delegate} AND its certificate names
 * {@code expectedHost}. Needed because t-io creates its client SSLEngine without a peer host, so
 * the JDK's own endpoint identification never runs.
 */
public final class VerifyingTrustManager extends X509ExtendedTrustManager {

    private final X509ExtendedTrustManager delegate;
    private final String expectedHost;

    public VerifyingTrustManager(X509ExtendedTrustManager delegate, String expectedHost) {
        this.delegate = delegate;
        this.expectedHost = expectedHost;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, engine);
        checkHost(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkServerTrusted(chain, authType, socket);
        checkHost(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkServerTrusted(chain, authType);
        checkHost(chain);
    }

    private void checkHost(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0 || !HostnameMatcher.matches(chain[0], expectedHost)) {
            throw new CertificateException("the server's certificate is not valid for host '" + expectedHost + "'");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        delegate.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        delegate.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return delegate.getAcceptedIssuers();
    }
}
