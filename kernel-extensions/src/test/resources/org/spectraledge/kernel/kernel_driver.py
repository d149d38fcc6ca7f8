"""Drives the installed spectral-edge kernel through jupyter_client for the *IT tests.

Each test script imports this module (its directory is put on sys.path), starts a kernel from the
kernelspec found through JUPYTER_PATH, talks to it, and prints one JSON object that the Java test
asserts on. Every read has a timeout so a dead kernel fails the test instead of hanging it.
"""
import json
import sys
import time

import jupyter_client

TIMEOUT = 30


def start():
    """Starts the kernel and waits until it answers kernel_info."""
    km, kc = jupyter_client.manager.start_new_kernel(kernel_name="spectral-edge", startup_timeout=60)
    return km, kc


def reply_to(kc, msg_id, channel="shell", timeout=TIMEOUT):
    """The reply to msg_id on the shell or control channel (older replies are skipped)."""
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    deadline = time.time() + timeout
    while True:
        msg = get(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def outputs_of(kc, msg_id, timeout=TIMEOUT):
    """The iopub messages caused by msg_id, up to its idle status, as (msg_type, content) pairs."""
    deadline = time.time() + timeout
    outputs = []
    while True:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs
            continue
        outputs.append({"type": msg["msg_type"], "content": msg["content"]})


def wait_for_stdout(kc, msg_id, text, timeout=TIMEOUT):
    """Waits until the cell of msg_id has printed text (so it is running, not compiling)."""
    deadline = time.time() + timeout
    seen = ""
    while text not in seen:
        msg = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "stream":
            seen += msg["content"]["text"]


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns {"reply": execute_reply content, "outputs": [...]}."""
    msg_id = kc.execute(code)
    reply = reply_to(kc, msg_id, timeout=timeout)
    return {"reply": reply["content"], "outputs": outputs_of(kc, msg_id, timeout=timeout)}


def request(kc, msg_type, content, channel="shell"):
    """Sends any request and returns its reply content."""
    msg = kc.session.msg(msg_type, content)
    socket = kc.shell_channel if channel == "shell" else kc.control_channel
    socket.send(msg)
    return reply_to(kc, msg["header"]["msg_id"], channel)["content"]


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def emit(result):
    """Prints the test's result for the Java side."""
    sys.stdout.write(json.dumps(result) + "\n")
    sys.stdout.flush()
