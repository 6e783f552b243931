package org.qchat.bench.mqtt;

/**
 * The bytes from the broker are not an MQTT packet this client accepts: malformed, over the
 * size limit, or of a type it does not speak. MQTT gives no way to resynchronise a stream after
 * such a packet (spec 4.13), so the only correct reaction is to close the connection.
 */
public final class MqttProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MqttProtocolException(String message) {
        super(message);
    }
}
