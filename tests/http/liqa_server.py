"""Start the real `liqa serve` on an ephemeral loopback port and talk to it.

Standard library only. Used by run_http.py and by tests/cli/run_cli.py (for
the CLI/API parity check).
"""
import http.client
import json
import os
import signal
import socket
import subprocess
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
START_TIMEOUT = 60.0  # seconds; sanitizer builds load slowly


class ServerError(Exception):
    pass


class Server:
    """One `liqa serve --config CONFIG --port 0` process."""

    started = []  # every server of this run, for dump_logs()

    def __init__(self, exe, config=None, args=(), env=None):
        self.exe = exe
        self.config = config or os.path.join(HERE, "test.conf")
        self.args = list(args)
        self.env = dict(os.environ)
        self.env.pop("LIQA_CONFIG", None)
        for k in list(self.env):
            if k.startswith("LIQA_") and k not in ("LIQA_SOURCE_DIR", "LIQA_BUILD_DIR",
                                                   "LIQA_SHARED_DIR"):
                del self.env[k]
        self.env.update(env or {})
        self.proc = None
        self.port = None
        self.lines = []  # raw stderr lines
        self.cond = threading.Condition()
        self.reader = None

    # -- life cycle ---------------------------------------------------------

    def start(self):
        cmd = [self.exe, "serve", "--config", self.config, "--port", "0", *self.args]
        self.proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.PIPE, env=self.env)
        Server.started.append(self)
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        ev = self.wait_event("listening", START_TIMEOUT)
        if ev is None:
            self.kill()
            raise ServerError("server did not report listening:\n" + self.stderr_text())
        self.port = ev["port"]
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                st, _, _ = self.request("GET", "/healthz")
                if st == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        self.kill()
        raise ServerError("server never answered /healthz:\n" + self.stderr_text())

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.cond:
                self.lines.append(line)
                self.cond.notify_all()
        with self.cond:
            self.cond.notify_all()

    def events(self, name=None):
        out = []
        with self.cond:
            lines = list(self.lines)
        for line in lines:
            try:
                ev = json.loads(line)
            except ValueError:
                continue
            if isinstance(ev, dict) and (name is None or ev.get("event") == name):
                out.append(ev)
        return out

    def wait_event(self, name, timeout, pred=None):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for ev in self.events(name):
                    if pred is None or pred(ev):
                        return ev
                left = deadline - time.monotonic()
                if left <= 0 or (self.proc.poll() is not None and not self.reader.is_alive()):
                    return None
                self.cond.wait(min(left, 0.1))

    def stderr_text(self):
        with self.cond:
            return "\n".join(self.lines[-50:])

    def signal(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)

    def wait(self, timeout=30):
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise ServerError("server did not exit within %ss" % timeout)
        self.reader.join(5)
        return rc

    def stop(self, timeout=30):
        if self.proc and self.proc.poll() is None:
            self.signal(signal.SIGTERM)
        return self.wait(timeout)

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        if self.proc and self.proc.poll() is None:
            rc = self.stop()
            if rc != 0 and exc[0] is None:
                raise ServerError("server exited with %s:\n%s" % (rc, self.stderr_text()))

    # -- requests -----------------------------------------------------------

    def connect(self, timeout=30):
        return http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=30):
        """One request on a new connection: (status, headers, body bytes).
        Header names in the returned dict are lower-case."""
        conn = self.connect(timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            resp = conn.getresponse()
            data = resp.read()
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            return resp.status, hdrs, data
        finally:
            conn.close()

    def post_json(self, obj, headers=None, path="/v1/extract"):
        body = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        h = {"Content-Type": "application/json"}
        h.update(headers or {})
        return self.request("POST", path, body, h)

    def post_text(self, text, query="", headers=None):
        body = text.encode("utf-8") if isinstance(text, str) else text
        h = {"Content-Type": "text/plain; charset=utf-8"}
        h.update(headers or {})
        return self.request("POST", "/v1/extract" + query, body, h)

    def raw(self, data, timeout=10, shutdown_write=False):
        """Send raw bytes, read until the server closes; return the bytes."""
        s = socket.create_connection(("127.0.0.1", self.port), timeout=timeout)
        try:
            s.sendall(data)
            if shutdown_write:
                s.shutdown(socket.SHUT_WR)
            chunks = []
            while True:
                try:
                    b = s.recv(65536)
                except ConnectionResetError:
                    break
                if not b:
                    break
                chunks.append(b)
            return b"".join(chunks)
        finally:
            s.close()


def parse_http_response(data):
    """Split one raw HTTP/1.1 response: (status, headers lower-case, body)."""
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    hdrs = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        hdrs[k.strip().lower()] = v.strip()
    if "content-length" in hdrs:
        body = body[:int(hdrs["content-length"])]
    return status, hdrs, body


def slice_units(text, start, end, unit):
    """The slice [start, end) of text in an offset unit, as a str."""
    if unit == "codepoint":
        return text[start:end]
    if unit == "utf16":
        b = text.encode("utf-16-le")
        return b[2 * start:2 * end].decode("utf-16-le")
    if unit == "utf8":
        return text.encode("utf-8")[start:end].decode("utf-8")
    raise ValueError(unit)


def check_offsets(result, text, unit):
    """Every mention, trigger and time span equals its slice; returns the
    number of spans checked, raises AssertionError on the first mismatch."""
    n = 0
    for ent in result["entities"]:
        for m in ent["mentions"]:
            got = slice_units(text, m["start"], m["end"], unit)
            assert got == m["text"], (unit, m, got)
            n += 1
    for ev in result["events"]:
        for span in (ev.get("trigger"), ev.get("time")):
            if span:
                got = slice_units(text, span["start"], span["end"], unit)
                assert got == span["text"], (unit, span, got)
                n += 1
    return n


def dump_logs(out, keep=40):
    """Print what each server of this run wrote on stderr that is not a
    request line (start-up, warnings, sanitizer reports), for a failed test."""
    for i, srv in enumerate(Server.started):
        with srv.cond:
            lines = [l for l in srv.lines if '"event":"request"' not in l]
        print("---- server %d (%s, exit %s) ----" % (i, os.path.basename(srv.config),
                                                  srv.proc.poll()), file=out)
        for line in lines[-keep:]:
            print(line, file=out)
