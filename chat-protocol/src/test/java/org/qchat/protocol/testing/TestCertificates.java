package org.qchat.protocol.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Keystores and certificates for TLS tests, made with the JDK's own keytool exactly as an
 * operator would (docs/security.md), so the tests also check those instructions.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private TestCertificates() {
    }

    /** A keystore of {@code type} (PKCS12 or JKS) with an EC key whose certificate lists {@code san}, e.g. "dns:localhost". */
    public static Path keystore(Path dir, String name, String type, String san) throws Exception {
        Path file = dir.resolve(name);
        keytool("-genkeypair", "-alias", "qchat", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=qchat test", "-ext", "SAN=" + san, "-keystore", file.toString(),
                "-storetype", type, "-storepass", PASSWORD, "-keypass", PASSWORD);
        return file;
    }

    /** The keystore's certificate as a PEM file next to it. */
    public static Path exportCertificate(Path keystore, String type) throws Exception {
        Path file = keystore.resolveSibling(keystore.getFileName() + ".crt");
        keytool("-exportcert", "-rfc", "-alias", "qchat", "-keystore", keystore.toString(), "-storetype", type,
                "-storepass", PASSWORD, "-file", file.toString());
        return file;
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}
