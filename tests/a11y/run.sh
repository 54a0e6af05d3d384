#!/bin/sh
# run.sh SCRIPT.py: runs an AT-SPI test in a session bus of its own, with
# the accessibility bus and a window manager started, on the X display the
# caller gives (./dev test runs meson under xvfb-run), or on a new Xvfb.
set -eu
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s '-screen 0 1366x768x24' "$0" "$@"
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
