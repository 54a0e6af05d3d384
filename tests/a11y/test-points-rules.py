#!/usr/bin/python3
"""Headquarters sets the duty points rules, over AT-SPI.

Starts the real app (LIAISON_BIN) on a headquarters demo desk in zh_CN,
opens 履职积分规则 from the main menu, checks that every control of the
dialog has a name (each rule's row and spin button named after the rule),
sets research (参加调研) to 4 points, saves, and opens the dialog again to
find 4 there. The rule set it wrote waits in the desk's database to be
pushed. run.sh gives it a bus.
"""
import datetime
import json
import os
import sqlite3
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, click, close_window, find, new_window,  # noqa: E402
                           run_cli, text_of, wait_for, wait_laid_out)

tap = TAP()
TITLE = "履职积分规则"


def next_quarter_start():
    today = datetime.date.today()
    quarter = (today.month - 1) // 3 + 1
    if quarter == 4:
        return f"{today.year + 1:04d}-01-01"
    return f"{today.year:04d}-{quarter * 3 + 1:02d}-01"


def open_dialog(app, window):
    before = app.windows()
    click(window, "push button", "主菜单")
    click(window, "menu item", "履职积分规则(P)…")
    dialog = new_window(app, before, "the points rules dialog")
    wait_for("its rows", lambda: find(dialog, "spin button", "参加调研", timeout=1))
    return dialog


def spin_value(node):
    try:
        return node.queryValue().currentValue
    except NotImplementedError:
        return float(text_of(node))


def set_spin(node, value):
    try:
        node.queryValue().currentValue = value
    except NotImplementedError:
        pass
    if abs(spin_value(node) - value) > 1e-9:
        editable = node.queryEditableText()
        count = node.queryText().characterCount
        if count:
            editable.deleteText(0, count)
        text = f"{value:g}"
        editable.insertText(0, text, len(text))


def main():
    with tempfile.TemporaryDirectory(prefix="liaison-points-rules-") as tmp:
        db = os.path.join(tmp, "hq.db")
        run_cli("demo", "--hq", "--database", db, "--receptions", "20")
        app = App(db)
        try:
            window = app.main_window()
            dialog = open_dialog(app, window)
            wait_laid_out(dialog, "the points rules dialog")
            checked, offenders = audit(dialog)
            tap.case(not offenders and checked >= 20, "every control of the dialog has a name",
                     [f"{checked} controls checked"] +
                     [f"{role} {name!r}: {problem} at {path}" for role, name, problem, path in offenders])

            date_entry = find(dialog, "text", "施行日期（年-月-日）")
            research = find(dialog, "spin button", "参加调研")
            cap = find(dialog, "spin button", "每季度计分的接待群众次数")
            tap.case(text_of(date_entry) == next_quarter_start() and spin_value(research) == 3
                     and spin_value(cap) == 20,
                     "it opens on next quarter, with the default set",
                     [f"date {text_of(date_entry)!r}, research {spin_value(research)}, cap {spin_value(cap)}"])

            set_spin(research, 4)
            wait_for("research at 4", lambda: spin_value(research) == 4)
            click(dialog, "push button", "保存(S)")
            app.wait_window_gone(TITLE)
            with sqlite3.connect(db) as conn:
                rows = conn.execute("SELECT effective_from, sync_state, data FROM points_rules").fetchall()
            ok = (len(rows) == 1 and rows[0][0] == next_quarter_start() and rows[0][1] == 1
                  and json.loads(rows[0][2])["points"]["research"] == 4)
            tap.case(ok, "saved: a rule set from next quarter with research 4, waiting to be pushed",
                     [repr(rows)])

            dialog = open_dialog(app, window)
            research = find(dialog, "spin button", "参加调研")
            tap.case(spin_value(research) == 4, "opened again, it shows research 4",
                     [f"research {spin_value(research)}"])
            close_window(app, dialog)
        except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails
            tap.case(False, "points rules dialog driven", [repr(e)])
        finally:
            app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
