package org.spectraledge.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spectraledge.kernel.install.ClassArchive;
import org.spectraledge.kernel.testing.JupyterClient;

import org.spectraledge.kernel.display.RenderException;
/**
 * The packaged kernel, installed with its own installer and driven through {@code jupyter_client}
 * over real ZeroMQ sockets with signed messages. Each test starts a fresh kernel.
 */
class KernelProtocolIT {

    @TempDir
    static Path prefix;
    static JupyterClient jupyter;

    /** Starts a kernel, runs {@code body} (Python, indented 4), always shuts the kernel down. */
    private static JsonObject withKernel(String body) throws Exception {
        return jupyter.run(String.join("\n",
                "import json, time, base64",
                "import kernel_driver as kd",
                "km, kc = kd.start()",
                "try:",
                body,
                "finally:",
                "    kc.stop_channels()",
                "    km.shutdown_kernel(now=True)",
                ""));
    }

    @BeforeAll
    static void install() throws Exception {
        JupyterClient.require("jupyter_client");
        jupyter = JupyterClient.install(prefix);
    }

    @Test
    void kernelspecRunsTheBuiltJarOnThisJava() throws Exception {
        JsonObject spec = JsonParser.parseString(Files.readString(jupyter.kernelDir().resolve("kernel.json"))).getAsJsonObject();
        JsonArray argv = spec.getAsJsonArray("argv");
        assertTrue(Path.of(argv.get(0).getAsString()).isAbsolute(), "java must be an absolute path: " + argv);
        assertTrue(argv.toString().contains("jdk.jshell/jdk.jshell=ALL-UNNAMED"), argv.toString());
        assertTrue(argv.toString().contains("spectral-edge.jar"), argv.toString());
        assertEquals("{connection_file}", argv.get(argv.size() - 1).getAsString());
        // the installer wrote the class archive that every test kernel here starts with
        Path archive = jupyter.kernelDir().resolve(ClassArchive.FILE_NAME);
        assertTrue(Files.size(archive) > 1_000_000, "class archive " + archive);
        assertEquals("-XX:SharedArchiveFile=" + archive.toAbsolutePath(), argv.get(1).getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        assertEquals("java", spec.get("language").getAsString());
    }

    @Test
    void listensOnlyOnTheAddressAndPortsOfTheConnectionFile() throws Exception {
        JupyterClient.require("psutil");
        JsonObject r = withKernel(String.join("\n",
                "    import psutil",
                "    info = km.get_connection_info()",
                "    kernel = psutil.Process(km.provisioner.process.pid)",
                // Java's dual-stack sockets show an IPv4 bind as the IPv4-mapped IPv6 address
                "    listening = sorted(f\"{c.laddr.ip.removeprefix('::ffff:')}:{c.laddr.port}\" for c in kernel.connections(kind='inet')",
                "                       if c.status == psutil.CONN_LISTEN)",
                "    expected = sorted(f\"{info['ip']}:{info[k]}\" for k in ('shell_port', 'iopub_port', 'stdin_port', 'control_port', 'hb_port'))",
                "    kd.emit({'listening': listening, 'expected': expected})"));
        assertEquals(r.getAsJsonArray("expected").toString(), r.getAsJsonArray("listening").toString());
        assertTrue(r.getAsJsonArray("expected").toString().contains("127.0.0.1:"), r.toString());
    }

    @Test
    void kernelInfoAndCommInfo() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    info = kd.request(kc, 'kernel_info_request', {})",
                "    comms = kd.request(kc, 'comm_info_request', {})",
                "    kd.emit({'info': info, 'comms': comms})"));
        JsonObject info = r.getAsJsonObject("info");
        assertEquals("spectral-edge", info.get("implementation").getAsString());
        assertEquals("java", info.getAsJsonObject("language_info").get("name").getAsString());
        assertEquals("ok", r.getAsJsonObject("comms").get("status").getAsString());
    }

    @Test
    void expressionValueAndStdout() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    a = kd.execute(kc, '1+1')",
                "    b = kd.execute(kc, 'System.out.println(\"hello\");\\nSystem.err.println(\"oops\");')",
                "    kd.emit({'a': a, 'b': b})"));
        JsonObject a = r.getAsJsonObject("a");
        assertEquals("ok", a.getAsJsonObject("reply").get("status").getAsString());
        assertEquals("2", output(a, "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        JsonObject b = r.getAsJsonObject("b");
        assertEquals("hello\n", stream(b, "stdout"));
        assertEquals("oops\n", stream(b, "stderr"));
        assertEquals(null, output(b, "execute_result"), "a statement has no value");
    }

    /**
     * A cell printing fast: every line arrives in order, except lines a marker counts exactly; the output comes in
     * batches (one message per line made the Notebook server and ZeroMQ drop lines and the final idle status), and
     * the idle status arrives. 20,000 short lines fit the rate limit whole; 300,000 do not.
     */
    @Test
    void fastPrintingArrivesInOrderInBatchesAndEveryMissingLineIsCounted() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    import queue",
                "    def flood(n):",
                "        msg_id = kc.execute('for (int i = 0; i < ' + str(n) + '; i++) System.out.println(i);')",
                "        reply = kd.reply_to(kc, msg_id, timeout=120)",
                "        try:",
                "            outputs = kd.outputs_of(kc, msg_id, timeout=60)",
                "        except queue.Empty:",
                "            return {'idle': False}",
                "        streams = [o['content'] for o in outputs if o['type'] == 'stream']",
                "        return {'idle': True, 'status': reply['content']['status'], 'messages': len(streams),",
                "                'names': sorted({s['name'] for s in streams}), 'text': ''.join(s['text'] for s in streams)}",
                "    kd.emit({'small': flood(20_000), 'large': flood(300_000)})"));
        JsonObject small = r.getAsJsonObject("small");
        assertTrue(small.get("idle").getAsBoolean(), "the idle status of the 20,000-line cell never came");
        assertEquals("ok", small.get("status").getAsString());
        assertEquals("[\"stdout\"]", small.get("names").toString());
        assertEquals(new PrintedLines(20_000, 0), PrintedLines.of(small.get("text").getAsString()), "20,000 lines are within the limit");
        int messages = small.get("messages").getAsInt();
        assertTrue(messages < 200, "20,000 lines came in " + messages + " stream messages");

        JsonObject large = r.getAsJsonObject("large");
        assertTrue(large.get("idle").getAsBoolean(), "the idle status of the 300,000-line cell never came");
        PrintedLines lines = PrintedLines.of(large.get("text").getAsString());
        assertEquals(300_000, lines.shown() + lines.marked(), "every line is shown or counted: " + lines);
        assertTrue(lines.marked() > 0, "300,000 lines exceed the limit, so a marker must say how many were not shown");
    }

    /**
     * Lines printed as 0, 1, 2, ... and the markers among them.
     *
     * @param shown  numbered lines that arrived
     * @param marked lines that markers said were not shown
     */
    record PrintedLines(long shown, long marked) {
        private static final java.util.regex.Pattern MARKER =
                java.util.regex.Pattern.compile("… ([\\d,]+) lines? not shown; write large output to a file");

        /** Reads {@code text}, failing on the first line that is neither the next number nor a marker. */
        static PrintedLines of(String text) {
            long next = 0;
            long shown = 0;
            long marked = 0;
            for (String line : text.split("\n")) {
                java.util.regex.Matcher m = MARKER.matcher(line);
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1).replace(",", ""));
                    next += n;
                    marked += n;
                } else {
                    assertEquals(String.valueOf(next), line, "line " + (shown + marked) + " is out of order or unmarked");
                    next++;
                    shown++;
                }
            }
            return new PrintedLines(shown, marked);
        }
    }

    @Test
    void exceptionTracebackNamesTheCellLine() throws Exception {
        String cell = "int y = 1;\\n\\nvoid f() {\\n  throw new IllegalStateException(\"boom\");\\n}\\nf();";
        JsonObject r = withKernel(String.join("\n",
                "    kd.execute(kc, 'int warmup = 0;')",
                "    kd.emit(kd.execute(kc, '" + cell + "'))"));
        JsonObject reply = r.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString());
        assertEquals("IllegalStateException", reply.get("ename").getAsString());
        JsonObject error = output(r, "error");
        assertEquals("boom", error.get("evalue").getAsString());
        String traceback = error.get("traceback").toString();
        // the throw is on line 4 of cell 2, the call on line 6
        assertTrue(traceback.contains("at f (In [2], line 4)"), traceback);
        assertTrue(traceback.contains("at In [2], line 6"), traceback);
    }

    @Test
    void compileErrorNamesTheCellLine() throws Exception {
        JsonObject r = withKernel("    kd.emit(kd.execute(kc, 'int a = 1;\\n\\nint b = a + missing;'))");
        JsonObject error = output(r, "error");
        assertEquals("CompilationError", error.get("ename").getAsString());
        assertTrue(error.get("traceback").toString().contains("In [1], line 3: cannot find symbol"), error.toString());
    }

    @Test
    void chartBecomesPngAndSvgOnRequest() throws Exception {
        String chart = "var chart = org.knowm.xchart.QuickChart.getChart(\"gap\", \"t\", \"g\", \"g23\", new double[]{1,2,3}, new double[]{3,1,2});";
        JsonObject r = withKernel(String.join("\n",
                "    kd.execute(kc, '" + chart + "')",
                "    png = kd.execute(kc, 'chart')",
                "    svg = kd.execute(kc, 'display(chart, \"image/svg+xml\");')",
                "    kd.emit({'png': png, 'svg': svg})"));
        JsonObject data = output(r.getAsJsonObject("png"), "execute_result").getAsJsonObject("data");
        byte[] png = Base64.getDecoder().decode(data.get("image/png").getAsString().replace("\n", ""));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        JsonObject svg = output(r.getAsJsonObject("svg"), "display_data").getAsJsonObject("data");
        assertTrue(svg.get("image/svg+xml").getAsString().contains("<svg"), svg.toString());
        assertFalse(svg.has("image/png"), "only the requested type (and text/plain) is rendered");
    }

    @Test
    void bufferedImageBecomesPng() throws Exception {
        JsonObject r = withKernel("    kd.emit(kd.execute(kc, 'new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)'))");
        JsonObject data = output(r, "execute_result").getAsJsonObject("data");
        assertTrue(data.has("image/png"), data.toString());
    }

    @Test
    void tablesawTableBecomesHtml() throws Exception {
        String table = "tech.tablesaw.api.Table.create(\"run\").addColumns(tech.tablesaw.api.DoubleColumn.create(\"sigma\", 3.0, 2.0))";
        JsonObject r = withKernel("    kd.emit(kd.execute(kc, '" + table + "'))");
        JsonObject data = output(r, "execute_result").getAsJsonObject("data");
        String html = data.get("text/html").getAsString();
        assertTrue(html.contains("<table") && html.contains("sigma") && html.contains("<td>3</td>"), html);
        assertTrue(data.get("text/plain").getAsString().contains("sigma"), data.toString());
    }

    @Test
    void markdownLatexAndUpdatableDisplays() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    md = kd.execute(kc, 'md(\"**bold**\")')",
                "    tex = kd.execute(kc, 'latex(\"$$x^2$$\")')",
                "    upd = kd.execute(kc, 'String id = display(md(\"step 1\"));\\nupdateDisplay(id, md(\"step 2\"));')",
                "    kd.emit({'md': md, 'tex': tex, 'upd': upd})"));
        assertEquals("**bold**", output(r.getAsJsonObject("md"), "execute_result").getAsJsonObject("data").get("text/markdown").getAsString());
        assertEquals("$$x^2$$", output(r.getAsJsonObject("tex"), "execute_result").getAsJsonObject("data").get("text/latex").getAsString());
        JsonObject shown = output(r.getAsJsonObject("upd"), "display_data");
        JsonObject updated = output(r.getAsJsonObject("upd"), "update_display_data");
        String id = shown.getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(id, updated.getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("step 2", updated.getAsJsonObject("data").get("text/markdown").getAsString());
    }

    @Test
    void failingRendererIsAnErrorOutputAndTheKernelGoesOn() throws Exception {
        // text/plain rendering calls toString(), which throws here
        JsonObject r = withKernel(String.join("\n",
                "    bad = kd.execute(kc, 'new Object() { public String toString() { throw new IllegalStateException(\"no text\"); } }')",
                "    ok = kd.execute(kc, '3*3')",
                "    kd.emit({'bad': bad, 'ok': ok})"));
        JsonObject bad = r.getAsJsonObject("bad");
        assertEquals("error", bad.getAsJsonObject("reply").get("status").getAsString(), bad.toString());
        assertEquals("RenderException", output(bad, "error").get("ename").getAsString());
        assertTrue(output(bad, "error").get("evalue").getAsString().contains("no text"), bad.toString());
        assertEquals("9", output(r.getAsJsonObject("ok"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void completionInspectionAndIsComplete() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    comp = kd.request(kc, 'complete_request', {'code': 'int x = 1; Math.ma', 'cursor_pos': 18})",
                "    insp = kd.request(kc, 'inspect_request', {'code': 'Math.max(1, 2)', 'cursor_pos': 7, 'detail_level': 0})",
                "    inc = kd.request(kc, 'is_complete_request', {'code': 'for (int i = 0; i < 3; i++) {'})",
                "    com = kd.request(kc, 'is_complete_request', {'code': 'int x = 1;'})",
                "    bad = kd.request(kc, 'is_complete_request', {'code': ')('})",
                "    kd.emit({'comp': comp, 'insp': insp, 'inc': inc, 'com': com, 'bad': bad})"));
        JsonObject comp = r.getAsJsonObject("comp");
        assertTrue(comp.getAsJsonArray("matches").toString().contains("max("), comp.toString());
        assertEquals(16, comp.get("cursor_start").getAsInt());
        assertEquals(18, comp.get("cursor_end").getAsInt());
        JsonObject insp = r.getAsJsonObject("insp");
        assertTrue(insp.get("found").getAsBoolean(), insp.toString());
        assertTrue(insp.getAsJsonObject("data").get("text/plain").getAsString().contains("Math.max(int a, int b)"), insp.toString());
        assertEquals("incomplete", r.getAsJsonObject("inc").get("status").getAsString());
        assertEquals("    ", r.getAsJsonObject("inc").get("indent").getAsString());
        assertEquals("complete", r.getAsJsonObject("com").get("status").getAsString());
        assertEquals("invalid", r.getAsJsonObject("bad").get("status").getAsString());
    }

    @Test
    void magicsRunAndComplete() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    timed = kd.execute(kc, 'int base = 40;\\n%time base + 2')",
                "    bad = kd.execute(kc, '%classpath /no/such/dir/*')",
                "    comp = kd.request(kc, 'complete_request', {'code': '%lsm', 'cursor_pos': 4})",
                "    kd.emit({'timed': timed, 'bad': bad, 'comp': comp})"));
        JsonObject timed = r.getAsJsonObject("timed");
        assertTrue(stream(timed, "stdout").startsWith("Wall time: "), timed.toString());
        assertEquals("42", output(timed, "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        JsonObject bad = output(r.getAsJsonObject("bad"), "error");
        assertEquals("MagicError", bad.get("ename").getAsString());
        assertTrue(bad.get("evalue").getAsString().contains("usage: %classpath"), bad.toString());
        JsonObject comp = r.getAsJsonObject("comp");
        assertEquals("[\"lsmagic\"]", comp.getAsJsonArray("matches").toString());
        assertEquals(1, comp.get("cursor_start").getAsInt());
    }

    @Test
    void interruptStopsABusyLoopWithinFourSeconds() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    kd.execute(kc, 'int before = 41;')",
                "    msg_id = kc.execute('{ System.out.println(\"spinning\"); while (true) {} }')",
                "    kd.wait_for_stdout(kc, msg_id, 'spinning')",
                "    time.sleep(0.2)",
                "    t0 = time.time()",
                "    intr = kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    reply = kd.reply_to(kc, msg_id)",
                "    elapsed = time.time() - t0",
                "    outputs = kd.outputs_of(kc, msg_id)",
                "    after = kd.execute(kc, 'before + 1')",
                "    kd.emit({'intr': intr, 'reply': reply['content'], 'outputs': outputs, 'elapsed': elapsed, 'after': after})"));
        assertEquals("ok", r.getAsJsonObject("intr").get("status").getAsString());
        double elapsed = r.get("elapsed").getAsDouble();
        assertTrue(elapsed < 4.0, "the cell ended " + elapsed + " s after the interrupt request");
        JsonObject reply = r.getAsJsonObject("reply");
        assertEquals("error", reply.get("status").getAsString());
        assertEquals("CellInterruptedException", reply.get("ename").getAsString());
        assertTrue(reply.get("evalue").getAsString().contains("thread was stopped"), reply.toString());
        assertEquals("42", output(r.getAsJsonObject("after"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void interruptOfASleepingCellEndsItThroughInterruptedException() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    msg_id = kc.execute('{ System.out.println(\"sleeping\"); Thread.sleep(60_000); }')",
                "    kd.wait_for_stdout(kc, msg_id, 'sleeping')",
                "    time.sleep(0.2)",
                "    kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    reply = kd.reply_to(kc, msg_id, timeout=5)",
                "    kd.emit({'reply': reply['content']})"));
        assertEquals("InterruptedException", r.getAsJsonObject("reply").get("ename").getAsString());
    }

    @Test
    void interruptWhileTheCellIsStillCompilingCancelsIt() throws Exception {
        // sent as soon as the cell is announced: it is being parsed or compiled, not yet running
        JsonObject r = withKernel(String.join("\n",
                "    msg_id = kc.execute('int a = 1;\\nThread.sleep(60_000);\\nint b = 2;')",
                "    while True:",
                "        m = kc.get_iopub_msg(timeout=30)",
                "        if m['parent_header'].get('msg_id') == msg_id and m['msg_type'] == 'execute_input':",
                "            break",
                "    kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    reply = kd.reply_to(kc, msg_id, timeout=20)",
                "    kd.emit({'reply': reply['content']})"));
        String ename = r.getAsJsonObject("reply").get("ename").getAsString();
        assertTrue(ename.equals("CellInterruptedException") || ename.equals("InterruptedException"), r.toString());
    }

    @Test
    void systemExitInACellIsAnErrorAndTheKernelStays() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    ex = kd.execute(kc, 'System.exit(0)')",
                "    after = kd.execute(kc, '2+2')",
                "    kd.emit({'ex': ex, 'after': after, 'alive': km.is_alive()})"));
        JsonObject ex = r.getAsJsonObject("ex");
        assertEquals("CellExitException", ex.getAsJsonObject("reply").get("ename").getAsString(), ex.toString());
        assertEquals("4", output(r.getAsJsonObject("after"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(r.get("alive").getAsBoolean());
    }

    /**
     * A kernel with a 256 MB heap (set as the advice says: {@code JDK_JAVA_OPTIONS} in the kernelspec's env) runs a
     * cell that fills the heap and keeps what it allocated. The cell fails with advice, and the kernel goes on: the
     * heartbeat echoes, an interrupt is answered, the next cell returns a value, and so do cells after the data is
     * freed.
     */
    @Test
    void aCellThatFillsTheHeapFailsWithAdviceAndTheKernelGoesOn() throws Exception {
        Path small = jupyter.kernelDir().resolveSibling("spectral-edge-small-heap");
        Files.createDirectories(small);
        JsonObject spec = JsonParser.parseString(Files.readString(jupyter.kernelDir().resolve("kernel.json"))).getAsJsonObject();
        JsonObject env = new JsonObject();
        env.addProperty("JDK_JAVA_OPTIONS", "-Xmx256m");
        spec.add("env", env);
        Files.writeString(small.resolve("kernel.json"), spec.toString());
        String fill = "var %s = new java.util.ArrayList<long[]>();\\nwhile (true) %s.add(new long[1 << 16]);";
        JsonObject r = jupyter.run(String.join("\n",
                "import json, zmq, jupyter_client",
                "import kernel_driver as kd",
                "km, kc = jupyter_client.manager.start_new_kernel(kernel_name='spectral-edge-small-heap', startup_timeout=60)",
                "def ping():",
                "    info = km.get_connection_info()",
                "    hb = zmq.Context.instance().socket(zmq.REQ)",
                "    hb.linger = 0",
                "    hb.connect(f\"tcp://{info['ip']}:{info['hb_port']}\")",
                "    hb.send(b'ping')",
                "    return hb.recv().decode() if hb.poll(10000) else None",
                "try:",
                "    first = kd.execute(kc, '" + fill.formatted("keep", "keep") + "', timeout=120)",
                "    echo = ping()",
                "    intr = kd.request(kc, 'interrupt_request', {}, channel='control')",
                "    after = kd.execute(kc, '1 + 1', timeout=60)",
                "    freed = kd.execute(kc, 'keep = null;', timeout=60)",
                "    last = kd.execute(kc, 'int five = 2 + 3;\\nfive', timeout=60)",
                "    kd.emit({'first': first['reply'], 'echo': echo, 'intr': intr, 'after': after, 'freed': freed['reply'],",
                "             'last': last, 'alive': km.is_alive()})",
                "finally:",
                "    kc.stop_channels()",
                "    km.shutdown_kernel(now=True)",
                ""));
        JsonObject first = r.getAsJsonObject("first");
        assertEquals("OutOfMemoryError", first.get("ename").getAsString(), r.toString());
        String advice = first.get("evalue").getAsString();
        assertTrue(advice.contains("at most 256 MB") && advice.contains("Free what you no longer need")
                && advice.contains("JDK_JAVA_OPTIONS") && advice.contains("-Xmx") && advice.contains("Restart"), advice);
        assertEquals("ping", r.get("echo").getAsString(), "the heartbeat must still echo");
        assertEquals("ok", r.getAsJsonObject("intr").get("status").getAsString());
        assertEquals("2", output(r.getAsJsonObject("after"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        assertEquals("ok", r.getAsJsonObject("freed").get("status").getAsString());
        assertEquals("5", output(r.getAsJsonObject("last"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        assertTrue(r.get("alive").getAsBoolean());
    }

    @Test
    void badlySignedMessageIsDroppedLoggedWithoutKeyAndTheKernelGoesOn() throws Exception {
        Path log = prefix.resolve("kernel-stderr-" + System.nanoTime() + ".log");
        JsonObject r = jupyter.run(String.join("\n",
                "import jupyter_client, queue, time",
                "from jupyter_client.session import Session",
                "import kernel_driver as kd",
                "log = open(" + pythonString(log.toString()) + ", 'w')",
                "km, kc = jupyter_client.manager.start_new_kernel(kernel_name='spectral-edge', startup_timeout=60, stderr=log)",
                "try:",
                "    forged = Session(key=b'not-the-key', session=kc.session.session)",
                "    msg = forged.msg('execute_request', {'code': 'System.out.println(\"forged\")', 'silent': False,",
                "        'store_history': True, 'user_expressions': {}, 'allow_stdin': False, 'stop_on_error': True})",
                "    for channel in (kc.shell_channel, kc.control_channel):",
                "        forged.send(channel.socket, msg)",
                "    time.sleep(2.0)",
                "    answered = False",
                "    try:",  // every reply that came, until a second of silence: none may answer the forged request
                "        while True:",
                "            answered |= kc.get_shell_msg(timeout=1)['parent_header'].get('msg_id') == msg['header']['msg_id']",
                "    except queue.Empty:",
                "        pass",
                "    after = kd.execute(kc, '5+5')",
                "    kd.emit({'answered': bool(answered), 'after': after, 'key': kc.session.key.decode()})",
                "finally:",
                "    kc.stop_channels()",
                "    km.shutdown_kernel(now=True)",
                "    log.close()",
                ""));
        assertFalse(r.get("answered").getAsBoolean(), "the kernel answered a forged message");
        JsonObject after = r.getAsJsonObject("after");
        assertEquals("10", output(after, "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
        for (JsonElement o : after.getAsJsonArray("outputs")) {
            assertFalse(o.toString().contains("forged"), "the forged cell ran: " + o);
        }
        String stderr = Files.readString(log);
        assertTrue(stderr.contains("Dropped a message on the shell channel: its HMAC signature does not match"), stderr);
        assertTrue(stderr.contains("Dropped a message on the control channel"), stderr);
        assertFalse(stderr.contains(r.get("key").getAsString()), "the log contains the connection key");
    }

    @Test
    void restartGivesAFreshWorkingKernel() throws Exception {
        JsonObject r = withKernel(String.join("\n",
                "    kd.execute(kc, 'int kept = 7;')",
                "    km.restart_kernel(now=False)",
                "    kc.wait_for_ready(timeout=60)",
                "    gone = kd.execute(kc, 'kept')",
                "    works = kd.execute(kc, '6*7')",
                "    kd.emit({'gone': gone, 'works': works})"));
        assertEquals("CompilationError", r.getAsJsonObject("gone").getAsJsonObject("reply").get("ename").getAsString());
        assertEquals("42", output(r.getAsJsonObject("works"), "execute_result").getAsJsonObject("data").get("text/plain").getAsString());
    }

    /** The content of the first output of {@code type}, or {@code null}. */
    private static JsonObject output(JsonObject executed, String type) {
        for (JsonElement o : executed.getAsJsonArray("outputs")) {
            if (o.getAsJsonObject().get("type").getAsString().equals(type)) {
                return o.getAsJsonObject().getAsJsonObject("content");
            }
        }
        return null;
    }

    private static String stream(JsonObject executed, String name) {
        StringBuilder text = new StringBuilder();
        for (JsonElement o : executed.getAsJsonArray("outputs")) {
            JsonObject m = o.getAsJsonObject();
            if (m.get("type").getAsString().equals("stream") && m.getAsJsonObject("content").get("name").getAsString().equals(name)) {
                text.append(m.getAsJsonObject("content").get("text").getAsString());
            }
        }
        return text.toString();
    }

    private static String pythonString(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
