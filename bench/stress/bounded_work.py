#!/usr/bin/env python3
"""Bounded work (item 3 of the hardening issue): time and memory of the
pipeline grow at most linearly with the text.

    bounded_work.py LIQA_EXECUTABLE [--max-kb 1024] [--budget-s 120]

Starts `liqa serve` on 127.0.0.1 and posts texts of 1 KB to 1 MB of four
kinds: real articles (the dev articles of ../shared, concatenated; read at
run time), one name repeated (up to 116,000 times, with a row at exactly
50,000), one letter, and one sentence of many words without punctuation.
For each kind and size it prints milliseconds per KB (best of a few runs,
so a busy machine adds noise but not a trend) and the growth of the
server's peak resident memory per KB of text.

Verdict per kind: time per KB at the largest size must stay within 2.5x of
its value at 16 KB (quadratic work would give 64x), and peak memory per KB
at the largest size within 2.5x of the smallest size at which it is
measurable. Exit 1 when a kind fails.
"""
import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "hardening"))
import liqa_server as ls  # noqa: E402

OWN_TEXT = (
    "بغداد - التقى وزير الخارجية العراقي سامي الحديثي يوم الخميس الماضي في بغداد بنظيره "
    "الأردني خالد الروسان، وبحث الجانبان العلاقات الثنائية. ومن المقرر أن يزور الحديثي "
    "عمّان الشهر المقبل للقاء رئيس الوزراء. وقال المتحدث باسم الوزارة إن اللقاء تناول "
    "التعاون الأمني والاقتصادي بين البلدين.\n")
WORDS = ["وزير", "الخارجية", "التقى", "محمد", "في", "بغداد", "مع", "السفير", "أمس", "الرئيس",
         "وفد", "رفيع", "المستوى", "عبد", "الله", "بن", "سالم", "استقبل", "الأمير", "قطر"]


def articles_text():
    d = os.path.join(ls.shared_dir(), "dev", "articles")
    parts = []
    if os.path.isdir(d):
        for f in sorted(os.listdir(d)):
            if f.endswith(".txt"):
                parts.append(open(os.path.join(d, f), encoding="utf-8").read())
    return "\n".join(parts) if parts else OWN_TEXT


def cut(text, nbytes):
    """A prefix of @text (repeated as needed) of about @nbytes UTF-8 bytes."""
    b = text.encode()
    while len(b) < nbytes:
        b += b"\n" + text.encode()
    b = b[:nbytes]
    return b.decode("utf-8", "ignore")


def kinds(max_kb):
    sizes = [kb for kb in (1, 4, 16, 64, 256, 1024) if kb <= max_kb]
    real = articles_text()
    name = "محمد "
    series = {
        "articles": [(kb, cut(real, kb * 1024)) for kb in sizes],
        "one name repeated": [(kb, name * max(1, kb * 1024 // len(name.encode()))) for kb in sizes],
        "one letter": [(kb, "ب" * (kb * 512)) for kb in sizes],
        "no punctuation": [(kb, cut(" ".join(WORDS[(i * 7) % len(WORDS)] for i in range(150000)),
                                    kb * 1024)) for kb in sizes],
    }
    # the row the issue names: exactly 50,000 repeats of one name
    series["one name repeated"].append((len((name * 50000).encode()) / 1024, name * 50000))
    series["one name repeated"].sort(key=lambda x: x[0])
    return series


def hwm_kb(pid):
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return -1


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("exe")
    ap.add_argument("--max-kb", type=int, default=1024)
    ap.add_argument("--budget-s", type=float, default=float(os.environ.get(
        "LIQA_BOUNDED_BUDGET_S", "180")))
    a = ap.parse_args()
    work = ls.tempdir("liqa-bounded-")
    server = ls.Server(a.exe, work, threads=1, max_body_bytes="8MiB", max_text_chars=8000000,
                       connection_timeout_s=120).start()
    t_start = time.monotonic()
    failed = []
    try:
        # warm up: load everything lazily loaded
        ls.post_json(server.port, {"text": OWN_TEXT})
        print("%-18s %9s %8s %10s %10s %12s %8s" % ("kind", "KB", "runs", "ms", "ms/KB",
                                                 "peakRSS+MB", "KB/KB"))
        for kind, rows in kinds(a.max_kb).items():
            per_kb = {}
            mem_per_kb = {}
            # a fresh server per kind, so its peak memory belongs to this kind
            server.stop()
            server = ls.Server(a.exe, work, threads=1, max_body_bytes="8MiB",
                               max_text_chars=8000000, connection_timeout_s=120).start()
            ls.post_json(server.port, {"text": OWN_TEXT})
            base_hwm = hwm_kb(server.proc.pid)
            for kb, text in rows:
                body = json.dumps({"text": text, "published": "2018-01-30"},
                                  ensure_ascii=False).encode()
                real_kb = len(text.encode()) / 1024
                best = None
                runs = 0
                spent = 0.0
                while runs < 3 or (spent < 1.0 and runs < 50):
                    t0 = time.perf_counter()
                    r = ls.post_json(server.port, body, timeout=600)
                    dt = time.perf_counter() - t0
                    spent += dt
                    runs += 1
                    if r.status != 200:
                        failed.append("%s %d KB: status %d %r" % (kind, kb, r.status,
                                                                   r.body[:200]))
                        break
                    best = dt if best is None else min(best, dt)
                    if dt > 20:
                        break
                if best is None:
                    continue
                hwm = hwm_kb(server.proc.pid)
                grow_mb = (hwm - base_hwm) / 1024
                per_kb[kb] = best * 1000 / real_kb
                mem_per_kb[kb] = (hwm - base_hwm) / real_kb
                print("%-18s %9.1f %8d %10.2f %10.4f %12.1f %8.2f"
                      % (kind, real_kb, runs, best * 1000, per_kb[kb], grow_mb, mem_per_kb[kb]),
                      flush=True)
                if time.monotonic() - t_start > a.budget_s:
                    print("(time budget of %.0f s spent; stopping)" % a.budget_s)
                    break
            big = max(per_kb) if per_kb else None
            ref = min((k for k in per_kb if k >= 16), default=None)
            if big and ref and big > ref:
                ratio = per_kb[big] / per_kb[ref]
                verdict = "ok" if ratio <= 2.5 else "FAIL"
                print("%-18s time/KB at %.0f KB vs %.0f KB: %.2fx  %s"
                      % (kind, big, ref, ratio, verdict))
                if verdict != "ok":
                    failed.append("%s: time per KB grows %.2fx" % (kind, ratio))
            meas = [k for k in mem_per_kb if mem_per_kb[k] * k > 4096]  # over 4 MB of growth
            if big and meas and big > min(meas):
                m0 = min(meas)
                ratio = mem_per_kb[big] / mem_per_kb[m0] if mem_per_kb[m0] > 0 else 1.0
                verdict = "ok" if ratio <= 2.5 else "FAIL"
                print("%-18s memory/KB at %.0f KB vs %.0f KB: %.2fx  %s"
                      % (kind, big, m0, ratio, verdict))
                if verdict != "ok":
                    failed.append("%s: memory per KB grows %.2fx" % (kind, ratio))
            if time.monotonic() - t_start > a.budget_s:
                break
    finally:
        code = server.stop()
    if code != 0:
        failed.append("server exit %s" % code)
    for f in failed:
        print("FAIL " + f)
    print("BOUNDED_WORK %s" % ("ok" if not failed else "FAIL"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

# end of bounded_work.py
