package org.qchat.server.net;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;

import javax.net.ssl.SSLException;

import org.tio.core.ChannelContext;
import org.tio.core.ssl.SslFacadeContext;
import org.tio.core.ssl.SslVo;
import org.tio.core.ssl.facade.IHandshakeCompletedListener;
import org.tio.core.ssl.facade.ISSLFacade;
import org.tio.core.ssl.facade.ISSLListener;
import org.tio.core.ssl.facade.ISessionClosedListener;

/**
 * Makes t-io's TLS layer safe to use from two threads at once. t-io encrypts outgoing frames on its
 * send thread while the read thread decrypts, and the read side wraps handshake records itself
 * (the server's last handshake flight, TLS 1.3 session tickets, alerts). Both sides share one
 * SSLEngine and one set of t-io buffers without any locking, so an application record encrypted
 * while the handshake finishes is garbled or overtakes a record with a lower sequence number: the
 * client fails with "Tag mismatch" (about one TLS connection in four under load lost its
 * {@code welcome} this way).
 *
 * <p>This facade runs every encrypt and decrypt under one lock per connection, and
 * {@link NonBlockingSender} takes the same lock from taking frames off its queue until their
 * encrypted bytes are handed to the socket, so records reach the socket in the order the engine
 * numbered them.
 */
final class SerializedTls implements ISSLFacade {

    private final ISSLFacade facade;
    private final Object lock;

    private SerializedTls(ISSLFacade facade, Object lock) {
        this.facade = facade;
        this.lock = lock;
    }

    /**
     * Puts the facade in front of the channel's TLS layer (a no-op on plain TCP). Called before the
     * first bytes of the connection are decrypted.
     */
    static void install(ChannelContext channel, Object lock) {
        SslFacadeContext tls = channel.sslFacadeContext;
        if (tls == null || tls.getSslFacade() instanceof SerializedTls) {
            return;
        }
        try {
            // t-io offers no setter; its facade field is the only way in.
            Field field = SslFacadeContext.class.getDeclaredField("sslFacade");
            field.setAccessible(true);
            field.set(tls, new SerializedTls(tls.getSslFacade(), lock));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot serialise t-io's TLS layer (t-io version changed?)", e);
        }
    }

    @Override
    public void beginHandshake() throws IOException {
        synchronized (lock) {
            facade.beginHandshake();
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            facade.close();
        }
    }

    @Override
    public void decrypt(ByteBuffer byteBuffer) throws SSLException {
        synchronized (lock) {
            facade.decrypt(byteBuffer);
        }
    }

    @Override
    public void encrypt(SslVo sslVo) throws SSLException {
        synchronized (lock) {
            facade.encrypt(sslVo);
        }
    }

    @Override
    public boolean isClientMode() {
        return facade.isClientMode();
    }

    @Override
    public boolean isCloseCompleted() {
        return facade.isCloseCompleted();
    }

    @Override
    public boolean isHandshakeCompleted() {
        return facade.isHandshakeCompleted();
    }

    @Override
    public void setCloseListener(ISessionClosedListener listener) {
        facade.setCloseListener(listener);
    }

    @Override
    public void setHandshakeCompletedListener(IHandshakeCompletedListener listener) {
        facade.setHandshakeCompletedListener(listener);
    }

    @Override
    public void setSSLListener(ISSLListener listener) {
        facade.setSSLListener(listener);
    }

    @Override
    public void terminate() {
        synchronized (lock) {
            facade.terminate();
        }
    }
}
