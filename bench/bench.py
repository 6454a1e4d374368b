#!/usr/bin/env python3
"""The measurements of scripts/bench.sh, and the table they make.

    bench.py --build DIR --source DIR --shared DIR [--seconds S] [--threads T]
             [--model FILE] [--quick] [--json OUT] [--skip-callgrind]

DIR holds the release build (server/app/liqa, bench/liqa-bench-pipeline,
bench/liqa-echo). Everything runs on 127.0.0.1 and is bounded in time
(about three minutes with the defaults). The dev articles are read from
SHARED/dev/articles at run time, with each article's publication date from
SHARED/dev/gold; the 1 MB text is those articles joined and repeated.

What is measured:
  1. pipeline only (liqa-bench-pipeline): per-article median and p90 on one
     thread, articles/s and MB/s per core, T threads, per-stage breakdown;
     the same on the 1 MB text;
  2. instructions per article (valgrind --tool=callgrind, counting only
     lq_extract_dump: the pipeline and the response's bytes);
  3. start-up: exec of `liqa serve` to the first 200 of GET /readyz;
  4. the service with wrk at 1, 16, 64 and 256 connections (and the 1 MB
     text at 1 and 16), the server's CPU time per request and its peak RSS;
  5. the same wrk runs against liqa-echo, the HTTP ceiling.
Standard library only.
"""
import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse

HERE = os.path.dirname(os.path.abspath(__file__))
CONNS = [1, 16, 64, 256]
BIG_BYTES = 1000000


def log(msg):
    print("bench: " + msg, file=sys.stderr, flush=True)


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = ""
    try:
        with open("/proc/meminfo") as f:
            kb = int(f.readline().split()[1])
            mem = "%.0f GB RAM" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    cc = subprocess.run(["cc", "--version"], capture_output=True, text=True).stdout
    cc = cc.splitlines()[0] if cc else "cc"
    return "%s, %d cores, %s, Linux %s, %s" % (cpu, os.cpu_count() or 0, mem,
                                                platform.release(), cc)


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def http_get_status(port, path, timeout=0.5):
    """Status of GET path on 127.0.0.1:port, or None when nothing answers."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            s.sendall(("GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                       % path).encode())
            data = s.recv(64)
        m = re.match(rb"HTTP/1\.[01] (\d{3})", data)
        return int(m.group(1)) if m else None
    except OSError:
        return None


def proc_cpu_s(pid):
    """utime + stime of a process, in seconds."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    tick = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / tick


def proc_hwm_mb(pid):
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return None


class Server:
    """A server process on 127.0.0.1:port, stopped with SIGTERM."""

    def __init__(self, argv, port, log_path):
        self.port = port
        self.log = open(log_path, "wb")
        self.t0 = time.monotonic()
        self.p = subprocess.Popen(argv, stdout=self.log, stderr=subprocess.STDOUT)
        self.ready_s = None

    def wait_ready(self, limit=30.0):
        while time.monotonic() - self.t0 < limit:
            if self.p.poll() is not None:
                raise RuntimeError("server exited with %d (log: %s)"
                                   % (self.p.returncode, self.log.name))
            if http_get_status(self.port, "/readyz") == 200:
                self.ready_s = time.monotonic() - self.t0
                return self.ready_s
            time.sleep(0.001)
        raise RuntimeError("server not ready after %.0f s" % limit)

    def stop(self):
        if self.p.poll() is None:
            self.p.send_signal(signal.SIGTERM)
            try:
                self.p.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.p.kill()
                self.p.wait()
        self.log.close()


def liqa_argv(a, port, big):
    argv = [a.liqa, "serve", "--config", os.path.join(a.source, "config", "liqa.conf"),
            "--listen", "127.0.0.1", "--port", str(port), "--threads", str(a.threads),
            # every connection of the benchmark comes from 127.0.0.1
            "--set", "max_connections_per_ip=0",
            # measure queueing at 256 connections instead of shedding it with 503
            "--set", "max_in_flight=0",
            "--set", "log_requests=%s" % ("true" if a.log_requests else "false")]
    if a.model is not None:
        argv += ["--set", "model_path=" + a.model]
    if big:
        argv += ["--set", "max_body_bytes=4MiB", "--set", "max_text_chars=4000000"]
    return argv


def run_wrk(a, port, bodies, conns, seconds):
    # one client thread: on a small machine wrk competes with the server for cores
    threads = 1
    argv = ["wrk", "-t%d" % threads, "-c%d" % conns, "-d%.0fs" % seconds, "--timeout", "30s",
            "-s", os.path.join(HERE, "post.lua"), "http://127.0.0.1:%d" % port]
    env = dict(os.environ, LIQA_BENCH_BODIES=bodies)
    t0 = os.times()
    p = subprocess.run(argv, capture_output=True, text=True, env=env, timeout=seconds + 90)
    t1 = os.times()
    m = re.search(r"^LIQA_BENCH (.*)$", p.stdout, re.M)
    if p.returncode != 0 or not m:
        raise RuntimeError("wrk failed (%d): %s %s" % (p.returncode, p.stdout, p.stderr))
    r = {}
    for kv in m.group(1).split():
        k, v = kv.split("=", 1)
        r[k] = float(v)
    r["client_cpu_s"] = (t1.children_user - t0.children_user) + (t1.children_system
                                                                 - t0.children_system)
    r["wrk_threads"] = threads
    return r


def serve_runs(a, name, srv, bodies, conns_list, seconds):
    """wrk at each concurrency, --rounds times; the round of median req/s is kept."""
    out = {}
    for c in conns_list:
        # a short warm-up at the same concurrency: connections, worker state
        run_wrk(a, srv.port, bodies, c, 1)
        rounds = []
        for _ in range(a.rounds):
            cpu0 = proc_cpu_s(srv.p.pid)
            r = run_wrk(a, srv.port, bodies, c, seconds)
            cpu1 = proc_cpu_s(srv.p.pid)
            # no request finished: report the CPU of the whole run
            r["server_cpu_ms_per_req"] = (cpu1 - cpu0) * 1e3 / max(r["requests"], 1)
            r["client_cpu_ms_per_req"] = r["client_cpu_s"] * 1e3 / max(r["requests"], 1)
            rounds.append(r)
        rounds.sort(key=lambda x: x["rps"])
        r = rounds[len(rounds) // 2]
        r["rounds_rps"] = [x["rps"] for x in rounds]
        out[str(c)] = r
        log("%-5s c=%-3d %8.1f req/s  p50 %7.2f  p90 %7.2f  p99 %7.2f ms  non2xx %d  "
            "errors %d  server %.3f cpu-ms/req" %
            (name, c, r["rps"], r["p50_ms"], r["p90_ms"], r["p99_ms"], r["non2xx"],
             r["connect"] + r["read"] + r["write"] + r["timeout"], r["server_cpu_ms_per_req"]))
    return out


def pipeline_bench(a, extra, seconds):
    argv = [a.pipeline, "--json", "--lexicons", os.path.join(a.source, "config", "lexicons"),
            "--gold", os.path.join(a.shared, "dev", "gold"), "--threads", str(a.threads),
            "--seconds", "%g" % seconds] + extra + [os.path.join(a.shared, "dev", "articles")]
    if a.model is not None:
        argv[2:2] = ["--model", a.model]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError("liqa-bench-pipeline failed: " + p.stderr)
    return json.loads(p.stdout.strip().splitlines()[-1])


def callgrind(a, extra, tmp):
    out = os.path.join(tmp, "callgrind.out")
    argv = ["valgrind", "--tool=callgrind", "--toggle-collect=bench_extract_once",
            "--callgrind-out-file=" + out, a.pipeline, "--once",
            "--lexicons", os.path.join(a.source, "config", "lexicons"),
            "--gold", os.path.join(a.shared, "dev", "gold")] + extra + [
            os.path.join(a.shared, "dev", "articles")]
    if a.model is not None:
        argv[argv.index("--once") + 1:argv.index("--once") + 1] = ["--model", a.model]
    p = subprocess.run(argv, capture_output=True, text=True, timeout=900)
    if p.returncode != 0:
        raise RuntimeError("callgrind failed: " + p.stderr[-2000:])
    m = re.search(r"^articles (\d+) bytes (\d+)", p.stdout, re.M)
    n, nbytes = int(m.group(1)), int(m.group(2))
    ir = None
    with open(out) as f:
        for line in f:
            if line.startswith("summary:") or line.startswith("totals:"):
                ir = int(line.split()[1])
    if a.keep_profile:
        shutil.copy(out, a.keep_profile)
    return {"articles": n, "bytes": nbytes, "instructions": ir,
            "per_article": ir / n, "per_4k": ir / nbytes * 4096}


def big_conns(a):
    """The 1 MB text takes a few hundred ms: one connection, and one per thread."""
    return sorted({1, a.threads})


def write_requests(path, reqs):
    """Records for bench/post.lua: target, content type, length, body."""
    with open(path, "wb") as out:
        for target, ctype, body in reqs:
            out.write(("%s\n%s\n%d\n" % (target, ctype, len(body))).encode())
            out.write(body)


def write_bodies(a, tmp):
    """The dev articles as JSON and as text/plain requests; the 1 MB text."""
    art = os.path.join(a.shared, "dev", "articles")
    gold = os.path.join(a.shared, "dev", "gold")
    texts, js, plain = [], [], []
    for fn in sorted(os.listdir(art)):
        if not fn.endswith(".txt"):
            continue
        doc = fn[:-4]
        with open(os.path.join(art, fn), encoding="utf-8") as f:
            text = f.read()
        texts.append(text)
        req = {"id": doc, "text": text}
        try:
            with open(os.path.join(gold, doc + ".json"), encoding="utf-8") as f:
                pub = json.load(f).get("published")
            if pub:
                req["published"] = pub
        except OSError:
            pass
        js.append(("/v1/extract", "application/json",
                   json.dumps(req, ensure_ascii=False, separators=(",", ":")).encode()))
        query = "id=" + urllib.parse.quote(doc)
        if req.get("published"):
            query += "&published=" + urllib.parse.quote(req["published"])
        plain.append(("/v1/extract?" + query, "text/plain; charset=utf-8",
                      text.encode("utf-8")))
    paths = {"dev": os.path.join(tmp, "dev.req"), "plain": os.path.join(tmp, "plain.req"),
             "big": os.path.join(tmp, "big.req")}
    write_requests(paths["dev"], js)
    write_requests(paths["plain"], plain)
    # the same text liqa-bench-pipeline --concat builds
    big, n = [], 0
    while n < BIG_BYTES:
        for t in texts:
            if n >= BIG_BYTES:
                break
            big.append(t + "\n\n")
            n += len(t.encode("utf-8")) + 2
    body = json.dumps({"id": "big", "text": "".join(big)}, ensure_ascii=False,
                      separators=(",", ":")).encode()
    write_requests(paths["big"], [("/v1/extract", "application/json", body)])
    return paths, len(texts), n


def startup(a, tmp, runs):
    times = []
    for i in range(runs):
        port = free_port()
        srv = Server(liqa_argv(a, port, False), port, os.path.join(tmp, "startup.log"))
        try:
            times.append(srv.wait_ready())
        finally:
            srv.stop()
    return {"runs_ms": [t * 1e3 for t in times], "median_ms": statistics.median(times) * 1e3}


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--shared", required=True)
    ap.add_argument("--model", help="NER model (default: the config's; \"\" for rules only)")
    ap.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--seconds", type=float, default=5.0, help="length of each wrk run")
    ap.add_argument("--repeat", type=int, default=20, help="runs per article, one thread")
    ap.add_argument("--rounds", type=int, default=1,
                    help="wrk runs per point; the one of median req/s is reported")
    ap.add_argument("--quick", action="store_true", help="2 s runs, fewer repeats")
    ap.add_argument("--skip-callgrind", action="store_true")
    ap.add_argument("--skip-service", action="store_true")
    ap.add_argument("--log-requests", action="store_true",
                    help="keep liqa's per-request log lines on (off by default here)")
    ap.add_argument("--keep-profile", help="copy callgrind's output file here")
    ap.add_argument("--json", help="also write every number to this file")
    a = ap.parse_args()
    if a.quick:
        a.seconds, a.repeat = 2.0, 5
    a.liqa = os.path.join(a.build, "server", "app", "liqa")
    a.pipeline = os.path.join(a.build, "bench", "liqa-bench-pipeline")
    a.echo = os.path.join(a.build, "bench", "liqa-echo")
    for exe in (a.liqa, a.pipeline, a.echo):
        if not os.access(exe, os.X_OK):
            sys.exit("bench: %s is missing; build it first" % exe)
    if a.model is None:
        default = os.path.join(a.source, "model", "ner.model")
        a.model = default if os.path.exists(default) else ""
    res = {"machine": machine(), "threads": a.threads, "seconds": a.seconds,
           "load_before": loadavg(), "model": a.model or "(none: rules only)",
           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    log("machine: " + res["machine"])
    log("load average before: " + res["load_before"])
    if float(res["load_before"].split()[0]) > 0.5:
        log("warning: the machine is busy (load average above 0.5); times will be noisy "
            "(instruction counts are not)")
    tmp = tempfile.mkdtemp(prefix="liqa-bench-")
    try:
        bodies, ndev, big_bytes = write_bodies(a, tmp)
        dev_bodies, big_bodies = bodies["dev"], bodies["big"]
        log("pipeline only, dev articles")
        res["pipeline_dev"] = pipeline_bench(a, ["--repeat", str(a.repeat)], a.seconds)
        log("pipeline only, 1 MB text")
        res["pipeline_big"] = pipeline_bench(
            a, ["--concat", str(BIG_BYTES), "--repeat", "3" if a.quick else "5",
                "--warmup", "1"], a.seconds)
        if not a.skip_callgrind:
            log("callgrind, dev articles")
            res["callgrind_dev"] = callgrind(a, [], tmp)
        if not a.skip_service:
            log("start-up to /readyz")
            res["startup"] = startup(a, tmp, 3 if a.quick else 5)
            port = free_port()
            srv = Server(liqa_argv(a, port, True), port, os.path.join(tmp, "liqa.log"))
            try:
                srv.wait_ready()
                res["liqa_dev"] = serve_runs(a, "liqa", srv, dev_bodies, CONNS, a.seconds)
                res["liqa_rss_dev_mb"] = proc_hwm_mb(srv.p.pid)
                # the same articles as text/plain: no JSON to decode
                res["liqa_plain"] = serve_runs(a, "plain", srv, bodies["plain"], [64], a.seconds)
                res["liqa_big"] = serve_runs(a, "liqa", srv, big_bodies, big_conns(a),
                                             max(a.seconds, 5.0))
                res["liqa_rss_mb"] = proc_hwm_mb(srv.p.pid)
            finally:
                srv.stop()
            port = free_port()
            srv = Server([a.echo, "--port", str(port), "--threads", str(a.threads)], port,
                         os.path.join(tmp, "echo.log"))
            try:
                srv.wait_ready()
                res["echo_dev"] = serve_runs(a, "echo", srv, dev_bodies, CONNS, a.seconds)
                res["echo_big"] = serve_runs(a, "echo", srv, big_bodies, big_conns(a),
                                             max(a.seconds, 5.0))
                res["echo_rss_mb"] = proc_hwm_mb(srv.p.pid)
            finally:
                srv.stop()
        res["load_after"] = loadavg()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(res, f, indent=1)
    print_table(res, ndev, big_bytes)


def verdict(ok):
    return "ok" if ok else "MISSED"


def print_table(r, ndev, big_bytes):
    T = r["threads"]
    r["big_conns"] = sorted({1, T})
    pd, pb = r["pipeline_dev"], r["pipeline_big"]
    st = pd.get("stages_ms_per_article", {})
    p = print
    p("")
    p("liqa benchmark, %s" % r["date"])
    p("machine: %s" % r["machine"])
    p("model: %s; %d threads; wrk runs of %.0f s; load average %s before, %s after"
      % (r["model"], T, r["seconds"], r["load_before"], r.get("load_after", "?")))
    p("")
    p("Pipeline only (lq_extract_dump: pipeline + response bytes, no HTTP)")
    p("| input | articles | median ms/article | p90 ms | ms per 4 KiB | articles/s, 1 core "
      "| MB/s, 1 core | articles/s, %d threads | MB/s, %d threads | CPU ms/article, %d threads |"
      % (T, T, T))
    p("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    p("| dev articles (%d, %.1f KB mean) | %d | %.3f | %.3f | %.3f | %.0f | %.2f | %.0f | %.2f "
      "| %.3f |"
      % (ndev, pd["bytes"] / pd["articles"] / 1000, pd["articles"], pd["median_ms"],
         pd["p90_ms"], pd["ms_per_4k"], pd["aps_1thread"], pd["mbps_1thread"],
         pd["aps_threads"], pd["mbps_threads"], pd["cpu_ms_per_article_threads"]))
    p("| 1 MB text (%.2f MB) | 1 | %.1f | | %.3f | %.2f | %.2f | %.2f | %.2f | %.1f |"
      % (pb["bytes"] / 1e6, pb["median_ms"], pb["ms_per_4k"], pb["aps_1thread"],
         pb["mbps_1thread"], pb["aps_threads"], pb["mbps_threads"],
         pb["cpu_ms_per_article_threads"]))
    p("(median and p90: of each article's median over its runs on one thread, the same "
      "article again and again; the %d-thread columns go round the articles in turn, so "
      "caches are colder)" % T)
    if st:
        p("")
        p("Per stage, one thread (ms per article; share of the total)")
        p("| input | text layer | tagger | rules + coreference | events + time | JSON | total |")
        p("|---|---:|---:|---:|---:|---:|---:|")
        for name, s in (("dev articles", st), ("1 MB text", pb.get("stages_ms_per_article"))):
            if not s:
                continue
            tot = s["total"] or 1
            p("| %s | " % name + " | ".join(
                "%.4g (%.0f%%)" % (s[k], 100 * s[k] / tot)
                for k in ("text", "tagger", "rules_coref", "events_time", "json"))
              + " | %.4g |" % s["total"])
    if "callgrind_dev" in r:
        cg = r["callgrind_dev"]
        p("")
        p("Instructions (callgrind, lq_extract_dump): %.2f M per article, "
          "%.2f M per 4 KiB (%d dev articles, %.1f M in all)"
          % (cg["per_article"] / 1e6, cg["per_4k"] / 1e6, cg["articles"],
             cg["instructions"] / 1e6))
    if "liqa_dev" in r:
        p("")
        p("Service (POST /v1/extract, wrk, %d server threads), dev articles; echo = liqa-echo "
          "(libmicrohttpd + Jansson, same daemon settings)" % T)
        p("| connections | liqa req/s | p50 ms | p90 ms | p99 ms | server CPU ms/req | "
          "wrk CPU ms/req | echo req/s | echo p50 | echo p90 | echo p99 | echo CPU ms/req | errors |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
        for c in CONNS:
            l, e = r["liqa_dev"][str(c)], r["echo_dev"][str(c)]
            errs = sum(int(x[k]) for x in (l, e)
                       for k in ("non2xx", "connect", "read", "write", "timeout"))
            p("| %d | %.0f | %.2f | %.2f | %.2f | %.3f | %.3f | %.0f | %.2f | %.2f | %.2f | %.3f "
              "| %d |"
              % (c, l["rps"], l["p50_ms"], l["p90_ms"], l["p99_ms"],
                 l["server_cpu_ms_per_req"], l["client_cpu_ms_per_req"], e["rps"], e["p50_ms"], e["p90_ms"], e["p99_ms"],
                 e["server_cpu_ms_per_req"], errs))
        if "liqa_plain" in r:
            l = r["liqa_plain"]["64"]
            p("| 64, text/plain | %.0f | %.2f | %.2f | %.2f | %.3f | %.3f | | | | | | %d |"
              % (l["rps"], l["p50_ms"], l["p90_ms"], l["p99_ms"], l["server_cpu_ms_per_req"],
                 l["client_cpu_ms_per_req"],
                 sum(int(l[k]) for k in ("non2xx", "connect", "read", "write", "timeout"))))
        p("")
        p("Service, 1 MB text (%.2f MB body)" % (big_bytes / 1e6))
        p("| connections | liqa req/s | MB/s | p50 ms | p99 ms | server CPU ms/req | "
          "echo req/s | echo p99 ms |")
        p("|---:|---:|---:|---:|---:|---:|---:|---:|")
        for c in sorted({1, T}):
            l, e = r["liqa_big"][str(c)], r["echo_big"][str(c)]
            p("| %d | %.2f | %.2f | %.1f | %.1f | %.1f | %.0f | %.2f |"
              % (c, l["rps"], l["rps"] * big_bytes / 1e6, l["p50_ms"], l["p99_ms"],
                 l["server_cpu_ms_per_req"], e["rps"], e["p99_ms"]))
        l64 = r["liqa_dev"]["64"]
        e64 = r["echo_dev"]["64"]
        pipe_cpu = pd["cpu_ms_per_article_threads"]
        http_cpu = max(l64["server_cpu_ms_per_req"] - pipe_cpu, 0.0)
        p("")
        p("Where a request's server CPU goes at 64 connections: %.3f ms in all = %.3f ms "
          "pipeline (CPU per article, %d threads, no HTTP) + %.3f ms HTTP layer and request "
          "decoding (%.0f%%); the echo server spends %.3f ms per request of the same size."
          % (l64["server_cpu_ms_per_req"], pipe_cpu, T, http_cpu,
             100 * http_cpu / max(l64["server_cpu_ms_per_req"], 1e-9),
             e64["server_cpu_ms_per_req"]))
        if "liqa_plain" in r:
            pl = r["liqa_plain"]["64"]["server_cpu_ms_per_req"]
            p("With text/plain bodies (no JSON request to decode) the server spends %.3f ms per "
              "request: decoding the JSON body costs about %.3f ms."
              % (pl, l64["server_cpu_ms_per_req"] - pl))
        ratio = l64["rps"] / pd["aps_threads"]
        p("Service at 64 connections / pipeline only with %d threads: %.0f / %.0f = %.2f"
          % (T, l64["rps"], pd["aps_threads"], ratio))
        p("Start-up to /readyz: median %.0f ms (%s); peak RSS of liqa: %.1f MB after the "
          "dev runs, %.1f MB after the 1 MB runs (echo: %.1f MB)"
          % (r["startup"]["median_ms"], ", ".join("%.0f" % t for t in r["startup"]["runs_ms"]),
             r["liqa_rss_dev_mb"], r["liqa_rss_mb"], r["echo_rss_mb"]))
    p("")
    p("Targets")
    p("| target | measured | |")
    p("|---|---:|---|")
    p("| pipeline ≤ 0.5 ms per 4 KiB, one core | %.3f ms | %s |"
      % (pd["ms_per_4k"], verdict(pd["ms_per_4k"] <= 0.5)))
    aps4k = pd["mbps_1thread"] * 1e6 / 4096
    p("| ≥ 2,000 4 KiB articles/s per core | %.0f | %s |" % (aps4k, verdict(aps4k >= 2000)))
    if "callgrind_dev" in r:
        per4k = r["callgrind_dev"]["per_4k"]
        p("| ≤ 3 M instructions per 4 KiB | %.2f M | %s |" % (per4k / 1e6,
                                                              verdict(per4k <= 3e6)))
    if "liqa_dev" in r:
        l64 = r["liqa_dev"]["64"]
        ratio = l64["rps"] / pd["aps_threads"]
        p("| service req/s at 64 conns ≥ 0.9 × pipeline with %d threads | %.2f | %s |"
          % (T, ratio, verdict(ratio >= 0.9)))
        p("| p99 ≤ 10 ms at 64 connections | %.2f ms | %s |"
          % (l64["p99_ms"], verdict(l64["p99_ms"] <= 10)))
        p("| peak RSS ≤ 200 MB | %.1f MB | %s |" % (r["liqa_rss_mb"],
                                                   verdict(r["liqa_rss_mb"] <= 200)))
        p("| start-up ≤ 1 s | %.0f ms | %s |" % (r["startup"]["median_ms"],
                                                verdict(r["startup"]["median_ms"] <= 1000)))


if __name__ == "__main__":
    main()
