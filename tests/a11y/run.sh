#!/bin/sh
# run.sh SCRIPT.py [ARGS...]: runs an AT-SPI test as a screen reader user's
# desktop would have it: an X display, a session bus of its own, the
# accessibility bus and a window manager, each waited for until it answers
# (never a fixed sleep), then /usr/bin/python3 SCRIPT.py ARGS.
#
# The display is the caller's ($DISPLAY, e.g. xvfb-run's), or an Xvfb of
# its own (tests/own-display.sh) when there is none or when
# LIAISON_A11Y_OWN_DISPLAY=1 (meson sets it, so that two of these tests can
# run at once).
#
# Only the script's TAP goes to stdout: the daemons, and whatever the
# session bus starts on demand (gnome-keyring-daemon prints its
# GNOME_KEYRING_CONTROL there), write to stderr.
set -eu

say() { printf 'run.sh: %s\n' "$*" >&2; }

# The X display: an Xvfb of its own, started (and stopped afterwards) by
# tests/own-display.sh, which then runs this script again on it.
if [ -z "${DISPLAY:-}" ] || [ "${LIAISON_A11Y_OWN_DISPLAY:-}" = 1 ]; then
  LIAISON_A11Y_OWN_DISPLAY= exec "$(dirname "$0")/../own-display.sh" "$0" "$@"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/liaison-a11y.XXXXXX")
pids=""
cleanup() {
  for pid in $pids; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $pids; do
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 143' TERM
trap 'exit 130' INT

# wait_until WHAT SECONDS COMMAND...: runs COMMAND every 0.1 s until it
# succeeds; fails, saying what it waited for, after SECONDS.
wait_until() {
  what=$1 limit=$2
  shift 2
  end=$(($(date +%s) + limit))
  until "$@" >"$work/probe" 2>&1; do
    if [ "$(date +%s)" -ge "$end" ]; then
      say "gave up after $limit s waiting for $what; the last try said:"
      cat "$work/probe" >&2
      return 1
    fi
    sleep 0.1
  done
}

wait_until "the X display $DISPLAY to take a client" 30 xdpyinfo

# A session bus of our own, whose daemon's output (and so that of the
# services it starts) goes to stderr.
dbus-daemon --session --nofork --nopidfile --print-address=3 \
  3>"$work/bus" >&2 </dev/null &
pids="$pids $!"
wait_until "the session bus to give its address" 30 test -s "$work/bus"
DBUS_SESSION_BUS_ADDRESS=$(head -n 1 "$work/bus")
export DBUS_SESSION_BUS_ADDRESS
unset AT_SPI_BUS_ADDRESS

# The accessibility bus, and its registry that the script talks to.
/usr/libexec/at-spi-bus-launcher --launch-immediately >&2 </dev/null &
pids="$pids $!"
wait_until "the accessibility bus's launcher on the session bus" 30 sh -c \
  'dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
     org.freedesktop.DBus.NameHasOwner string:org.a11y.Bus | grep -q "boolean true"'
a11y_bus=$(dbus-send --session --print-reply=literal --dest=org.a11y.Bus /org/a11y/bus \
  org.a11y.Bus.GetAddress | tr -d ' ')
wait_until "the accessibility registry" 30 dbus-send --bus="$a11y_bus" --print-reply \
  --dest=org.a11y.atspi.Registry /org/a11y/atspi/accessible/root \
  org.freedesktop.DBus.Properties.Get string:org.a11y.atspi.Accessible string:ChildCount

# Focus and dialog placement behave as on a desktop with a window manager:
# started, and managing the screen, before the app.
openbox >&2 </dev/null &
pids="$pids $!"
wait_until "openbox to manage the screen" 30 sh -c \
  'xprop -root _NET_SUPPORTING_WM_CHECK | grep -q "window id"'

status=0
/usr/bin/python3 "$@" || status=$?
exit $status
