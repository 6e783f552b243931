package org.qchat.protocol.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * What a client trusts: the system's CA store, or the certificates in one file (PEM or DER,
 * e.g. a self-signed development certificate) — and always the expected host name.
 */
public final class ClientTrust {

    private ClientTrust() {
    }

    /** Trust managers for the system CA store, checking {@code host}. */
    public static TrustManager[] system(String host) throws GeneralSecurityException {
        return wrap((KeyStore) null, host);
    }

    /** Trust managers for the certificates in {@code certificateFile} only, checking {@code host}. */
    public static TrustManager[] fromCertificate(Path certificateFile, String host)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(certificateFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new GeneralSecurityException("no certificate in " + certificateFile);
            }
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry("trusted-" + i++, certificate);
            }
        }
        return wrap(store, host);
    }

    /** An SSLContext for plain JSSE sockets (tests, tools) with the given trust managers. */
    public static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    private static TrustManager[] wrap(KeyStore store, String host) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager x509) {
                return new TrustManager[] {new VerifyingTrustManager(x509, host)};
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }
}
