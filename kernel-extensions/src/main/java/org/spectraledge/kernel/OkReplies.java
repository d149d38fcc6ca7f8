package org.spectraledge.kernel;

import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;
import org.dflib.jjava.jupyter.messages.reply.InterruptReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

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

    static final class Interrupt extends InterruptReply {
        @SuppressWarnings("unused") // serialized
        private final String status = "ok";
    }
}
