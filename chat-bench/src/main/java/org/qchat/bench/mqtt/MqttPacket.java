package org.qchat.bench.mqtt;

import java.util.Arrays;

/**
 * A packet from the broker, as {@link MqttDecoder} returns it. Only the packets a benchmark
 * client receives are here; properties the broker sends are skipped, not kept.
 *
 * <p>The arrays in {@link SubAck} and {@link Publish} are owned by the record and not copied,
 * so that receiving a message costs one payload array; callers must not modify them. Those two
 * records compare their arrays by content.
 */
public sealed interface MqttPacket {

    /** Reason code 0x00: Success (CONNACK, PUBACK, DISCONNECT) or Granted QoS 0 (SUBACK). */
    int SUCCESS = 0x00;

    record ConnAck(boolean sessionPresent, int reasonCode) implements MqttPacket {
    }

    /** One reason code per topic filter, in the SUBSCRIBE's order: 0–2 the granted QoS, 0x80+ a refusal. */
    record SubAck(int packetId, int[] reasonCodes) implements MqttPacket {

        @Override
        public boolean equals(Object o) {
            return o instanceof SubAck other && packetId == other.packetId
                    && Arrays.equals(reasonCodes, other.reasonCodes);
        }

        @Override
        public int hashCode() {
            return 31 * packetId + Arrays.hashCode(reasonCodes);
        }

        @Override
        public String toString() {
            return "SubAck[packetId=" + packetId + ", reasonCodes=" + Arrays.toString(reasonCodes) + "]";
        }
    }

    /** {@code packetId} is 0 for QoS 0, which carries none. */
    record Publish(String topic, int qos, int packetId, boolean dup, byte[] payload) implements MqttPacket {

        @Override
        public boolean equals(Object o) {
            return o instanceof Publish other && qos == other.qos && packetId == other.packetId
                    && dup == other.dup && topic.equals(other.topic) && Arrays.equals(payload, other.payload);
        }

        @Override
        public int hashCode() {
            return ((topic.hashCode() * 31 + qos) * 31 + packetId) * 31 + Arrays.hashCode(payload);
        }

        /** Payload length only: a benchmark payload printed in full would drown the message. */
        @Override
        public String toString() {
            return "Publish[topic=" + topic + ", qos=" + qos + ", packetId=" + packetId + ", dup=" + dup
                    + ", payload=" + payload.length + " bytes]";
        }
    }

    /** {@code reasonCode} 0x10 (No matching subscribers) is a success too: Mosquitto sends it. */
    record PubAck(int packetId, int reasonCode) implements MqttPacket {
    }

    record PingResp() implements MqttPacket {
    }

    record Disconnect(int reasonCode) implements MqttPacket {
    }
}
