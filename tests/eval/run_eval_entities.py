#!/usr/bin/env python3
"""Runs liqa-eval-entities on the first 50 sentences of the ANERcorp test
split, sentence by sentence, in documents of 15 sentences and with the
tagger alone, and checks each run prints a sane score table, the same one
twice (the tool is deterministic).

usage: run_eval_entities.py LIQA_EVAL_ENTITIES

Exit 77 (skip) when LIQA_SHARED_DIR or the corpus is absent. Standard
library only.
"""
import os
import re
import subprocess
import sys

ROW = re.compile(r"^(micro|PER|ORG|LOC)\s+(\d+)\s+(\d+)\s+(\d+)\s+"
                 r"(\d+\.\d\d)\s+(\d+\.\d\d)\s+(\d+\.\d\d)$", re.M)


def main():
    tool = sys.argv[1]
    src = os.environ.get("LIQA_SOURCE_DIR", "")
    shared = os.environ.get("LIQA_SHARED_DIR", "")
    corpus = os.path.join(shared, "data", "anercorp-camel", "test.txt")
    if not shared or not os.path.isfile(corpus):
        print("skip: no ANERcorp test split under LIQA_SHARED_DIR")
        return 77
    base = [tool, "--lexicons", os.path.join(src, "config", "lexicons"),
            "--model", os.path.join(src, "model", "ner.model"),
            "--test", "anercorp:" + corpus, "--sentences", "50"]
    failures = 0
    for extra in ([], ["--doc", "15"], ["--tagger"]):
        outs = []
        for _ in range(2):
            r = subprocess.run(base + extra, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, timeout=50)
            if r.returncode != 0:
                print("FAIL %s: exit %d\n%s" % (extra, r.returncode, r.stderr))
                return 1
            outs.append(r.stdout)
        out = outs[0]
        rows = {m.group(1): [float(x) for x in m.groups()[1:]] for m in ROW.finditer(out)}
        ok = (set(rows) == {"micro", "PER", "ORG", "LOC"}
              and "test anercorp:" in out and " 50 sentences," in out
              and "tokens/s" in out and "alignment:" in out)
        if ok:
            gold, found, correct, p, r_, f1 = rows["micro"]
            ok = (gold > 0 and found > 0 and 0 < correct <= min(gold, found)
                  and 0 < f1 <= 100
                  and gold == sum(rows[t][0] for t in ("PER", "ORG", "LOC")))
        # timing aside, the two runs print the same
        same = [l for l in outs[0].splitlines() if "tokens/s" not in l and "set-up" not in l] == \
               [l for l in outs[1].splitlines() if "tokens/s" not in l and "set-up" not in l]
        if not ok or not same:
            failures += 1
            print("FAIL %s (table ok: %s, deterministic: %s):\n%s" % (extra, ok, same, out))
        else:
            print("ok %s: micro F1 %.2f" % (" ".join(extra) or "sentences", rows["micro"][5]))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
