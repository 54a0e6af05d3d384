#!/bin/sh
# own-display.sh COMMAND [ARGS...]: runs COMMAND on an Xvfb of its own, so
# that the GTK tests, each of which shows real windows and moves the focus
# among them, can run beside each other as they could not on one shared
# display. Xvfb picks a free display itself (-displayfd), runs without
# access control (no -auth: local clients only, as -nolisten tcp leaves)
# and never resets (-noreset: a server resetting as its last client
# leaves refuses the next one a moment). tests/a11y/run.sh runs itself
# through it too.
set -eu

say() { printf 'own-display.sh: %s\n' "$*" >&2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/liaison-display.XXXXXX")
xvfb=""
cleanup() {
  if [ -n "$xvfb" ]; then
    kill "$xvfb" 2>/dev/null || true
    wait "$xvfb" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

mkfifo "$work/displayfd"
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp -noreset \
  3>"$work/displayfd" >"$work/xvfb.log" 2>&1 &
xvfb=$!
# Xvfb writes the number once it listens, and closes the pipe if it fails.
number=$(head -n 1 "$work/displayfd" || true)
if [ -z "$number" ]; then
  say "Xvfb started no display:"
  cat "$work/xvfb.log" >&2
  exit 1
fi
DISPLAY=:$number
export DISPLAY
# A cookie file (xvfb-run's) has nothing for this server, which asks none.
unset XAUTHORITY

status=0
"$@" || status=$?
exit $status
