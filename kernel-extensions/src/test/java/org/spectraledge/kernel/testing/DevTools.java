package org.spectraledge.kernel.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal client of the Chrome DevTools protocol over the JDK's own WebSocket: {@link #call} sends one command to a
 * page and waits for its reply; events are ignored. Enough to navigate, evaluate JavaScript and take screenshots,
 * with no driver binary and no extra dependency.
 */
public final class DevTools implements AutoCloseable {

    private final WebSocket socket;
    private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger nextId = new AtomicInteger();

    private DevTools(WebSocket socket) {
        this.socket = socket;
    }

    /** Connects to a target's {@code webSocketDebuggerUrl}. */
    public static DevTools connect(String webSocketUrl) {
        DevTools[] self = new DevTools[1];
        StringBuilder message = new StringBuilder();
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    JsonObject m = JsonParser.parseString(message.toString()).getAsJsonObject();
                    message.setLength(0);
                    if (m.has("id")) {
                        CompletableFuture<JsonObject> f = self[0].pending.remove(m.get("id").getAsInt());
                        if (f != null) f.complete(m);
                    }
                }
                ws.request(1);
                return null;
            }
        };
        WebSocket ws = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()
                .newWebSocketBuilder().buildAsync(URI.create(webSocketUrl), listener).join();
        self[0] = new DevTools(ws);
        return self[0];
    }

    /**
     * Sends {@code method} with {@code params} and returns its {@code result}.
     *
     * @throws IllegalStateException if the browser answers with an error or not within 60 s
     */
    public JsonObject call(String method, JsonObject params) throws Exception {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        JsonObject m = new JsonObject();
        m.addProperty("id", id);
        m.addProperty("method", method);
        m.add("params", params);
        socket.sendText(m.toString(), true).join();
        JsonObject answer = reply.get(60, TimeUnit.SECONDS);
        if (answer.has("error")) throw new IllegalStateException(method + " failed: " + answer.get("error"));
        return answer.getAsJsonObject("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON (awaiting promises). */
    public JsonObject evaluate(String expression) throws Exception {
        JsonObject p = new JsonObject();
        p.addProperty("expression", expression);
        p.addProperty("returnByValue", true);
        p.addProperty("awaitPromise", true);
        JsonObject result = call("Runtime.evaluate", p);
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + expression + "\n" + result.get("exceptionDetails"));
        }
        return result.getAsJsonObject("result");
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
}
