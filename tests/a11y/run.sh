#!/bin/sh
# run.sh SCRIPT.py: runs an AT-SPI test in a session bus of its own, with
# the accessibility bus and a window manager started, on the X display the
# caller gives, or on an Xvfb of its own when there is none or when
# LIAISON_A11Y_OWN_DISPLAY=1 (meson sets it, so that it can run several of
# these tests at once). Xvfb picks a free display itself (-displayfd), which
# two tests starting together cannot both take.
set -eu
if [ -z "${DISPLAY:-}" ] || [ "${LIAISON_A11Y_OWN_DISPLAY:-}" = 1 ]; then
  dir=$(mktemp -d)
  trap 'kill "$xvfb" 2>/dev/null || true; rm -rf "$dir"' EXIT
  mkfifo "$dir/display"
  Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$dir/display" >/dev/null 2>&1 &
  xvfb=$!
  read -r number <"$dir/display"
  status=0
  LIAISON_A11Y_OWN_DISPLAY=0 DISPLAY=:$number "$0" "$@" || status=$?
  exit $status
fi
if [ -z "${LIAISON_A11Y_SESSION:-}" ]; then
  LIAISON_A11Y_SESSION=1 exec dbus-run-session -- "$0" "$@"
fi
/usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
bus=$!
# Focus and dialog placement behave as on a desktop with a window manager.
openbox >/dev/null 2>&1 &
wm=$!
trap 'kill $bus $wm 2>/dev/null || true' EXIT
sleep 1
status=0
/usr/bin/python3 "$@" || status=$?
exit $status
