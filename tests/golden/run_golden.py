#!/usr/bin/env python3
"""Golden test of the whole pipeline on one hand-written article.

usage: run_golden.py LIQA CASE_DIR NAME [update]

Runs `LIQA extract --published DATE CASE_DIR/NAME.txt` (DATE from the first
line `# published: YYYY-MM-DD` of NAME.args, if present) and compares the
JSON, keys sorted and indented, with CASE_DIR/NAME.json. With `update` the
expected file is rewritten instead; review the diff before committing it.
"""
import json
import os
import subprocess
import sys


def canonical(data):
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n"


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        return 99
    liqa, case_dir, name = sys.argv[1:4]
    update = len(sys.argv) > 4 and sys.argv[4] == "update"
    args = []
    args_path = os.path.join(case_dir, name + ".args")
    if os.path.exists(args_path):
        with open(args_path, encoding="utf-8") as f:
            args = [a for a in f.read().split() if a]
    cmd = [liqa, "extract", *args, os.path.join(case_dir, name + ".txt")]
    proc = subprocess.run(cmd, capture_output=True, timeout=120)
    if proc.returncode != 0:
        print(f"{' '.join(cmd)}: exit {proc.returncode}\n{proc.stderr.decode()}", file=sys.stderr)
        return 1
    got = canonical(json.loads(proc.stdout))
    expected_path = os.path.join(case_dir, name + ".json")
    if update:
        with open(expected_path, "w", encoding="utf-8") as f:
            f.write(got)
        print(f"wrote {expected_path}")
        return 0
    with open(expected_path, encoding="utf-8") as f:
        expected = f.read()
    if got == expected:
        return 0
    import difflib
    sys.stdout.writelines(difflib.unified_diff(
        expected.splitlines(True), got.splitlines(True), expected_path, "liqa extract"))
    return 1


if __name__ == "__main__":
    sys.exit(main())
