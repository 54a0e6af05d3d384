#!/usr/bin/python3
"""Switch User to a deputy asks for the deputy's PIN, over AT-SPI in zh_CN.

Starts the real app (LIAISON_BIN) on a fresh station with the clerk's
roster. Switch User to a deputy with no PIN asks for a new one twice: two
PINs that differ are said and nothing changes; the same PIN twice switches.
Switch User to that deputy again asks for the PIN: a wrong one is said
with the tries left, the right one switches. With OUT_DIR as the first
argument, the set-PIN dialog's screenshot is written there. run.sh gives
it a bus.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, click, find, find_all, focus_by_tab, has_state, new_window,  # noqa: E402
                           press, set_text, set_up_clerk_station, wait_for)
import pyatspi  # noqa: E402

NEW_PIN = "新 PIN 码（6 位或以上数字）"
AGAIN = "再次输入新 PIN 码"
PIN = "PIN 码"


def entry(dialog, name):
    return find(dialog, pred=lambda n: n.name == name and n.getRoleName() in ("text", "password text", "entry"))


def showing(dialog, name):
    return any(has_state(n, pyatspi.STATE_VISIBLE)
               for n in find_all(dialog, pred=lambda n: n.name == name
                                 and n.getRoleName() in ("text", "password text", "entry")))


def switch_user(app, w, deputy=True):
    before = app.windows()
    click(w, "push button", "主菜单")
    click(w, "menu item", "切换用户(S)…")
    dialog = new_window(app, before, "Switch User")
    if deputy and not has_state(find(dialog, "check box", "代表"), pyatspi.STATE_CHECKED):
        focus_by_tab(dialog, lambda n: n.getRoleName() == "list item" and n.name == "代表")
        press("space")
        wait_for("代表 checked", lambda: has_state(find(dialog, "check box", "代表"), pyatspi.STATE_CHECKED))
    return dialog


def said(dialog, words):
    return any(words in (n.name or "") for n in find_all(dialog, role="label"))


def set_pin(app, w, out):
    dialog = switch_user(app, w)
    wait_for("the new PIN asked twice", lambda: showing(dialog, NEW_PIN) and showing(dialog, AGAIN))
    set_text(entry(dialog, NEW_PIN), "135790")
    set_text(entry(dialog, AGAIN), "135791")
    click(dialog, "push button", "切换(S)")
    wait_for("the two PINs differ, said", lambda: said(dialog, "两次输入的 PIN 码不一致"))
    assert dialog.name in [x.name for x in app.windows()], "the dialog closed on two PINs that differ"
    set_text(entry(dialog, NEW_PIN), "135790")
    set_text(entry(dialog, AGAIN), "135790")
    if out:
        time.sleep(1.5)
        subprocess.run(["import", "-window", "root", os.path.join(out, "deputy-pin-zh_CN.png")], check=True)
    click(dialog, "push button", "切换(S)")
    app.wait_window_gone(dialog.name)
    return ["a new PIN is asked twice; two that differ are said; the same twice switches"]


def enter_pin(app, w):
    dialog = switch_user(app, w)
    wait_for("the PIN asked once", lambda: showing(dialog, PIN) and not showing(dialog, AGAIN))
    set_text(entry(dialog, PIN), "000000")
    click(dialog, "push button", "切换(S)")
    wait_for("the wrong PIN, said with the tries left", lambda: said(dialog, "PIN 码错误。再错 4 次"))
    set_text(entry(dialog, PIN), "135790")
    click(dialog, "push button", "切换(S)")
    app.wait_window_gone(dialog.name)
    return ["the PIN is asked; a wrong one is said with the tries left; the right one switches"]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else None
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-deputy-pin-") as tmp:
        app = App(os.path.join(tmp, "station.db"))
        w = app.main_window()
        try:
            for what, step in (("the station and its roster", lambda: set_up_clerk_station(app, w, ledger=False) or []),
                               ("Switch User to a deputy with no PIN sets one", lambda: set_pin(app, w, out)),
                               ("Switch User to that deputy asks for the PIN", lambda: enter_pin(app, w))):
                try:
                    tap.case(True, what, step())
                except Exception as e:  # noqa: BLE001 — report
                    tap.case(False, what, repr(e).splitlines())
                    break
        finally:
            app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
