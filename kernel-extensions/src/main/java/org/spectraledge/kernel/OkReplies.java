package org.spectraledge.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.HistoryReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * jjava replies that lack the {@code "status": "ok"} field every reply must carry (Jupyter messaging
 * protocol 5), with that field added. Gson writes the subclass's field next to jjava's.
 */
final class OkReplies {

    private OkReplies() {}

    static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";

        KernelInfo(String protocolVersion, String implementation, String version, LanguageInfo language,
                   String banner, List<HelpLink> helpLinks) {
            super(protocolVersion, implementation, version, language, banner, helpLinks);
        }
    }

    static final class CommInfo extends CommInfoReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";

        CommInfo(Map<String, CommInfoReply.CommInfo> comms) {
            super(comms);
        }
    }

    /**
     * The history reply, with its status and with each entry as the protocol's {@code [session, line, input]} (or
     * {@code [session, line, [input, output]]}) array: jjava registers its entry serializer only on the Gson that
     * reads replies, so its own {@code HistoryReply} sends entries as JSON objects.
     */
    static final class History implements ContentType<History>, ReplyType<HistoryRequest> {
        @SuppressWarnings("unchecked") // the same message type, named for this content class
        private static final MessageType<History> TYPE = (MessageType<History>) (MessageType<?>) HistoryReply.MESSAGE_TYPE;

        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
        @SuppressWarnings("unused") // serialized
        private final List<List<Object>> history = new ArrayList<>();

        History(List<HistoryEntry> entries) {
            for (HistoryEntry e : entries) {
                Object cell = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
                history.add(List.of(e.getSession(), e.getCellNumber(), cell));
            }
        }

        @Override
        public MessageType<History> getType() {
            return TYPE;
        }

        @Override
        public MessageType<HistoryRequest> getRequestType() {
            return HistoryReply.REQUEST_MESSAGE_TYPE;
        }
    }

    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
    }
}
