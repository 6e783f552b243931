package org.qchat.protocol.tio;

import java.security.KeyStore;
import java.security.Provider;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

import org.tio.core.ssl.SslConfig;

/**
 * t-io {@link SslConfig}s built from our own key and trust managers. t-io's own factories only
 * read JKS files and, on the client, trust without checking the host name; these take a loaded
 * PKCS12/JKS identity and a host-checking trust manager instead.
 */
public final class TioTls {

    private TioTls() {
    }

    public static SslConfig server(KeyManagerFactory keyManagers) throws Exception {
        SslConfig config = SslConfig.forClient();
        config.setKeyManagerFactory(keyManagers);
        return config;
    }

    public static SslConfig client(TrustManager[] trustManagers) throws Exception {
        SslConfig config = SslConfig.forClient();
        config.setTrustManagerFactory(new FixedTrustManagerFactory(trustManagers));
        return config;
    }

    /** A factory that hands out the trust managers it was given. */
    private static final class FixedTrustManagerFactory extends TrustManagerFactory {
        FixedTrustManagerFactory(TrustManager[] managers) {
            super(new TrustManagerFactorySpi() {
                @Override
                protected void engineInit(KeyStore ks) {
                }

                @Override
                protected void engineInit(ManagerFactoryParameters spec) {
                }

                @Override
                protected TrustManager[] engineGetTrustManagers() {
                    return managers.clone();
                }
            }, (Provider) null, "qchat-fixed");
        }
    }
}
