package org.qchat.server.handler.group;

import org.qchat.protocol.packet.GroupList;
import org.qchat.protocol.packet.SearchGroups;
import org.qchat.server.handler.PacketHandler;
import org.qchat.server.handler.RequestContext;
import org.qchat.server.service.ChatException;
import org.qchat.server.service.GroupService;

/** Finds groups by name prefix. */
public final class SearchGroupsHandler implements PacketHandler<SearchGroups> {

    private final GroupService groups;

    public SearchGroupsHandler(GroupService groups) {
        this.groups = groups;
    }

    @Override
    public Class<SearchGroups> type() {
        return SearchGroups.class;
    }

    @Override
    public void handle(RequestContext context, SearchGroups request) throws ChatException {
        context.reply(new GroupList(context.id(), groups.search(context.me().userId(), request.query(), request.limit())));
    }
}
