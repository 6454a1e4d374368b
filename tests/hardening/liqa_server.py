"""Start a real `liqa serve` process and talk raw HTTP/1.1 to it.

Shared by the hardening tests (bad_input.py, faults.py) and the stress
drivers of bench/stress. Python 3 standard library only. Every socket goes
to 127.0.0.1.

The client is deliberately raw (bytes in, bytes out) so a test can send
what no well-behaved client would: a Content-Length that lies, a body cut
short, chunks past the limit, a byte a second.
"""
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import weakref

HOST = "127.0.0.1"

# Settings of every test server; a test overrides what it exercises.
BASE_CONFIG = {
    "listen": "127.0.0.1",
    "threads": 2,
    "max_body_bytes": "4MiB",
    "max_text_chars": 4000000,
    "max_connections": 1000,
    "max_connections_per_ip": 0,
    "connection_timeout_s": 5,
    "max_json_depth": 64,
    "max_in_flight": 0,
    "shutdown_grace_s": 20,
    "api_keys": "",
    "rate_limit_per_minute": 0,
    "log_requests": "false",
}


def free_port():
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.bind((HOST, 0))
    port = s.getsockname()[1]
    s.close()
    return port


def source_dir():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("LIQA_SOURCE_DIR") or os.path.normpath(os.path.join(here, "..", ".."))


def shared_dir():
    return os.environ.get("LIQA_SHARED_DIR") or os.path.join(source_dir(), "..", "shared")


def default_model():
    """The tagger model of the source tree, or "" (rules alone)."""
    env = os.environ.get("LIQA_MODEL")
    if env is not None:
        return env
    mdir = os.path.join(source_dir(), "model")
    conf = os.path.join(source_dir(), "config", "liqa.conf")
    if os.path.exists(conf):
        for line in open(conf, encoding="utf-8"):
            k, _, v = line.partition("=")
            if k.strip() == "model_path" and v.strip():
                v = v.strip().strip('"')
                p = v if os.path.isabs(v) else os.path.join(os.path.dirname(conf), v)
                return p if os.path.exists(p) else ""
    if os.path.isdir(mdir):
        for f in sorted(os.listdir(mdir)):
            if not f.endswith(".md"):
                return os.path.join(mdir, f)
    return ""


def write_config(folder, **over):
    """Write a liqa.conf with BASE_CONFIG and @over; a value None drops the key."""
    conf = dict(BASE_CONFIG)
    conf.setdefault("lexicon_dir", os.path.join(source_dir(), "config", "lexicons"))
    conf.setdefault("model_path", default_model())
    conf.update(over)
    path = os.path.join(folder, "liqa-test-%d.conf" % len(os.listdir(folder)))
    with open(path, "w", encoding="utf-8") as f:
        f.write("# written by tests/hardening/liqa_server.py\n")
        for k, v in conf.items():
            if v is None:
                continue
            v = str(v)
            if v == "" or v != v.strip():
                v = '"%s"' % v
            f.write("%s = %s\n" % (k, v))
    return path


def rss_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


class Server:
    """One `liqa serve` child process."""

    def __init__(self, exe, workdir, **config):
        self.exe = exe
        self.workdir = workdir
        self.port = free_port()
        self.config = write_config(workdir, **config)
        self.proc = None
        self.log_path = os.path.join(workdir, "server-%d.log" % self.port)
        self.log = None

    def restart(self):
        """A new server with the same configuration, on a new port."""
        s = Server.__new__(Server)
        s.exe, s.workdir, s.config, s.proc, s.log = self.exe, self.workdir, self.config, None, None
        s.port = free_port()
        s.log_path = os.path.join(self.workdir, "server-%d.log" % s.port)
        return s.start()

    def start(self, wait=True, timeout=120.0):
        self.log = open(self.log_path, "wb")
        env = dict(os.environ)
        env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:halt_on_error=1")
        env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
        self.proc = subprocess.Popen(
            [self.exe, "serve", "--config", self.config, "--port", str(self.port)],
            stdin=subprocess.DEVNULL, stdout=self.log, stderr=subprocess.STDOUT, env=env)
        if wait:
            self.wait_ready(timeout)
        return self

    def wait_ready(self, timeout=120.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if self.proc.poll() is not None:
                raise RuntimeError("liqa exited with %s before it was ready:\n%s"
                                   % (self.proc.returncode, self.output()))
            try:
                r = request(self.port, "GET", "/readyz", timeout=2)
                if r.status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise RuntimeError("liqa not ready after %.0f s:\n%s" % (timeout, self.output()))

    def alive(self):
        return self.proc is not None and self.proc.poll() is None

    def output(self):
        if self.log:
            self.log.flush()
        try:
            with open(self.log_path, "rb") as f:
                return f.read().decode("utf-8", "replace")[-6000:]
        except OSError:
            return ""

    def stop(self, timeout=60.0):
        """SIGTERM, then wait; returns the exit code (SIGKILL after @timeout: -9)."""
        if self.proc is None:
            return None
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.log:
            self.log.close()
            self.log = None
        return self.proc.returncode

    def sanitizer_report(self):
        out = self.output()
        for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:",
                       "UndefinedBehaviorSanitizer"):
            if marker in out:
                return out
        return None


class Response:
    def __init__(self, status, reason, headers, body, raw_len):
        self.status = status
        self.reason = reason
        self.headers = headers  # lower-case name -> list of values
        self.body = body
        self.raw_len = raw_len

    def header(self, name):
        v = self.headers.get(name.lower())
        return v[-1] if v else None

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def __repr__(self):
        return "<%d %s %r>" % (self.status, self.reason, self.body[:200])


class Truncated(Exception):
    """The connection closed in the middle of a reply."""


def connect(port, timeout=30.0):
    s = socket.create_connection((HOST, int(port)), timeout=timeout)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return s


class Reader:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.total = 0

    def _more(self):
        d = self.sock.recv(65536)
        if not d:
            return False
        self.buf += d
        self.total += len(d)
        return True

    def line(self):
        while b"\r\n" not in self.buf:
            if not self._more():
                raise Truncated("closed before the end of a line: %r" % self.buf[:200])
        line, _, self.buf = self.buf.partition(b"\r\n")
        return line

    def exact(self, n):
        while len(self.buf) < n:
            if not self._more():
                raise Truncated("closed after %d of %d body bytes" % (len(self.buf), n))
        out, self.buf = self.buf[:n], self.buf[n:]
        return out

    def rest(self):
        while self._more():
            pass
        out, self.buf = self.buf, b""
        return out


_readers = weakref.WeakKeyDictionary()


def read_response(sock, head=False):
    """Read one reply; raises Truncated when the connection closes mid-reply
    and ConnectionError/TimeoutError when nothing came. Bytes read past the
    reply stay with the socket for the next call (pipelining)."""
    r = _readers.get(sock)
    if r is None:
        r = _readers[sock] = Reader(sock)
    r.total = 0
    try:
        first = r.line()
    except Truncated:
        if not r.buf:
            raise ConnectionResetError("closed without a reply")
        raise
    parts = first.decode("latin-1").split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/"):
        raise ValueError("not an HTTP status line: %r" % first)
    status = int(parts[1])
    reason = parts[2] if len(parts) > 2 else ""
    headers = {}
    while True:
        line = r.line()
        if not line:
            break
        k, _, v = line.decode("latin-1").partition(":")
        headers.setdefault(k.strip().lower(), []).append(v.strip())
    body = b""
    if head or status in (204, 304) or 100 <= status < 200:
        pass
    elif "chunked" in ",".join(headers.get("transfer-encoding", [])).lower():
        while True:
            size = int(r.line().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while r.line():
                    pass
                break
            body += r.exact(size)
            r.exact(2)
    elif "content-length" in headers:
        body = r.exact(int(headers["content-length"][-1]))
    else:
        body = r.rest()
    return Response(status, reason, headers, body, r.total)


def build_request(method, path, body=None, headers=None, content_type=None, close=True,
                  version="HTTP/1.1", content_length=True):
    hs = [("Host", "%s" % HOST)]
    if content_type:
        hs.append(("Content-Type", content_type))
    if body is not None and content_length:
        hs.append(("Content-Length", str(len(body))))
    if close:
        hs.append(("Connection", "close"))
    for k, v in (headers or []):
        hs.append((k, v))
    head = "%s %s %s\r\n" % (method, path, version)
    head += "".join("%s: %s\r\n" % kv for kv in hs) + "\r\n"
    return head.encode("latin-1") + (body or b"")


def send_raw(port, data, timeout=60.0, half_close=False, head=False):
    """Send @data on a new connection and read one reply."""
    s = connect(port, timeout)
    try:
        try:
            s.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered early (413) and closed: read what it said
        if half_close:
            s.shutdown(socket.SHUT_WR)
        return read_response(s, head=head)
    finally:
        s.close()


def request(port, method, path, body=None, content_type=None, headers=None, timeout=60.0):
    data = build_request(method, path, body, headers, content_type)
    return send_raw(port, data, timeout, head=(method == "HEAD"))


def post_json(port, obj, path="/v1/extract", timeout=120.0, headers=None):
    body = obj if isinstance(obj, bytes) else json.dumps(obj, ensure_ascii=False).encode()
    return request(port, "POST", path, body, "application/json", headers, timeout)


def post_text(port, text, query="", timeout=120.0):
    body = text if isinstance(text, bytes) else text.encode()
    return request(port, "POST", "/v1/extract" + query, body, "text/plain; charset=utf-8",
                   timeout=timeout)


# ---- the contract of a 200 reply --------------------------------------------------------------

ENTITY_TYPES = {"PERSON", "ORGANIZATION", "LOCATION"}
STATUSES = {"occurred", "planned", "uncertain", "negated", "habitual"}
ROLES = {"host", "visitor", "participant", "attendee"}


def _unit_index(text, unit):
    """Map unit offsets (at code point boundaries) to code point offsets."""
    idx = {}
    pos = 0
    for i, ch in enumerate(text):
        idx[pos] = i
        c = ord(ch)
        pos += (len(ch.encode("utf-8")) if unit == "utf8"
                else (2 if c > 0xFFFF else 1) if unit == "utf16" else 1)
    idx[pos] = len(text)
    return idx, pos


def check_extract_reply(r, text, unit="codepoint", published=None):
    """Return a list of contract violations of a 200 reply to @text."""
    bad = []
    if r.status != 200:
        return ["status %d, expected 200: %r" % (r.status, r.body[:300])]
    ct = (r.header("content-type") or "").lower().replace(" ", "")
    if not ct.startswith("application/json"):
        bad.append("Content-Type %r" % ct)
    try:
        j = r.json()
    except ValueError as e:
        return bad + ["body is not JSON: %s" % e]
    if not isinstance(j, dict):
        return bad + ["body is not an object"]
    for k in ("entities", "events"):
        if not isinstance(j.get(k), list):
            bad.append("%s is not an array" % k)
    if j.get("offsets", unit) != unit:
        bad.append("offsets %r, asked %r" % (j.get("offsets"), unit))
    if published is not None and j.get("published") != published:
        bad.append("published %r, sent %r" % (j.get("published"), published))
    if bad:
        return bad
    idx, n = _unit_index(text, unit)

    def span(sp, what, need_text=True):
        if not isinstance(sp, dict):
            bad.append("%s is not an object" % what)
            return
        a, b = sp.get("start"), sp.get("end")
        if not (isinstance(a, int) and isinstance(b, int) and 0 <= a <= b <= n):
            bad.append("%s [%r,%r) outside [0,%d)" % (what, a, b, n))
            return
        if a not in idx or b not in idx:
            bad.append("%s [%d,%d) cuts a code point" % (what, a, b))
            return
        t = sp.get("text")
        if need_text and not isinstance(t, str):
            bad.append("%s has no text" % what)
        elif isinstance(t, str) and t != text[idx[a]:idx[b]]:
            bad.append("%s text %r is not the slice %r" % (what, t, text[idx[a]:idx[b]]))

    ids = set()
    for e in j["entities"]:
        ids.add(e.get("id"))
        if e.get("type") not in ENTITY_TYPES:
            bad.append("entity type %r" % e.get("type"))
        if not isinstance(e.get("name"), str) or not e.get("name"):
            bad.append("entity %r without a name" % e.get("id"))
        if not isinstance(e.get("mentions"), list) or not e["mentions"]:
            bad.append("entity %r without mentions" % e.get("id"))
            continue
        for m in e["mentions"]:
            span(m, "mention of %s" % e.get("id"))
    for e in j["entities"]:
        if e.get("affiliation") is not None and e["affiliation"] not in ids:
            bad.append("affiliation %r names no entity" % e["affiliation"])
    for ev in j["events"]:
        if ev.get("type") != "MEETING":
            bad.append("event type %r" % ev.get("type"))
        if ev.get("status") not in STATUSES:
            bad.append("event status %r" % ev.get("status"))
        span(ev.get("trigger"), "trigger")
        span(ev.get("sentence"), "sentence", need_text=False)
        for p in ev.get("participants", None) or []:
            if p.get("role") not in ROLES or p.get("entity") not in ids:
                bad.append("participant %r" % p)
        if not isinstance(ev.get("participants"), list):
            bad.append("participants is not an array")
        if "location" not in ev or (ev["location"] is not None
                                    and ev["location"].get("entity") not in ids):
            bad.append("location %r" % ev.get("location"))
        if "time" not in ev:
            bad.append("event without time")
        elif ev["time"] is not None:
            span(ev["time"], "time")
    return bad


def check_error_reply(r, statuses, codes=None):
    """Return a list of violations of an error reply (JSON error body)."""
    if isinstance(statuses, int):
        statuses = {statuses}
    bad = []
    if r.status not in statuses:
        bad.append("status %d, expected %s" % (r.status, sorted(statuses)))
    if 200 <= r.status < 300:
        return bad
    ct = (r.header("content-type") or "").lower()
    if not ct.startswith("application/json"):
        bad.append("error Content-Type %r" % ct)
    try:
        j = r.json()
        err = j["error"]
        if not isinstance(err.get("code"), str) or not err["code"]:
            bad.append("error.code missing")
        elif codes and err["code"] not in codes:
            bad.append("error.code %r, expected one of %s" % (err["code"], sorted(codes)))
        if not isinstance(err.get("message"), str) or not err["message"]:
            bad.append("error.message missing")
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        bad.append("error body is not {\"error\": {code, message}}: %r (%s)" % (r.body[:200], e))
    return bad


def log(*a):
    print(*a, flush=True)
    sys.stdout.flush()


def tempdir(prefix):
    base = os.environ.get("LIQA_BUILD_DIR") or None
    if base:
        base = os.path.join(base, "hardening-tmp")
        os.makedirs(base, exist_ok=True)
    return tempfile.mkdtemp(prefix=prefix, dir=base)
