#!/usr/bin/env python3
"""Load (item 4 of the hardening issue): wrk posting real articles.

    load.py LIQA_EXECUTABLE [--seconds 15] [--rounds 3] [--connections 64,256]

Starts `liqa serve` on 127.0.0.1 (max_in_flight 128 as shipped, no per-IP
cap since every client is 127.0.0.1, enough connections),
then for each round runs wrk at each connection count for a bounded time
with bench/stress/extract.lua, and reads the server's resident memory after
each run. Pass: zero socket errors, zero non-2xx replies, the server alive
and exiting 0 on SIGTERM, and resident memory after the last round within
15 % (+ 16 MB) of its value after the first.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "hardening"))
import liqa_server as ls  # noqa: E402


def run_wrk(port, conns, seconds, threads, articles):
    env = dict(os.environ, LIQA_ARTICLES=articles)
    cmd = ["wrk", "-t%d" % threads, "-c%d" % conns, "-d%ds" % seconds, "--timeout", "30s",
           "-s", os.path.join(HERE, "extract.lua"), "http://127.0.0.1:%d/v1/extract" % port]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=seconds + 120)
    m = re.search(r"^LIQA_WRK (.*)$", p.stdout, re.M)
    if not m:
        raise RuntimeError("wrk said:\n" + p.stdout + p.stderr)
    fig = {}
    for kv in m.group(1).split():
        k, _, v = kv.partition("=")
        fig[k] = v
    # wrk counts only >= 400 in its status errors; the script counts every status
    n2xx = sum(int(c.split(":")[1]) for c in fig.get("statuses", "").split(",") if c
               and c.split(":")[0].startswith("2"))
    fig["non2xx_all"] = str(int(fig["requests"]) - n2xx)
    return fig


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("--seconds", type=int, default=int(os.environ.get("LIQA_STRESS_SECONDS", 15)))
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--connections", default="64,256")
    ap.add_argument("--threads", type=int, default=0, help="server threads (0: cores)")
    a = ap.parse_args()
    if not shutil.which("wrk"):
        print("LOAD SKIP: wrk is not installed (scripts/setup.sh bench)")
        return 77
    articles = os.path.join(ls.shared_dir(), "dev", "articles")
    if not os.path.isdir(articles):
        articles = ""
    work = ls.tempdir("liqa-load-")
    conns = [int(c) for c in a.connections.split(",")]
    server = ls.Server(a.exe, work, threads=a.threads, max_connections=max(conns) * 2 + 64,
                       max_connections_per_ip=0, max_in_flight=128, connection_timeout_s=60,
                       rate_limit_per_minute=0).start()
    failed = []
    rss = []
    print("%-6s %6s %9s %8s %8s %8s %8s %8s %8s %6s %10s"
          % ("round", "conns", "requests", "rps", "p50_ms", "p99_ms", "max_ms", "non2xx",
             "sockerr", "alive", "RSS_MB"))
    try:
        for rnd in range(1, a.rounds + 1):
            for c in conns:
                fig = run_wrk(server.port, c, a.seconds, 2, articles)
                time.sleep(1.0)
                r = ls.rss_kb(server.proc.pid) / 1024
                sockerr = sum(int(fig[k]) for k in ("connect", "read", "write", "timeout"))
                alive = server.alive()
                print("%-6d %6d %9s %8s %8s %8s %8s %8s %8d %6s %10.1f"
                      % (rnd, c, fig["requests"], fig["rps"], fig["p50_ms"], fig["p99_ms"],
                         fig["max_ms"], fig["non2xx_all"], sockerr, "yes" if alive else "NO", r),
                      flush=True)
                if sockerr:
                    failed.append("round %d, %d connections: %d socket errors (%s)" % (
                        rnd, c, sockerr, {k: fig[k] for k in ("connect", "read", "write",
                                                              "timeout")}))
                if fig["non2xx_all"] != "0":
                    failed.append("round %d, %d connections: %s non-2xx (%s)"
                                  % (rnd, c, fig["non2xx_all"], fig.get("statuses")))
                if int(fig["requests"]) == 0:
                    failed.append("round %d, %d connections: no request completed" % (rnd, c))
                if not alive:
                    failed.append("the server died: exit %s\n%s"
                                  % (server.proc.returncode, server.output()))
                    raise SystemExit(1)
            rss.append(ls.rss_kb(server.proc.pid) / 1024)
    finally:
        code = server.stop()
    if code != 0:
        failed.append("exit %s on SIGTERM" % code)
    if len(rss) >= 2:
        growth = rss[-1] - rss[0]
        limit = rss[0] * 0.15 + 16
        print("RSS after each round (MB): %s; growth first->last %.1f MB (limit %.1f)"
              % (", ".join("%.1f" % x for x in rss), growth, limit))
        if growth > limit:
            failed.append("resident memory grew %.1f MB over %d rounds" % (growth, len(rss)))
    rep = server.sanitizer_report()
    if rep:
        failed.append("sanitizer report:\n" + rep)
    for f in failed:
        print("FAIL " + f)
    print("LOAD %s" % ("ok" if not failed else "FAIL"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

# end of load.py
