#!/usr/bin/python3
"""check-house.py: the house rules of docs/architecture.md, checked on the
source tree (and, when given, on the built liaison-hq):

- no non-test .c file over 800 lines;
- every .c file defines G_LOG_DOMAIN;
- no include circle between jobs (a job is liaison-foo.c with its
  liaison-foo.h, and the files that share its liaison-foo-private.h: the
  facets of one object split across files, as the store's);
- no include arrow back up the layers (the LAYERS table below);
- liaison-hq calls the station store (liaison_store_) from
  sync/hq/quarter/ alone: `liaison-hq quarter close` scores a quarter
  through a scratch headquarters desk, so that the one gathering and
  scoring code serves the desk and the server alike; no other code of the
  server touches the station's store (its objects are checked with nm).

Usage: check-house.py SOURCE_ROOT [LIAISON_HQ_BINARY]; prints TAP.
With --report it prints the counts only, for the notes.
"""
import os
import re
import subprocess
import sys

MAX_LINES = 800
INCLUDE = re.compile(r'^\s*#\s*include\s+"(liaison-[a-z0-9-]+)\.h"', re.M)

# What each folder may include, besides itself. ui/main.c sees everything.
LAYERS = {
    "app/model": [],
    "app/privacy": ["app/model"],
    "app/duty": ["app/model"],
    "app/csv": [],
    "app/xlsx": ["app/model", "app/csv"],
    "app/pdf": [],
    "app/db": [],
    "app/pin": [],
    "app/wire": ["app/model", "app/duty"],
    "app/files": ["app/model", "app/wire"],
    "app/store": ["app/model", "app/privacy", "app/duty", "app/wire", "app/files", "app/db", "app/csv", "app/pin"],
    "app/record": ["app/model", "app/privacy", "app/duty", "app/files", "app/pdf", "app/wire", "app/db", "app/store"],
    "app/report": ["app/model", "app/privacy", "app/duty", "app/files", "app/pdf", "app/wire", "app/db", "app/store"],
    "app/publish": ["app/model", "app/privacy", "app/duty", "app/files", "app/wire", "app/db", "app/store", "app/report"],
    "app/demo": ["app/model", "app/privacy", "app/duty", "app/files", "app/wire", "app/db", "app/store"],
    "app/print": ["app/model", "app/privacy", "app/duty", "app/files", "app/pdf", "app/wire", "app/db", "app/store"],
    "app/io": ["app/model", "app/privacy", "app/duty", "app/files", "app/csv", "app/xlsx", "app/pdf", "app/wire", "app/db", "app/store", "app/record",
               "app/report", "app/demo", "app/print"],
    "sync": ["app/model", "app/privacy", "app/duty", "app/files", "app/csv", "app/xlsx", "app/pdf", "app/wire", "app/db", "app/store", "app/record",
             "app/report", "app/io", "app/demo", "app/print"],
    "sync/hq": ["app/model", "app/privacy", "app/duty", "app/csv", "app/wire", "app/db", "app/pin"],
    # `liaison-hq quarter close` and its scratch desk (see above).
    "sync/hq/quarter": ["app/model", "app/privacy", "app/duty", "app/csv", "app/wire", "app/files", "app/db", "app/store", "sync/hq"],
    "ui": ["app/model", "app/privacy", "app/duty", "app/pin", "app/files", "app/csv", "app/xlsx", "app/pdf", "app/wire", "app/db", "app/store", "app/record",
           "app/report", "app/publish", "app/io", "app/demo", "app/print", "sync"],
}


def sources(root):
    for top in ("app", "sync", "ui"):
        for folder, _, files in os.walk(os.path.join(root, top)):
            for name in sorted(files):
                if name.endswith((".c", ".h")):
                    yield os.path.join(folder, name)


def layer_of(root, path):
    rel = os.path.relpath(os.path.dirname(path), root)
    parts = rel.split(os.sep)
    if parts[0] == "ui":
        return "ui"
    if parts[0] == "sync":
        if len(parts) > 2 and parts[1] == "hq" and parts[2] == "quarter":
            return "sync/hq/quarter"
        return "sync/hq" if len(parts) > 1 and parts[1] == "hq" else "sync"
    return "/".join(parts[:2])


def module_of(path):
    base = os.path.basename(path).rsplit(".", 1)[0]
    return base[: -len("-private")] if base.endswith("-private") else base


def find_cycles(graph):
    """Strongly connected components with more than one module (Tarjan)."""
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(graph):
        if v not in index:
            visit(v)
    return result


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    report = "--report" in sys.argv
    root = args[0]
    hq = args[1] if len(args) > 1 else None

    files = list(sources(root))
    module_layer = {}
    for path in files:
        module_layer.setdefault(module_of(path), layer_of(root, path))
    # A file that includes foo-private.h is a facet of foo's job.
    job = {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for included in INCLUDE.findall(f.read()):
                if included.endswith("-private") and included[: -len("-private")] != module_of(path):
                    job[module_of(path)] = included[: -len("-private")]
    def job_of(module):
        seen = set()
        while module in job and module not in seen:
            seen.add(module)
            module = job[module]
        return module

    too_long, no_domain, upward = [], [], []
    graph = {}
    for path in files:
        rel = os.path.relpath(path, root)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if path.endswith(".c"):
            lines = text.count("\n")
            if lines > MAX_LINES:
                too_long.append("%s (%d lines)" % (rel, lines))
            if "#define G_LOG_DOMAIN" not in text:
                no_domain.append(rel)
        mine = module_of(path)
        here = layer_of(root, path)
        for included in INCLUDE.findall(text):
            if included.endswith("-private"):
                included = included[: -len("-private")]
            if included == mine or included not in module_layer:
                continue
            if job_of(included) != job_of(mine):
                graph.setdefault(job_of(mine), set()).add(job_of(included))
            there = module_layer[included]
            if rel == os.path.join("ui", "main.c") or there == here:
                continue
            # liaison-hq's main.c hands `quarter` to its folder.
            if rel == os.path.join("sync", "hq", "main.c") and there == "sync/hq/quarter":
                continue
            if there not in LAYERS.get(here, []):
                upward.append("%s includes %s.h (%s → %s)" % (rel, included, here, there))

    cycles = find_cycles(graph)
    store_symbols = []
    if hq is not None:
        # The objects of liaison-hq's main.c and of its library, beside
        # the binary (meson's NAME.p folders); sync/hq/quarter's are in
        # their own folder below, and may call the station store.
        folder = os.path.dirname(hq)
        objects = sorted(os.path.join(folder, d, o) for d in os.listdir(folder) if d.endswith(".p")
                         for o in os.listdir(os.path.join(folder, d)) if o.endswith(".o"))
        if not objects:
            store_symbols = ["no object files found beside %s" % hq]
        for obj in objects:
            out = subprocess.run(["nm", "-u", obj], capture_output=True, text=True, check=True).stdout
            store_symbols += ["%s: %s" % (os.path.basename(obj), l.split()[-1]) for l in out.splitlines()
                              if re.search(r" U liaison_store_", l)]

    if report:
        print("non-test .c files over %d lines: %d" % (MAX_LINES, len(too_long)))
        print("include circles: %d" % len(cycles))
        print("arrows back up the layers: %d" % len(upward))
        print("files without G_LOG_DOMAIN: %d" % len(no_domain))
        if hq is not None:
            print("liaison_store_ calls in liaison-hq outside sync/hq/quarter: %d" % len(store_symbols))
        return 0

    checks = [
        ("no non-test .c file is over %d lines" % MAX_LINES, too_long),
        ("every .c file defines G_LOG_DOMAIN", no_domain),
        ("no include circle between jobs", [" → ".join(c) for c in cycles]),
        ("no include arrow points back up the layers", upward),
    ]
    if hq is not None:
        checks.append(("liaison-hq calls liaison_store_ from sync/hq/quarter/ alone", store_symbols))
    print("1..%d" % len(checks))
    failed = 0
    for n, (name, problems) in enumerate(checks, 1):
        if problems:
            failed += 1
            print("not ok %d - %s" % (n, name))
            for p in problems:
                print("# %s" % p)
        else:
            print("ok %d - %s" % (n, name))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
