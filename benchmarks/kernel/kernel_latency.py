"""Kernel latency benchmark: drives the installed spectral-edge kernel through jupyter_client and measures start-up,
cell round trips, completions and charts over the real protocol. Figures: docs/benchmarks.md#kernel-latency and
docs/benchmarks.md#protocol-figures.

Run from the repository root (builds the kernel first if needed):

    /usr/bin/python3 benchmarks/kernel/kernel_latency.py [--starts 3] [--cells 100] [--warmup 20] [--idle 0]
                                                        [--warmup-peer] [--out FILE.json]

It installs the kernelspec into a temporary prefix (bin/spectral-edge install-kernel --prefix), then
measures, over the real ZeroMQ protocol:

  first_result   kernel start (start_new_kernel) to the execute_result of the first cell `1+1`; its peer is the
                 same kernel installed with --no-class-archive, started alternately with it
  trivial_cell   round trip of `1+1` (execute_request sent -> idle status), median of --cells after --warmup cells,
                 which come --idle seconds after the first result (a kernel left alone while a notebook opens; the
                 kernel's compiler warm-up runs then); with --warmup-peer also on a kernel started with
                 SPECTRAL_EDGE_WARMUP=0 (no warm-up), measured the same way just before
  completion     complete_request round trip, median of 30, for `Strin|` and `"spectral".subs|`
  chart          round trip of a cell that builds a 4-series, 1,000-point XChart chart and returns it
                 (PNG rendering included), median of 10; and, inside the kernel, PNG encoding alone

Peers, measured in the same kernel JVM in the same run:

  jshell_eval    a plain in-process JShell (JShell.create(), local engine) evaluating `1+1` in a cell:
                 median wall time and median javac thread CPU time of --cells evals after --warmup evals
  kernel_cpu     the kernel process's CPU time per trivial cell (from /proc), which the machine's load
                 does not inflate the way it inflates wall time

Prints one JSON object (and writes it to --out).
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import jupyter_client

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def install(prefix, class_archive=True):
    """Installs the kernelspec into prefix; returns the JUPYTER_PATH entry that finds it."""
    extra = [] if class_archive else ["--no-class-archive"]
    subprocess.run([os.path.join(ROOT, "bin", "spectral-edge"), "install-kernel", "--prefix", prefix] + extra, check=True,
                   stdout=subprocess.DEVNULL)
    return os.path.join(prefix, "share", "jupyter")


def first_result(jupyter_path):
    """Seconds from start_new_kernel to the result of `1+1`; returns (seconds, km, kc) with the kernel running."""
    os.environ["JUPYTER_PATH"] = jupyter_path
    start = time.perf_counter()
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="spectral-edge", startup_timeout=180)
    elapsed, msgs = execute(kc, "1+1")
    seconds = time.perf_counter() - start
    assert result_text(msgs) == "2"
    return seconds, km, kc


def wait_idle(kc, msg_id, timeout=120):
    """Returns the iopub messages of msg_id up to its idle status."""
    deadline = time.time() + timeout
    out = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return out
        out.append(msg)


def execute(kc, code):
    """Runs code; returns (seconds from send to idle, iopub messages)."""
    start = time.perf_counter()
    msg_id = kc.execute(code)
    msgs = wait_idle(kc, msg_id)
    elapsed = time.perf_counter() - start
    kc.get_shell_msg(timeout=60)  # the execute_reply
    errors = [m for m in msgs if m["msg_type"] == "error"]
    if errors:
        raise RuntimeError("cell failed: " + code + "\n" + "\n".join(errors[0]["content"]["traceback"]))
    return elapsed, msgs


def result_text(msgs):
    for m in msgs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    raise RuntimeError("no execute_result in " + str([m["msg_type"] for m in msgs]))


def cpu_seconds(pid):
    """utime + stime of a process, from /proc (all threads: javac, JIT, GC)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ms(seconds):
    return round(seconds * 1000, 1)


CHART = """
var chart = new org.knowm.xchart.XYChartBuilder().width(800).height(500).title("bench").build();
for (int s = 0; s < 4; s++) {
    double[] x = new double[1000], y = new double[1000];
    for (int i = 0; i < 1000; i++) { x[i] = i; y[i] = Math.sin(i / 50.0 + s) + s; }
    chart.addSeries("series " + s, x, y);
}
chart
"""

PNG_ONLY = """
long[] pngNanos = new long[10];
for (int i = 0; i < 10; i++) {
    long t = System.nanoTime();
    org.knowm.xchart.BitmapEncoder.getBitmapBytes(chart, org.knowm.xchart.BitmapEncoder.BitmapFormat.PNG);
    pngNanos[i] = System.nanoTime() - t;
}
java.util.Arrays.sort(pngNanos);
pngNanos[5] / 1e6
"""

PEER = """
var peerShell = jdk.jshell.JShell.builder().executionEngine("local").build();
var threads = java.lang.management.ManagementFactory.getThreadMXBean();
int peerRuns = %d;
long[] peerWall = new long[peerRuns], peerCpu = new long[peerRuns];
for (int i = 0; i < %d; i++) peerShell.eval("1+1");
for (int i = 0; i < peerRuns; i++) {
    long w = System.nanoTime(), c = threads.getCurrentThreadCpuTime();
    peerShell.eval("1+1");
    peerCpu[i] = threads.getCurrentThreadCpuTime() - c;
    peerWall[i] = System.nanoTime() - w;
}
peerShell.close();
java.util.Arrays.sort(peerWall); java.util.Arrays.sort(peerCpu);
peerWall[peerRuns / 2] / 1e6 + " " + peerCpu[peerRuns / 2] / 1e6
"""


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--starts", type=int, default=3, help="kernel starts timed for first_result")
    p.add_argument("--cells", type=int, default=100, help="trivial cells timed (median)")
    p.add_argument("--warmup", type=int, default=20, help="trivial cells run before the timed ones")
    p.add_argument("--idle", type=float, default=0, help="seconds the kernel is left alone before the trivial cells")
    p.add_argument("--warmup-peer", action="store_true",
                   help="also time the trivial cells on a kernel without the compiler warm-up (SPECTRAL_EDGE_WARMUP=0)")
    p.add_argument("--out", help="also write the JSON here")
    args = p.parse_args()
    report = {"load_average_before": os.getloadavg()}
    with tempfile.TemporaryDirectory() as prefix, tempfile.TemporaryDirectory() as plain_prefix:
        archived = install(prefix)
        plain = install(plain_prefix, class_archive=False)
        first, first_plain = [], []
        for i in range(args.starts):  # alternate, so that a change of load hits both
            seconds, km, kc = first_result(plain)
            first_plain.append(seconds)
            kc.stop_channels()
            km.shutdown_kernel(now=True)
            seconds, km, kc = first_result(archived)
            first.append(seconds)
            if i < args.starts - 1:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
        report["first_result_ms"] = [ms(t) for t in first]
        report["first_result_median_ms"] = ms(statistics.median(first))
        report["first_result_without_class_archive_ms"] = [ms(t) for t in first_plain]
        report["first_result_without_class_archive_median_ms"] = ms(statistics.median(first_plain))

        if args.warmup_peer:
            kc.stop_channels()   # one kernel at a time: the peer runs alone, then the measured one is restarted
            km.shutdown_kernel(now=True)
            os.environ["SPECTRAL_EDGE_WARMUP"] = "0"
            _, peer_km, peer_kc = first_result(archived)
            del os.environ["SPECTRAL_EDGE_WARMUP"]
            try:
                report["without_warmup"] = trivial_cells(peer_kc, peer_km.provisioner.process.pid, args)
            finally:
                peer_kc.stop_channels()
                peer_km.shutdown_kernel(now=True)
            _, km, kc = first_result(archived)

        try:
            measure(kc, km.provisioner.process.pid, args, report)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    report["load_average_after"] = os.getloadavg()
    text = json.dumps(report, indent=1)
    print(text)
    if args.out:
        with open(args.out, "w") as f:
            f.write(text + "\n")


def trivial_cells(kc, pid, args):
    """The trivial-cell figures of one kernel whose first result has just come."""
    out = {"idle_s": args.idle}
    cpu0 = cpu_seconds(pid)
    time.sleep(args.idle)
    out["kernel_cpu_while_idle_s"] = round(cpu_seconds(pid) - cpu0, 2)
    for _ in range(args.warmup):
        execute(kc, "1+1")
    cpu0 = cpu_seconds(pid)
    cells = [execute(kc, "1+1")[0] for _ in range(args.cells)]
    cpu1 = cpu_seconds(pid)
    out["trivial_cell_median_ms"] = ms(statistics.median(cells))
    out["trivial_cell_p90_ms"] = ms(sorted(cells)[int(0.9 * len(cells))])
    out["kernel_cpu_per_trivial_cell_ms"] = ms((cpu1 - cpu0) / args.cells)
    return out


def measure(kc, pid, args, report):
    """Everything after the first result, on one kernel."""
    report.update(trivial_cells(kc, pid, args))

    _, msgs = execute(kc, PEER % (args.cells, args.warmup))
    wall, cpu = result_text(msgs).strip('"').split()
    report["peer_jshell_eval_median_ms"] = round(float(wall), 1)
    report["peer_jshell_eval_cpu_median_ms"] = round(float(cpu), 1)
    report["ratio_trivial_cell_to_peer"] = round(report["trivial_cell_median_ms"] / float(wall), 2)

    completions = {}
    for code in ["Strin", '"spectral".subs']:
        times = []
        for _ in range(30):
            start = time.perf_counter()
            msg_id = kc.complete(code, len(code))
            while True:
                reply = kc.get_shell_msg(timeout=60)
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
            times.append(time.perf_counter() - start)
            assert reply["content"]["matches"], reply["content"]
        completions[code.replace("\n", " ")] = ms(statistics.median(times))
    report["completion_median_ms"] = completions

    charts = []
    for _ in range(10):
        elapsed, msgs = execute(kc, CHART)
        assert any(m["msg_type"] == "execute_result" and "image/png" in m["content"]["data"] for m in msgs)
        charts.append(elapsed)
    report["chart_cell_median_ms"] = ms(statistics.median(charts))
    _, msgs = execute(kc, PNG_ONLY)
    report["chart_png_encode_median_ms"] = round(float(result_text(msgs)), 1)


if __name__ == "__main__":
    sys.exit(main())
