package org.qchat.server.config;

import java.nio.file.Path;

/**
 * The server's TLS identity: a keystore file holding its private key and certificate chain.
 *
 * @param type PKCS12 or JKS
 */
public record Tls(Path keystore, String password, String type) {

    public Tls {
        if (keystore == null) {
            throw new IllegalArgumentException("a TLS keystore file is required");
        }
        type = type == null || type.isBlank() ? "PKCS12" : type.toUpperCase(java.util.Locale.ROOT);
        if (!type.equals("PKCS12") && !type.equals("JKS")) {
            throw new IllegalArgumentException("keystore type must be PKCS12 or JKS, was " + type);
        }
    }

    @Override
    public String toString() {
        return "Tls[keystore=" + keystore + ", type=" + type + "]";
    }
}
