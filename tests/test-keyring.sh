#!/bin/sh
# test-keyring.sh: the station key in a real GNOME keyring, and in a 0600
# file when no keyring runs. Runs itself again inside dbus-run-session, so
# each half gets its own session bus; HOME and XDG_* point into a temporary
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
  if [ "$mode" = keyring ]; then
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
  hq=$dir/hq
  code=$("$LIAISON_HQ_BIN" station add --data-dir "$hq" "$mode-station" | tail -n 1)
  "$LIAISON_HQ_BIN" serve --data-dir "$hq" --listen 127.0.0.1:0 > "$dir/$mode-serve.log" 2>&1 &
  server=$!
  url=
  for i in $(seq 100); do
    url=$(sed -n 's/.*liaison-hq listening on \(http[^ ]*\).*/\1/p' "$dir/$mode-serve.log" | head -n 1)
    [ -n "$url" ] && break
    sleep 0.1
  done
  db=$dir/$mode.db
  out=$("$LIAISON_BIN" enroll --database "$db" --server "$url" --code "$code" 2>&1)
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
  else
    check "file: enroll says the key is in a file and no keyring runs" \
      'echo "$out" | grep -q "kept in the file .*station-key-.*no keyring is running"'
    check "file: exactly one key file under the config folder" '[ $(echo "$files" | grep -c .) -eq 1 ]'
    check "file: the key file is mode 0600" '[ "$(stat -c %a $files)" = 600 ]'
    check "file: the key file holds a key" '[ -s "$files" ]'
  fi
  out=$("$LIAISON_BIN" sync --database "$db" 2>&1)
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

echo "1..18"
"$LIAISON_HQ_BIN" init --data-dir "$dir/hq" > /dev/null
dbus-run-session -- "$0" --in-session keyring "$dir" 1
a=$?
dbus-run-session -- "$0" --in-session file "$dir" "$(cat "$dir/next")"
b=$?
[ $a -eq 0 ] && [ $b -eq 0 ]
