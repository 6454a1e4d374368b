#!/usr/bin/env python3
"""Golden test on the dev set: no score may fall below its recorded floor.

usage: dev_scores.py LIQA FLOORS_JSON

Starts `LIQA serve` on a free loopback port, runs ../shared/tools/evaluate.py
over ../shared/dev (LIQA_SHARED_DIR), and compares every figure named in
FLOORS_JSON with the measured one. Exits 77 (skip) when ../shared is absent,
so the suite passes on a machine without the dev set. The floors are numbers
only: nothing of the dev articles is copied into the project.
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(url):
    try:
        with urllib.request.urlopen(url + "/readyz", timeout=1) as r:
            return r.status == 200
    except OSError:
        return False


def lookup(summary, dotted):
    v = summary
    for part in dotted.split("."):
        v = v[part]
    return v


def main():
    liqa, floors_path = sys.argv[1], sys.argv[2]
    shared = os.environ.get("LIQA_SHARED_DIR", "")
    evaluate = os.path.join(shared, "tools", "evaluate.py")
    dev = os.path.join(shared, "dev")
    if not (os.path.exists(evaluate) and os.path.isdir(dev)):
        print("../shared/dev not found: skipped")
        return 77
    with open(floors_path, encoding="utf-8") as f:
        floors = json.load(f)
    port = free_port()
    src = os.environ.get("LIQA_SOURCE_DIR", ".")
    log = tempfile.TemporaryFile()
    server = subprocess.Popen([liqa, "serve", "--config", os.path.join(src, "config", "liqa.conf"),
                               "--port", str(port), "--set", "log_requests=false"],
                              stdout=subprocess.DEVNULL, stderr=log)
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):
            if ready(url):
                break
            time.sleep(0.1)
            if server.poll() is not None:
                break
        else:
            server.poll()
        if server.returncode is not None or not ready(url):
            log.seek(0)
            print("the service did not become ready:\n" + log.read().decode(errors="replace")[-2000:])
            return 1
        out = tempfile.mkdtemp(prefix="liqa-dev-")
        proc = subprocess.run([sys.executable, evaluate, "--url", url, "--json", "--out", out,
                               "--timeout", "120", dev],
                              capture_output=True, text=True, timeout=900)
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr)
            return 1
        summary = json.loads(proc.stdout)
    finally:
        server.terminate()
        server.wait(timeout=30)
    failed = 0
    for name, floor in floors.items():
        got = lookup(summary, name)
        ok = got is not None and got >= floor
        print(f"{'ok  ' if ok else 'FAIL'} {name}: {got} (floor {floor})")
        failed += not ok
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
