#!/usr/bin/env bash
# test-bench-pouchdb.sh HQ BENCH_SYNC: the sync benchmark's PouchDB
# baseline (bench-pouchdb.js, beside this file) on a few receptions, the
# way tests/bench/run drives it: bench-sync pushes 200 receptions to a
# real liaison-hq, bench-pouchdb.js reads them back from its database as
# documents, then PouchDB pushes them to express-pouchdb, pulls them into
# a new database and syncs with nothing to do. Needs node and the npm
# packages (./dev installs both); offline. Prints TAP.
set -u
hq=$1 bench_sync=$2
here=$(cd "$(dirname "$0")" && pwd)
n=200
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export LIAISON_NO_KEYRING=1 XDG_CONFIG_HOME=$work/config

echo "1..3"
t=0 failed=0
ok() { t=$((t + 1)); echo "ok $t - $1"; }
not_ok() { t=$((t + 1)); echo "not ok $t - $1"; failed=1; }
value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }

mkdir -p "$work/sync"
if "$bench_sync" throughput "$hq" "$work/sync" "$n" >"$work/throughput.out" 2>"$work/throughput.err" &&
   [ "$(value push-records "$work/throughput.out")" = "$n" ]; then
  ok "bench-sync pushed $n receptions to liaison-hq"
else
  cat "$work/throughput.err" >&2
  not_ok "bench-sync pushed $n receptions to liaison-hq"
fi

# Each document: the record's uuid as _id, its kind, and its data with
# the generator's Chinese summary and a visitor.
if node "$here/bench-pouchdb.js" docs "$work/sync/hq/hq.db" >"$work/docs.jsonl" &&
   python3 - "$work/docs.jsonl" "$n" <<'PYEOF'
import json, sys
docs = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8")]
assert len(docs) == int(sys.argv[2]), f"{len(docs)} documents"
assert len({d["_id"] for d in docs}) == len(docs), "duplicate _id"
for d in docs:
    assert d["kind"] == "reception", d
    assert d["data"]["summary"].startswith("反映"), d["data"]["summary"]
    assert d["data"]["visitors"][0]["phone"].startswith("139"), d["data"]["visitors"]
PYEOF
then
  ok "bench-pouchdb.js docs read the $n receptions as documents"
else
  not_ok "bench-pouchdb.js docs read the $n receptions as documents"
fi

o=$work/pouchdb.out
if node "$here/bench-pouchdb.js" "$work/docs.jsonl" "$work/pouchdb" 3 >"$o" &&
   [ "$(value push-docs "$o")" = "$n" ] && [ "$(value pull-docs "$o")" = "$n" ] &&
   [ -n "$(value push-back-seconds "$o")" ] &&
   [ "$(value idle-big-docs "$o")" = "$n" ] && [ -n "$(value idle-big-median "$o")" ] &&
   [ -n "$(value idle-small-median "$o")" ]; then
  ok "PouchDB pushed, pulled and synced with nothing to do"
else
  cat "$o" >&2
  not_ok "PouchDB pushed, pulled and synced with nothing to do"
fi
exit $failed
