#!/usr/bin/env python3
"""Fit the event confidence model of server/event/event.c on a scored set.

usage: calibrate.py GOLD_DIR SYSTEM_DIR [--lexicon config/lexicons/triggers.txt]

SYSTEM_DIR holds the service's /v1/extract responses saved as <id>.json
(shared/tools/evaluate.py writes them). An event counts as right when the
scorer aligns it with a gold meeting (participant Jaccard >= 0.5 after
entity mapping) and its status agrees. The features are the ones event.c
computes in confidence(): whether the trigger is a verb, the number of
named parties (>= 2), of named persons (>= 2), a place, a time, a status
other than occurred, whether it is told in the article's first lines, and
whether the trigger is a reception (استقبل). A logistic regression is fitted by gradient descent
(standard library only) and its coefficients printed in the order of
confidence() in event.c, with a reliability table.
"""
import argparse
import json
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def load_scorer(gold_dir):
    tools = os.path.join(os.path.dirname(os.path.abspath(gold_dir.rstrip("/"))), "..", "tools")
    sys.path.insert(0, os.path.abspath(tools))
    import score  # noqa: E402  (shared/tools/score.py)
    return score


def trigger_classes(path, norm):
    cls = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#") or "\t" not in line:
                continue
            w, v = line.split("\t", 1)
            cls[norm(w)] = v.split()[0]
    return cls


VERBS = {"meet", "receive", "visit", "discuss"}
LEAD = 300  # code points: an event told in the article's first lines (EVT_LEAD in event.c)


def features(ev, ents, tclass, norm):
    t = norm(ev["trigger"]["text"])
    c = tclass.get(t)
    if c is None and len(t) > 1 and t[0] in "وفبلس":
        c = tclass.get(t[1:])
    parts = [p for p in ev["participants"] if p.get("role") != "attendee"]
    nper = sum(1 for p in parts if ents.get(p["entity"]) == "PERSON")
    sent = ev.get("sentence") or {}
    return [1.0,
            1.0 if c in VERBS else 0.0,
            1.0 if len(parts) >= 2 else 0.0,
            1.0 if nper >= 2 else 0.0,
            1.0 if ev.get("location") else 0.0,
            1.0 if ev.get("time") else 0.0,
            1.0 if ev["status"] != "occurred" else 0.0,
            1.0 if sent.get("start", 10**9) < LEAD else 0.0,
            1.0 if c == "receive" else 0.0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("gold_dir")
    ap.add_argument("system_dir")
    ap.add_argument("--lexicon", default=os.path.join(HERE, "..", "..", "config", "lexicons",
                                                      "triggers.txt"))
    args = ap.parse_args()
    score = load_scorer(args.gold_dir)
    tclass = trigger_classes(args.lexicon, score.norm)
    X, y, served = [], [], []
    for fn in sorted(os.listdir(args.gold_dir)):
        sp = os.path.join(args.system_dir, fn)
        if not fn.endswith(".json") or not os.path.exists(sp):
            continue
        gold = json.load(open(os.path.join(args.gold_dir, fn), encoding="utf-8"))
        system = json.load(open(sp, encoding="utf-8"))
        stats = {t: score.PRF() for t in score.TYPES}
        mapping = score.match_entities(gold, system, stats)
        ents = {e["id"]: e["type"] for e in system.get("entities", [])}
        gmeet = gold.get("meetings", [])
        smeet = [e for e in system.get("events", []) if e.get("type") == "MEETING"]
        cands = []
        for i, g in enumerate(gmeet):
            gps = score.participants(g, mapping, True)
            for j, s in enumerate(smeet):
                sps = score.participants(s, mapping, False, g.get("attendees") or [])
                inter = len(gps & sps)
                if inter and inter / len(gps | sps) >= 0.5:
                    cands.append((inter / len(gps | sps), i, j))
        cands.sort(key=lambda c: -c[0])
        gi, sj, right = set(), set(), set()
        for jac, i, j in cands:
            if i in gi or j in sj:
                continue
            gi.add(i)
            sj.add(j)
            if gmeet[i].get("status") == smeet[j].get("status"):
                right.add(j)
        for j, s in enumerate(smeet):
            X.append(features(s, ents, tclass, score.norm))
            y.append(1.0 if j in right else 0.0)
            served.append(float(s.get("confidence") or 0.0))
    if not X:
        print("no events")
        return 1
    w = [0.0] * len(X[0])
    lam = 0.01
    for _ in range(4000):
        g = [0.0] * len(w)
        for xi, yi in zip(X, y):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, xi))))
            for k in range(len(w)):
                g[k] += (p - yi) * xi[k]
        for k in range(len(w)):
            w[k] -= 0.5 * (g[k] / len(X) + lam * w[k] * (k > 0))
    names = ["bias", "verb", "parties>=2", "persons>=2", "place", "time", "not-occurred",
             "lead", "receive"]
    print("coefficients:")
    for n, v in zip(names, w):
        print(f"  {n:14} {v:+.3f}")
    ps = [1 / (1 + math.exp(-sum(a * b for a, b in zip(w, xi)))) for xi in X]
    print(f"events: {len(X)}  right: {int(sum(y))}")
    for title, conf in (("refit model", ps), ("confidence in the responses", served)):
        print(title + ":")
        for lo, hi in [(0, .5), (.5, .7), (.7, .8), (.8, .9), (.9, 1.01)]:
            sel = [yi for p, yi in zip(conf, y) if lo <= p < hi]
            if sel:
                print(f"  confidence [{lo:.1f},{min(hi, 1):.1f}): {len(sel):4} events, "
                      f"{sum(sel) / len(sel):.2f} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
