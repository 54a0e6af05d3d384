#!/bin/sh
# test-keyring.sh: the station key in a real GNOME keyring, and in a 0600
# file when no keyring runs or the keyring is locked. Runs itself again
# inside dbus-run-session, so each part gets its own session bus; HOME and XDG_* point into a temporary
# folder, so the user's own keyring and config are never touched.
# Needs: LIAISON_BIN, LIAISON_HQ_BIN; prints TAP.
set -u

if [ "${1:-}" = "--in-session" ]; then
  mode=$2
  dir=$3
  n=$4
  unset LIAISON_NO_KEYRING
  # A config folder per half, so each sees only its own key file.
  export XDG_CONFIG_HOME=$dir/$mode-config
  mkdir -p "$XDG_CONFIG_HOME"
  ok() { echo "ok $n - $1"; n=$((n + 1)); }
  fail() { echo "not ok $n - $1"; n=$((n + 1)); failed=1; }
  check() { if eval "$2"; then ok "$1"; else fail "$1"; fi; }
  failed=0
  if [ "$mode" != file ]; then
    # A throwaway password unlocks a new login keyring in $XDG_DATA_HOME.
    eval "$(printf pw | gnome-keyring-daemon --unlock --components=secrets)"
    # Wait until the daemon owns the Secret Service name.
    for i in $(seq 50); do
      dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null \
        | grep -q 'boolean true' && break
      sleep 0.1
    done
  fi
  if [ "$mode" = locked ]; then
    # Lock the login keyring again, as after a screen lock or a resume.
    gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
      --method org.freedesktop.Secret.Service.Lock "['/org/freedesktop/secrets/collection/login']" > /dev/null
    locked=$(gdbus call --session --dest org.freedesktop.secrets \
      --object-path /org/freedesktop/secrets/collection/login \
      --method org.freedesktop.DBus.Properties.Get org.freedesktop.Secret.Collection Locked)
    check "locked: the login keyring is locked before enrolling" 'echo "$locked" | grep -q true'
  fi
  hq=$dir/hq
  code=$("$LIAISON_HQ_BIN" station add --data-dir "$hq" "$mode-station" | tail -n 1)
  : > "$dir/$mode-serve.log"
  "$LIAISON_HQ_BIN" serve --data-dir "$hq" --listen 127.0.0.1:0 > "$dir/$mode-serve.log" 2>&1 &
  server=$!
  url=
  for i in $(seq 100); do
    url=$(sed -n 's/.*liaison-hq listening on \(http[^ ]*\).*/\1/p' "$dir/$mode-serve.log" | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  db=$dir/$mode.db
  # A keyring prompt nobody answers must not hang the enrolment.
  out=$(timeout 60 "$LIAISON_BIN" enroll --database "$db" --server "$url" --code "$code" 2>&1)
  status=$?
  check "$mode: enroll succeeds" '[ $status -eq 0 ]'
  echo "$out" | sed 's/^/# /'
  files=$(find "$XDG_CONFIG_HOME" -type f -name 'station-key-*')
  if [ "$mode" = keyring ]; then
    check "keyring: enroll says the key is in the keyring" 'echo "$out" | grep -q "kept in the keyring"'
    found=$(secret-tool search --all xdg:schema org.liaison.Liaison.StationKey 2>&1)
    check "keyring: the key is in the keyring" 'echo "$found" | grep -q "^secret = ."'
    check "keyring: the key is in no file under the config folder" '[ -z "$files" ]'
    check "keyring: the keyring is the throwaway one in the temporary folder" \
      '[ -f "$XDG_DATA_HOME/keyrings/login.keyring" ]'
  elif [ "$mode" = locked ]; then
    check "locked: enroll says the key is in a file because the keyring is locked" \
      'echo "$out" | grep -q "kept in the file .*station-key-.*because the keyring is locked"'
    check "locked: exactly one key file under the config folder" '[ $(echo "$files" | grep -c .) -eq 1 ]'
    check "locked: the key file is mode 0600" '[ "$(stat -c %a $files)" = 600 ]'
    check "locked: the key file holds a key" '[ -s "$files" ]'
    items=$(gdbus call --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets \
      --method org.freedesktop.Secret.Service.SearchItems "{'xdg:schema': 'org.liaison.Liaison.StationKey', 'database': '$db'}")
    echo "# SearchItems: $items"
    check "locked: the keyring holds no key for this database" 'echo "$items" | grep -q "^(@ao \[\], @ao \[\])$"'
  else
    check "file: enroll says the key is in a file and no keyring runs" \
      'echo "$out" | grep -q "kept in the file .*station-key-.*no keyring is running"'
    check "file: exactly one key file under the config folder" '[ $(echo "$files" | grep -c .) -eq 1 ]'
    check "file: the key file is mode 0600" '[ "$(stat -c %a $files)" = 600 ]'
    check "file: the key file holds a key" '[ -s "$files" ]'
  fi
  out=$(timeout 60 "$LIAISON_BIN" sync --database "$db" 2>&1)
  status=$?
  check "$mode: sync succeeds" '[ $status -eq 0 ]'
  echo "$out" | sed 's/^/# /'
  token=$("$LIAISON_HQ_BIN" token list --data-dir "$hq" | grep "$mode-station" | awk '{print $1}' | head -n 1)
  "$LIAISON_HQ_BIN" token revoke --data-dir "$hq" "$token" > /dev/null
  status=$?
  check "$mode: revoke succeeds" '[ $status -eq 0 ]'
  out=$("$LIAISON_BIN" sync --database "$db" 2>&1)
  status=$?
  echo "$out" | sed 's/^/# /'
  check "$mode: the sync after revoke is refused" '[ $status -ne 0 ]'
  check "$mode: the refusal says headquarters no longer accepts the key" 'echo "$out" | grep -q "no longer accepts this station.s key; enroll again"'
  kill "$server" 2>/dev/null
  wait "$server" 2>/dev/null
  echo "$n" > "$dir/next"
  exit $failed
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/liaison-keyring-XXXXXX")
trap 'rm -rf "$dir"' EXIT
export HOME=$dir/home
export XDG_CONFIG_HOME=$dir/config XDG_DATA_HOME=$dir/data XDG_CACHE_HOME=$dir/cache
export XDG_RUNTIME_DIR=$dir/run
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export LANGUAGE=C LANG=C.UTF-8 LC_ALL=C.UTF-8

echo "1..29"
"$LIAISON_HQ_BIN" init --data-dir "$dir/hq" > /dev/null
dbus-run-session -- "$0" --in-session keyring "$dir" 1
a=$?
dbus-run-session -- "$0" --in-session file "$dir" "$(cat "$dir/next")"
b=$?
dbus-run-session -- "$0" --in-session locked "$dir" "$(cat "$dir/next")"
c=$?
[ $a -eq 0 ] && [ $b -eq 0 ] && [ $c -eq 0 ]
