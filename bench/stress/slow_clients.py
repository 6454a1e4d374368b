#!/usr/bin/env python3
"""Slow clients (item 5 of the hardening issue).

    slow_clients.py LIQA_EXECUTABLE [--slow 200] [--timeout-s 5] [--interval-s 1]

Starts `liqa serve` on 127.0.0.1 with connection_timeout_s = --timeout-s,
measures the latency of normal requests (an article, one at a time) with
no other traffic, then opens --slow connections that each trickle a POST
/v1/extract one byte every --interval-s seconds (below the idle timeout, so
only a bound on the whole request can close them), and measures normal
requests again while they trickle.

Pass: p99 of normal requests under the trickle stays within 4x its
unloaded value (or unloaded + 50 ms, whichever is larger), no normal
request fails, and every slow connection is closed by the server within
max(3 x timeout, request timeout) + 5 s of its first byte (the request
timeout, --request-timeout-s, is the bound on a whole request that the
service enforces; an idle timeout alone never fires on a trickle).
"""
import argparse
import json
import os
import socket
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "hardening"))
import liqa_server as ls  # noqa: E402

ARTICLE = (
    "بغداد - التقى وزير الخارجية العراقي سامي الحديثي يوم الخميس الماضي في بغداد بنظيره "
    "الأردني خالد الروسان، وبحث الجانبان العلاقات الثنائية. ومن المقرر أن يزور الحديثي "
    "عمّان الشهر المقبل.\n")


def pct(xs, p):
    xs = sorted(xs)
    if not xs:
        return float("nan")
    k = min(len(xs) - 1, max(0, int(round(p / 100.0 * (len(xs) - 1)))))
    return xs[k]


def normal_latencies(port, seconds, body, errors):
    out = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t0 = time.perf_counter()
        try:
            r = ls.post_json(port, body, timeout=30)
            if r.status != 200:
                errors.append("status %d" % r.status)
        except OSError as e:
            errors.append(str(e))
            continue
        out.append((time.perf_counter() - t0) * 1000)
    return out


class Trickle:
    """@n sockets, each sending @data one byte per @interval seconds."""

    def __init__(self, port, n, data, interval):
        self.port = port
        self.data = data
        self.interval = interval
        self.socks = []
        self.opened = []
        self.closed_at = {}
        self.sent = {}
        self.refused = 0
        self.replies = {}
        self.stop = threading.Event()
        for i in range(n):
            try:
                s = ls.connect(port, timeout=5)
                s.setblocking(False)
            except OSError:
                self.refused += 1
                continue
            self.socks.append(s)
            self.opened.append(time.monotonic())
        self.sent = {i: 0 for i in range(len(self.socks))}
        self.thread = threading.Thread(target=self.run, daemon=True)

    def _closed(self, i, s):
        if i in self.closed_at:
            return
        self.closed_at[i] = time.monotonic()
        try:
            d = s.recv(4096)
            if d.startswith(b"HTTP/"):
                self.replies[i] = d.split(b"\r\n", 1)[0].decode("latin-1")
        except OSError:
            pass

    def run(self):
        n = len(self.socks)
        step = self.interval / max(1, n)
        while not self.stop.is_set() and len(self.closed_at) < n:
            for i, s in enumerate(self.socks):
                if self.stop.is_set():
                    break
                if i in self.closed_at:
                    continue
                # has the server closed it (or replied)?
                try:
                    d = s.recv(4096)
                    if d == b"" or d.startswith(b"HTTP/"):
                        if d:
                            self.replies[i] = d.split(b"\r\n", 1)[0].decode("latin-1")
                        self.closed_at[i] = time.monotonic()
                        continue
                except BlockingIOError:
                    pass
                except OSError:
                    self.closed_at[i] = time.monotonic()
                    continue
                if self.sent[i] < len(self.data):
                    try:
                        s.send(self.data[self.sent[i]:self.sent[i] + 1])
                        self.sent[i] += 1
                    except BlockingIOError:
                        pass
                    except OSError:
                        self._closed(i, s)
                time.sleep(step)

    def close(self):
        self.stop.set()
        self.thread.join(10)
        for s in self.socks:
            try:
                s.close()
            except OSError:
                pass


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("--slow", type=int, default=200)
    ap.add_argument("--timeout-s", type=int, default=5)
    ap.add_argument("--interval-s", type=float, default=1.0)
    ap.add_argument("--request-timeout-s", type=int, default=10,
                    help="request_timeout_s: the deadline for a whole request")
    ap.add_argument("--measure-s", type=float, default=10.0)
    ap.add_argument("--threads", type=int, default=0)
    a = ap.parse_args()
    work = ls.tempdir("liqa-slow-")
    server = ls.Server(a.exe, work, threads=a.threads, connection_timeout_s=a.timeout_s,
                       request_timeout_s=a.request_timeout_s,
                       max_connections=a.slow * 2 + 64, max_connections_per_ip=0,
                       max_in_flight=0).start()
    body = json.dumps({"text": ARTICLE, "published": "2018-01-30"}, ensure_ascii=False).encode()
    slow_req = ls.build_request("POST", "/v1/extract", body, content_type="application/json")
    failed = []
    try:
        ls.post_json(server.port, body)  # warm up
        errs = []
        base = normal_latencies(server.port, a.measure_s, body, errs)
        tr = Trickle(server.port, a.slow, slow_req, a.interval_s)
        tr.thread.start()
        time.sleep(1.0)
        errs_loaded = []
        loaded = normal_latencies(server.port, a.measure_s, body, errs_loaded)
        deadline = max(3 * a.timeout_s, a.request_timeout_s) + 5
        # wait for the server to close the slow connections (bounded)
        t_end = min(tr.opened) + deadline + 2 if tr.opened else time.monotonic()
        while time.monotonic() < t_end and len(tr.closed_at) < len(tr.socks):
            time.sleep(0.2)
        tr.close()
        alive = server.alive()
        lifetimes = sorted(tr.closed_at[i] - tr.opened[i] for i in tr.closed_at)
        still_open = len(tr.socks) - len(tr.closed_at)
        b99, l99 = pct(base, 99), pct(loaded, 99)
        allowed = max(4 * b99, b99 + 50)
        print("%-34s %10s %10s" % ("", "unloaded", "trickle"))
        print("%-34s %10d %10d" % ("normal requests", len(base), len(loaded)))
        print("%-34s %10.1f %10.1f" % ("p50 latency ms", pct(base, 50), pct(loaded, 50)))
        print("%-34s %10.1f %10.1f" % ("p99 latency ms", b99, l99))
        print("%-34s %10.1f %10.1f" % ("max latency ms", max(base or [0]), max(loaded or [0])))
        print("%-34s %10s %10d" % ("normal request errors", len(errs), len(errs_loaded)))
        print("slow connections: %d opened (%d refused at connect), %d closed by the server, "
              "%d still open after %.0f s" % (len(tr.socks), tr.refused, len(tr.closed_at),
                                               still_open, deadline))
        if lifetimes:
            print("slow connection lifetime s: min %.1f, median %.1f, max %.1f "
                  "(timeout %d s, trickle 1 byte / %.1f s); bytes sent before close: max %d of %d"
                  % (lifetimes[0], pct(lifetimes, 50), lifetimes[-1], a.timeout_s,
                     a.interval_s, max(tr.sent.values()), len(slow_req)))
        if tr.replies:
            kinds = {}
            for v in tr.replies.values():
                kinds[v] = kinds.get(v, 0) + 1
            print("replies on slow connections: %s" % kinds)
        if l99 > allowed:
            failed.append("p99 under trickle %.1f ms > allowed %.1f ms" % (l99, allowed))
        if errs or errs_loaded:
            failed.append("normal requests failed: %s" % (errs + errs_loaded)[:5])
        if still_open:
            failed.append("%d slow connections not closed within %d s" % (still_open, deadline))
        if lifetimes and lifetimes[-1] > deadline:
            failed.append("a slow connection lived %.1f s" % lifetimes[-1])
        if not alive:
            failed.append("the server died")
    finally:
        code = server.stop()
    if code != 0:
        failed.append("exit %s on SIGTERM" % code)
    for f in failed:
        print("FAIL " + f)
    print("SLOW_CLIENTS %s" % ("ok" if not failed else "FAIL"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

# end of slow_clients.py
