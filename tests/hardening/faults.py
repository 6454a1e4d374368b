#!/usr/bin/env python3
"""Faults against the real server process (item 6 of the hardening issue).

    faults.py LIQA_EXECUTABLE [CASE-SUBSTRING...]

1. A missing, truncated or corrupt lexicon or model file, a missing or
   broken configuration: `liqa serve` exits non-zero before serving, and its
   message names the file.
2. SIGTERM under load: every request that was sent before the signal gets a
   complete reply (never a truncated one), later ones are refused cleanly
   (connection refused, or a JSON 503), and the process exits 0.
3. Out of memory inside a request (arena_limit_bytes set to its minimum):
   a 500 JSON error, the service stays up and keeps answering small texts.
"""
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liqa_server as ls  # noqa: E402

ARTICLE = (
    "القاهرة - استقبل رئيس الوزراء المصري صباح اليوم الأحد وزير الخارجية الياباني "
    "كينجي موراتا، وبحث الجانبان العلاقات الثنائية. وقال المتحدث باسم الحكومة السفير "
    "حسام فاروق إن اللقاء تناول التطورات في المنطقة، وإن الوزير سيلتقي الأسبوع المقبل "
    "رئيس مجلس النواب. وكان موراتا قد اجتمع أمس في الإسكندرية بمحافظها اللواء "
    "عادل الشريف.\n")

FAILED = []


def report(name, bad):
    if bad:
        FAILED.append(name)
        ls.log("FAIL " + name)
        for b in bad:
            ls.log("     " + b)
    else:
        ls.log("ok   " + name)


def run_serve(exe, config, timeout=30):
    """Run `liqa serve` expecting it to fail at start-up; returns (code, output)."""
    port = ls.free_port()
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=1:halt_on_error=1")
    try:
        p = subprocess.run([exe, "serve", "--config", config, "--port", str(port)],
                           stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout,
                           env=env)
    except subprocess.TimeoutExpired:
        return None, "still running after %d s (did not refuse to start)" % timeout
    return p.returncode, (p.stdout + p.stderr).decode("utf-8", "replace")


def expect_startup_error(name, exe, config, must_name):
    code, out = run_serve(exe, config)
    bad = []
    if code is None:
        bad.append(out)
    elif code == 0:
        bad.append("exit 0 (expected a non-zero exit)")
    elif code < 0 or code > 100:
        bad.append("exit %s: killed or crashed rather than refusing:\n%s" % (code, out[-2000:]))
    if code is not None and must_name not in out:
        bad.append("the message does not name %r:\n%s" % (must_name, out[-1500:]))
    for marker in ("AddressSanitizer", "LeakSanitizer", "runtime error:"):
        if marker in out:
            bad.append("sanitizer report:\n" + out[-3000:])
            break
    if not bad:
        lines = [ln for ln in out.splitlines() if must_name in ln and '"starting"' not in ln]
        ls.log("     exit %s: %s" % (code, lines[-1][:200] if lines else ""))
    report(name, bad)


def resource_faults(exe, work, only):
    src_lex = os.path.join(ls.source_dir(), "config", "lexicons")
    files = sorted(f for f in os.listdir(src_lex) if f.endswith(".txt"))
    model = ls.default_model()

    def lexcopy(tag):
        d = os.path.join(work, "lex-" + tag)
        shutil.rmtree(d, ignore_errors=True)
        shutil.copytree(src_lex, d)
        return d

    cases = []
    # every lexicon file missing in turn
    for f in files:
        def missing(f=f):
            d = lexcopy("missing-" + f)
            os.unlink(os.path.join(d, f))
            return ls.write_config(work, lexicon_dir=d), f
        cases.append(("missing lexicon " + f, missing))
    victims = [f for f in files if f in ("titles.txt", "time_words.txt", "triggers.txt")] \
        or files[:2]
    for f in victims:
        def truncated(f=f):
            d = lexcopy("trunc-" + f)
            path = os.path.join(d, f)
            data = open(path, "rb").read()
            # cut inside the last multi-byte character: the file no longer ends in UTF-8
            cut = max(i for i in range(len(data)) if data[i] >= 0xC0)
            open(path, "wb").write(data[:cut + 1])
            return ls.write_config(work, lexicon_dir=d), f
        cases.append(("truncated lexicon " + f + " (cut inside a character)", truncated))

        def corrupt(f=f):
            d = lexcopy("corrupt-" + f)
            path = os.path.join(d, f)
            data = bytearray(open(path, "rb").read())
            mid = len(data) // 2
            data[mid:mid] = b"\xff\xfe\x00\x00\xc0\xaf garbage \x00\n"
            open(path, "wb").write(bytes(data))
            return ls.write_config(work, lexicon_dir=d), f
        cases.append(("corrupt lexicon " + f + " (binary bytes)", corrupt))

        def directory(f=f):
            d = lexcopy("dir-" + f)
            os.unlink(os.path.join(d, f))
            os.mkdir(os.path.join(d, f))
            return ls.write_config(work, lexicon_dir=d), f
        cases.append(("lexicon " + f + " is a directory", directory))
    cases.append(("missing lexicon folder",
                  lambda: (ls.write_config(work, lexicon_dir=os.path.join(work, "no-such-dir")),
                           "no-such-dir")))

    # the model
    cases.append(("missing model file",
                  lambda: (ls.write_config(work, model_path=os.path.join(work, "absent.model")),
                           "absent.model")))

    def model_variant(tag, make):
        def fn():
            path = os.path.join(work, "model-" + tag)
            with open(path, "wb") as f:
                f.write(make())
            return ls.write_config(work, model_path=path), "model-" + tag
        return fn
    cases.append(("empty model file", model_variant("empty", lambda: b"")))
    cases.append(("model file of random bytes",
                  model_variant("random", lambda: os.urandom(1 << 16))))
    cases.append(("model file of text", model_variant(
        "text", lambda: "هذا ليس نموذجا\n".encode() * 1000)))
    if model and os.path.exists(model):
        data = open(model, "rb").read()
        cases.append(("truncated model (half)", model_variant("half", lambda: data[:len(data) // 2])))
        cases.append(("truncated model (header only)", model_variant("head", lambda: data[:16])))
        cases.append(("truncated model (last byte gone)",
                      model_variant("lastbyte", lambda: data[:-1])))

        def flipped():
            b = bytearray(data)
            for i in range(8, len(b), max(1, len(b) // 64)):
                b[i] ^= 0x5A
            return bytes(b)
        cases.append(("corrupt model (flipped bytes)", model_variant("flipped", flipped)))
        cases.append(("corrupt model (bad magic)",
                      model_variant("magic", lambda: b"XXXX" + data[4:])))
    else:
        ls.log("note: no model file in the source tree; truncated-model cases skipped")

    # the configuration itself
    cases.append(("missing config file", lambda: (os.path.join(work, "absent.conf"),
                                                  "absent.conf")))

    def bad_conf(tag, text):
        def fn():
            path = os.path.join(work, "bad-%s.conf" % tag)
            open(path, "wb").write(text)
            return path, "bad-%s.conf" % tag
        return fn
    cases.append(("config with an unknown key", bad_conf("key", b"no_such_key = 1\n")))
    cases.append(("config with a bad value", bad_conf("value", b"max_body_bytes = lots\n")))
    cases.append(("config of binary bytes", bad_conf("binary", b"\x00\xff\xfe\xc0\xaf=\n")))

    for name, make in cases:
        if only and not any(o in name for o in only):
            continue
        config, must_name = make()
        expect_startup_error("start-up: " + name, exe, config, must_name)


class Load:
    """Clients posting the article on fresh connections until told to stop."""

    def __init__(self, port, n):
        self.port = port
        self.n = n
        self.stop = threading.Event()
        self.sigterm_at = None
        self.lock = threading.Lock()
        self.counts = {"ok": 0, "503": 0, "refused": 0, "late_reset": 0}
        self.bad = []
        self.threads = [threading.Thread(target=self.worker, daemon=True) for _ in range(n)]
        # about 100 KB: long enough that several requests are in flight at the signal
        self.body = json.dumps({"text": ARTICLE * 200, "published": "2018-01-30"},
                               ensure_ascii=False).encode()

    def count(self, k):
        with self.lock:
            self.counts[k] += 1

    def worker(self):
        req = ls.build_request("POST", "/v1/extract", self.body, content_type="application/json")
        while not self.stop.is_set():
            try:
                s = ls.connect(self.port, timeout=60)
            except OSError:
                self.count("refused")
                time.sleep(0.05)
                continue
            sent_at = None
            try:
                s.sendall(req)
                sent_at = time.monotonic()
                r = ls.read_response(s)
                if r.status == 200:
                    try:
                        j = r.json()
                        assert isinstance(j["entities"], list)
                        self.count("ok")
                    except (ValueError, KeyError, AssertionError):
                        self.bad.append("200 with a broken body (%d bytes)" % len(r.body))
                elif r.status == 503:
                    bad = ls.check_error_reply(r, 503)
                    if bad:
                        self.bad.extend(bad)
                    self.count("503")
                else:
                    self.bad.append("status %d during shutdown: %r" % (r.status, r.body[:200]))
            except ls.Truncated as e:
                self.bad.append("truncated reply: %s" % e)
            except (ConnectionError, socket.timeout, OSError) as e:
                term = self.sigterm_at
                if term is None or (sent_at is not None and sent_at < term - 0.05):
                    self.bad.append("request sent %s the signal got no reply: %s"
                                    % ("before" if term else "without", e))
                else:
                    self.count("late_reset")
            finally:
                s.close()


def sigterm_under_load(exe, work):
    server = ls.Server(exe, work, threads=2, shutdown_grace_s=30).start()
    load = Load(server.port, 16)
    for t in load.threads:
        t.start()
    time.sleep(4)
    before = dict(load.counts)
    load.sigterm_at = time.monotonic()
    server.proc.send_signal(signal.SIGTERM)
    try:
        code = server.proc.wait(60)
    except subprocess.TimeoutExpired:
        code = "hung"
    took = time.monotonic() - load.sigterm_at
    time.sleep(0.5)
    load.stop.set()
    for t in load.threads:
        t.join(70)
    server.stop()
    bad = list(load.bad[:10])
    if before["ok"] == 0:
        bad.append("no request completed before the signal: no load to speak of")
    if code != 0:
        bad.append("exit %s after SIGTERM" % code)
    rep = server.sanitizer_report()
    if rep:
        bad.append("sanitizer report:\n" + rep)
    ls.log("     %d ok before the signal; after: %s; exit %s in %.1f s"
           % (before["ok"], load.counts, code, took))
    report("SIGTERM under load: in-flight requests complete, exit 0", bad)


def sigterm_idle(exe, work):
    server = ls.Server(exe, work).start()
    t0 = time.monotonic()
    code = server.stop(30)
    bad = [] if code == 0 else ["exit %s" % code]
    if time.monotonic() - t0 > 10:
        bad.append("took %.1f s to stop while idle" % (time.monotonic() - t0))
    report("SIGTERM when idle: exit 0 promptly", bad)


def sigterm_slow_upload(exe, work):
    """A client stuck mid-upload must not keep the process from exiting."""
    server = ls.Server(exe, work, shutdown_grace_s=3, connection_timeout_s=60).start()
    s = ls.connect(server.port)
    s.sendall(b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
              b"Content-Length: 1000\r\n\r\n{\"text\": \"")
    time.sleep(0.3)
    t0 = time.monotonic()
    code = server.stop(40)
    took = time.monotonic() - t0
    s.close()
    bad = [] if code == 0 else ["exit %s" % code]
    if took > 3 + 10:
        bad.append("took %.1f s with shutdown_grace_s = 3" % took)
    ls.log("     stopped in %.1f s" % took)
    report("SIGTERM with a stalled upload: exits within the grace period", bad)


def out_of_memory(exe, work):
    server = ls.Server(exe, work, arena_limit_bytes=65536).start()
    bad = []
    big = ARTICLE * 40
    for i in range(30):
        r = ls.post_json(server.port, {"text": big, "published": "2018-01-30"})
        b = ls.check_error_reply(r, 500)
        if b:
            bad += ["request %d: %s" % (i, x) for x in b]
            break
        if i == 0:
            ls.log("     500 %s" % r.body[:160].decode("utf-8", "replace"))
        h = ls.request(server.port, "GET", "/healthz")
        if h.status != 200:
            bad.append("/healthz %d after an out-of-memory request" % h.status)
            break
    small = ls.post_json(server.port, {"text": "مرحبا"})
    if small.status not in (200, 500):
        bad.append("a tiny text then got %d" % small.status)
    elif small.status == 200:
        bad += ls.check_extract_reply(small, "مرحبا")
    if not server.alive():
        bad.append("the server died")
    code = server.stop()
    if code != 0:
        bad.append("exit %s on SIGTERM" % code)
    rep = server.sanitizer_report()
    if rep:
        bad.append("sanitizer report:\n" + rep)
    report("out of memory in a request: 500 JSON, service stays up", bad)


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    exe = sys.argv[1]
    only = sys.argv[2:]
    work = ls.tempdir("liqa-faults-")

    def want(name):
        return not only or any(o in name for o in only)
    resource_faults(exe, work, only)
    if want("SIGTERM when idle"):
        sigterm_idle(exe, work)
    if want("SIGTERM under load"):
        sigterm_under_load(exe, work)
    if want("SIGTERM with a stalled upload"):
        sigterm_slow_upload(exe, work)
    if want("out of memory"):
        out_of_memory(exe, work)
    for d in os.listdir(work):
        if d.startswith("lex-") or d.startswith("model-"):
            path = os.path.join(work, d)
            shutil.rmtree(path, ignore_errors=True) if os.path.isdir(path) else os.unlink(path)
    ls.log("%d failed" % len(FAILED))
    for f in FAILED:
        ls.log("  failed: " + f)
    return 1 if FAILED else 0


if __name__ == "__main__":
    sys.exit(main())

# end of faults.py
