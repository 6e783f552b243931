package org.qchat.protocol.packet;

import java.util.List;

import org.qchat.protocol.PacketType;
import org.qchat.protocol.Response;
import org.qchat.protocol.model.Receipt;

/** The delivered and read cursors of a conversation's members. */
@PacketType("receipts.list")
public record ReceiptList(String id, long convId, List<Receipt> receipts) implements Response {

    public ReceiptList {
        receipts = receipts == null ? List.of() : List.copyOf(receipts);
    }
}
