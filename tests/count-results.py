#!/usr/bin/env python3
"""Counts test cases from meson's testlog.json, for ./dev test.

GLib tests speak TAP, so each test case counts, not each executable. A test
program that failed without reporting a failing case (a crash, a timeout)
counts one failure more.

  count-results.py TESTLOG.json LABEL   prints "LABEL PASSED FAILED SKIPPED"
  count-results.py --total FILE         sums such lines; the last line is
                                        "N passed, N failed[, N skipped]"
"""
import json
import re
import sys

TAP = re.compile(r"^(not ok|ok)\b(.*)$")


def count(path):
    passed = failed = skipped = 0
    try:
        lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
    except FileNotFoundError:
        return 0, 1, 0
    for line in lines:
        if not line.strip():
            continue
        entry = json.loads(line)
        result = entry.get("result", "")
        p = f = s = 0
        for out in (entry.get("stdout") or entry.get("stdo") or "").splitlines():
            m = TAP.match(out.strip())
            if not m:
                continue
            if "# SKIP" in m.group(2):
                s += 1
            elif m.group(1) == "ok":
                p += 1
            else:
                f += 1
        if p + f + s == 0:
            if result == "OK":
                p = 1
            elif result == "SKIP":
                s = 1
            else:
                f = 1
        elif result not in ("OK", "SKIP", "EXPECTEDFAIL") and f == 0:
            f = 1
        passed, failed, skipped = passed + p, failed + f, skipped + s
    return passed, failed, skipped


def main(argv):
    if len(argv) == 3 and argv[1] == "--total":
        passed = failed = skipped = 0
        for line in open(argv[2], encoding="utf-8"):
            label, p, f, s = line.split()
            print(f"{label}: {p} passed, {f} failed, {s} skipped")
            passed, failed, skipped = passed + int(p), failed + int(f), skipped + int(s)
        tail = f", {skipped} skipped" if skipped else ""
        print(f"{passed} passed, {failed} failed{tail}")
        return 0
    if len(argv) == 3:
        p, f, s = count(argv[1])
        print(f"{argv[2]} {p} {f} {s}")
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
