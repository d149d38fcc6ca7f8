"""Kernel load test: a real Jupyter client (Debian's jupyter_client) puts one kernel under load and checks that it
answers every request, loses no printed line it did not mark as dropped, and ends with bounded memory.
Figures: docs/benchmarks.md#kernel-under-load.

Run from the repository root (bin/spectral-edge builds the kernel first if needed):

    /usr/bin/python3 benchmarks/kernel/kernel_load.py [--kernel spectral-edge|python3] [--cells 1000]
                                                      [--lines 1000000] [--interrupts 100] [--seed 1]
                                                      [--max-rss-mb 1500] [--out FILE.json]

With --kernel spectral-edge (the default) it installs the kernelspec into a temporary prefix; --kernel python3 runs
the same load on ipykernel, the peer. Phases, on one kernel (resident memory is recorded after each):

  cells        --cells cells sent back to back (all requests first, then the answers are collected); cell k prints
               3 numbered lines
  flood        one cell printing --lines numbered lines as fast as it can
  interrupts   --interrupts cells of random kinds (sleeping, printing, busy without checking for interrupts, quick),
               each interrupted after a random 0-500 ms: sent as an interrupt_request on the control channel when the
               kernelspec says "interrupt_mode": "message", else as SIGINT through the kernel manager
  after        `1+1`, which must still work; in the Java kernel also the live heap after a full collection

Checks: every execute_request gets an execute_reply and an idle status; every interrupt_request gets a reply; in
every cell's stdout each numbered line arrives in order or a marker ("… N lines not shown; ...") counts it, and a
cell that ran to its end accounts for all of its lines; the kernel's peak resident memory (psutil, sampled every
100 ms) stays under --max-rss-mb. Prints one JSON object (and writes it to --out); exits 1 if a check failed.
"""
import argparse
import json
import os
import queue
import random
import re
import tempfile
import threading
import time

import jupyter_client
import psutil

from kernel_latency import install  # the kernelspec into a temporary prefix, as a user installs it

MARKER = re.compile(r"… ([\d,]+) lines? not shown; write large output to a file")
TIMEOUT = 300

# the same cells in each kernel's language; {tag} starts every printed line, which then carries its number
CELLS = {
    "spectral-edge": {
        "lines": 'for (int i = 0; i < {n}; i++) System.out.println("{tag}" + i);',
        "lines_checking": 'for (int i = 0; i < {n} && !Thread.currentThread().isInterrupted(); i++) '
                          'System.out.println("{tag}" + i);',
        "sleep": "Thread.sleep({ms});",
        "busy": "{{ long end = System.nanoTime() + {ms}L * 1_000_000; while (System.nanoTime() < end) {{}} }}",
        "quick": "{k} + 1",
        # the live heap in MB after a full collection: what the kernel holds, whatever the heap has grown to
        "live_heap": "System.gc(); (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20",
    },
    "python3": {
        "lines": "for i in range({n}): print('{tag}' + str(i))",
        "lines_checking": "for i in range({n}): print('{tag}' + str(i))",
        "sleep": "import time; time.sleep({ms} / 1000)",
        "busy": "import time\nend = time.time() + {ms} / 1000\nwhile time.time() < end: pass",
        "quick": "{k} + 1",
    },
}


class Kernel:
    """One running kernel and a client whose three channels are read by background threads."""

    def __init__(self, name):
        self.km, self.kc = jupyter_client.manager.start_new_kernel(kernel_name=name, startup_timeout=180)
        self.message_interrupts = self.km.kernel_spec.interrupt_mode == "message"
        self.process = psutil.Process(self.km.provisioner.process.pid)
        self.lock = threading.Lock()
        self.iopub = {}      # msg_id -> {"stdout": [texts], "streams": n, "idle": bool, "error": ename}
        self.replies = {}    # msg_id -> reply content (shell and control)
        self.arrived = threading.Condition(self.lock)
        self.rss_peak = 0
        self.running = True
        self.threads = [threading.Thread(target=self._read, args=(get,), daemon=True)
                        for get in (self.kc.get_iopub_msg, self.kc.get_shell_msg, self.kc.get_control_msg)]
        self.threads.append(threading.Thread(target=self._sample_rss, daemon=True))
        for t in self.threads:
            t.start()

    def _read(self, get):
        while self.running:
            try:
                msg = get(timeout=0.2)
            except queue.Empty:
                continue
            parent = msg["parent_header"].get("msg_id")
            with self.lock:
                if msg["msg_type"].endswith("_reply"):
                    self.replies[parent] = msg["content"]
                else:
                    cell = self.iopub.setdefault(parent, {"stdout": [], "streams": 0, "idle": False, "error": None})
                    if msg["msg_type"] == "stream":
                        cell["streams"] += 1
                        if msg["content"]["name"] == "stdout":
                            cell["stdout"].append(msg["content"]["text"])
                    elif msg["msg_type"] == "execute_result":
                        cell["result"] = msg["content"]["data"].get("text/plain")
                    elif msg["msg_type"] == "error":
                        cell["error"] = msg["content"]["ename"]
                    elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                        cell["idle"] = True
                self.arrived.notify_all()

    def _sample_rss(self):
        while self.running:
            try:
                self.rss_peak = max(self.rss_peak, self.process.memory_info().rss)
            except psutil.Error:
                return
            time.sleep(0.1)

    def rss(self):
        return self.process.memory_info().rss

    def execute(self, code):
        return self.kc.execute(code, stop_on_error=False)

    def interrupt(self):
        """Sends an interrupt; returns the request's msg_id when it has a reply to wait for."""
        if self.message_interrupts:
            msg = self.kc.session.msg("interrupt_request", {})
            self.kc.control_channel.send(msg)
            return msg["header"]["msg_id"]
        self.km.interrupt_kernel()
        return None

    def wait(self, msg_ids, timeout=TIMEOUT, idle=True):
        """Waits until each msg_id has its reply (and, for executions, its idle status); returns those still missing."""
        deadline = time.time() + timeout
        with self.lock:
            while True:
                missing = [m for m in msg_ids
                           if m not in self.replies or (idle and not self.iopub.get(m, {}).get("idle"))]
                left = deadline - time.time()
                if not missing or left <= 0:
                    return missing
                self.arrived.wait(min(left, 1.0))

    def cell(self, msg_id):
        with self.lock:
            return dict(self.iopub.get(msg_id, {"stdout": [], "streams": 0, "idle": False, "error": None}),
                        reply=self.replies.get(msg_id))

    def stop(self):
        self.running = False
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)


def account(text, tag, n):
    """Reads a cell's stdout: (lines shown, lines marked as not shown, first problem or None)."""
    next_line, shown, marked = 0, 0, 0
    lines = text.split("\n")
    if lines[-1] == "":  # the text ends with a newline, or is empty
        lines.pop()
    for line in lines:
        m = MARKER.fullmatch(line)
        if m:
            count = int(m.group(1).replace(",", ""))
            next_line += count
            marked += count
        elif line == f"{tag}{next_line}":
            next_line += 1
            shown += 1
        else:
            return shown, marked, f"line {shown + marked}: expected {tag}{next_line!r} or a marker, got {line[:80]!r}"
    if next_line > n:
        return shown, marked, f"{next_line} lines accounted for, only {n} printed"
    return shown, marked, None


def run(args):
    cells = CELLS[args.kernel]
    rnd = random.Random(args.seed)
    failures = []
    k = Kernel(args.kernel)
    result = {"kernel": args.kernel, "rss_start_mb": round(k.rss() / 2**20)}
    try:
        # 1. cells back to back
        start = time.perf_counter()
        sent = [k.execute(cells["lines"].format(n=3, tag=f"c{i}:")) for i in range(args.cells)]
        missing = k.wait(sent)
        seconds = time.perf_counter() - start
        bad = []
        for i, msg_id in enumerate(sent):
            c = k.cell(msg_id)
            shown, marked, problem = account("".join(c["stdout"]), f"c{i}:", 3)
            if problem or shown + marked != 3 or (c["reply"] or {}).get("status") != "ok":
                bad.append((i, problem or f"{shown} shown + {marked} marked of 3", (c["reply"] or {}).get("status")))
        result["cells"] = {"sent": len(sent), "unanswered": len(missing), "bad": len(bad), "seconds": round(seconds, 1),
                           "per_cell_ms": round(1000 * seconds / len(sent), 1), "rss_after_mb": round(k.rss() / 2**20)}
        if missing or bad:
            failures.append(f"cells: {len(missing)} unanswered, {len(bad)} wrong, e.g. {bad[:3]}")

        # 2. one flood
        start = time.perf_counter()
        msg_id = k.execute(cells["lines"].format(n=args.lines, tag=""))
        missing = k.wait([msg_id])
        seconds = time.perf_counter() - start
        c = k.cell(msg_id)
        text = "".join(c["stdout"])
        shown, marked, problem = account(text, "", args.lines)
        result["flood"] = {"lines": args.lines, "answered": not missing, "seconds": round(seconds, 1),
                           "stream_messages": c["streams"], "shown": shown, "marked": marked,
                           "stdout_mb": round(len(text.encode()) / 2**20, 1), "rss_after_mb": round(k.rss() / 2**20)}
        if missing or problem or shown + marked != args.lines:
            failures.append(f"flood: answered={not missing}, {shown} shown + {marked} marked of {args.lines}, {problem}")

        # 3. interrupts at random moments
        kinds = ["sleep"] * 4 + ["lines_checking"] * 3 + ["busy"] * 2 + ["quick"]
        outcomes, interrupt_ids, waits, bad = {}, [], [], []
        for i in range(args.interrupts):
            kind = rnd.choice(kinds)
            n = rnd.randint(10_000, 2_000_000)
            msg_id = k.execute(cells[kind].format(n=n, tag=f"i{i}:", ms=rnd.randint(200, 5_000), k=i))
            time.sleep(rnd.uniform(0, 0.5))
            sent_at = time.perf_counter()
            interrupt_id = k.interrupt()
            if interrupt_id:
                interrupt_ids.append(interrupt_id)
            missing = k.wait([msg_id], timeout=60)
            waits.append(time.perf_counter() - sent_at)
            c = k.cell(msg_id)
            outcome = "unanswered" if missing else (c["error"] or "ok")
            outcomes[f"{kind}:{outcome}"] = outcomes.get(f"{kind}:{outcome}", 0) + 1
            if kind == "lines_checking":  # it stops early when interrupted, so only the order is known
                problem = account("".join(c["stdout"]), f"i{i}:", n)[2]
                if problem:
                    bad.append((i, problem))
            if missing:
                bad.append((i, f"{kind} cell not answered within 60 s of the interrupt"))
        missing_interrupts = k.wait(interrupt_ids, timeout=30, idle=False)
        waits.sort()
        result["interrupts"] = {"sent": args.interrupts, "replies_missing": len(missing_interrupts),
                                "outcomes": dict(sorted(outcomes.items())), "bad": bad[:5],
                                "to_idle_s": {"median": round(waits[len(waits) // 2], 2), "max": round(waits[-1], 2)},
                                "rss_after_mb": round(k.rss() / 2**20)}
        if missing_interrupts or bad:
            failures.append(f"interrupts: {len(missing_interrupts)} replies missing, problems {bad[:3]}")

        # 4. still working
        msg_id = k.execute(cells["quick"].format(k=41))
        missing = k.wait([msg_id], timeout=60)
        result["after"] = {"answered": not missing, "status": (k.cell(msg_id)["reply"] or {}).get("status")}
        if missing or result["after"]["status"] != "ok":
            failures.append(f"the kernel does not answer after the load: {result['after']}")
        if "live_heap" in cells:
            msg_id = k.execute(cells["live_heap"])
            k.wait([msg_id], timeout=60)
            result["live_heap_end_mb"] = k.cell(msg_id).get("result")
        result["rss_end_mb"] = round(k.rss() / 2**20)
        result["rss_peak_mb"] = round(k.rss_peak / 2**20)
        if k.rss_peak > args.max_rss_mb * 2**20:
            failures.append(f"peak resident memory {result['rss_peak_mb']} MB exceeds {args.max_rss_mb} MB")
    finally:
        k.stop()
    result["failures"] = failures
    return result


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--kernel", choices=sorted(CELLS), default="spectral-edge")
    p.add_argument("--cells", type=int, default=1000)
    p.add_argument("--lines", type=int, default=1_000_000)
    p.add_argument("--interrupts", type=int, default=100)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--max-rss-mb", type=int, default=1500)
    p.add_argument("--out")
    args = p.parse_args()
    started = time.time()
    with tempfile.TemporaryDirectory() as prefix:
        if args.kernel == "spectral-edge":
            os.environ["JUPYTER_PATH"] = install(prefix)
        result = run(args)
    result["wall_s"] = round(time.time() - started)
    result["load_average"] = os.getloadavg()
    text = json.dumps(result, indent=1)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")
    raise SystemExit(1 if result["failures"] else 0)


if __name__ == "__main__":
    main()
