#!/usr/bin/python3
"""A follow-up list exported from headquarters' Follow-up page, driven over
AT-SPI in zh_CN.

Makes a demo city at headquarters with `liaison demo --hq`. On the page
跟踪督办, the 已逾期 (Overdue) section's button is named 导出“已逾期”…;
clicking it asks whether to include full contacts (含完整联系方式, every
control named), then 导出(E)… opens the file chooser, offering 已逾期
DATE.xlsx, which is given a .xlsx file and accepted with 导出(E). The workbook, read back with
openpyxl (Debian's python3-openpyxl), must hold what `liaison export
--list overdue` (the core's export) writes to CSV for the same list: the
same headers and the same rows, the times and due dates datetimes, the
days overdue numbers, every phone masked, nothing in the access log. A
second export with 含完整联系方式 switched on waits for a reason, and
writes one export_contacts entry to the access log (访问日志) with it.
With LIAISON_SHOOT_DIR set, the
page and the chooser are also photographed there (the docs' screenshots).
run.sh gives it a bus.
"""
import csv
import datetime
import os
import re
import subprocess
import sys
import tempfile
import time

import sqlite3

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, app_env, audit, choose_file, click, do_action,  # noqa: E402
                           find, find_all, liaison_bin, new_window, run_cli, set_text, text_of,
                           texts_under, wait_for)

tap = TAP()
BUTTON = "导出“已逾期”…"


def core_rows(db, out):
    """The header and rows of the core's CSV export of the list."""
    subprocess.run([liaison_bin(), "export", "--database", db, "--list", "overdue", out],
                   env=app_env(), check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def access_log(db):
    """The desk's access log, read-only: (kind, reason, n_contacts) rows."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute("SELECT kind, reason, n_contacts FROM access_log ORDER BY at").fetchall()
    finally:
        con.close()


def contacts_dialog(app, before, reason=None):
    """The dialog Export… opens: named; with @reason, Include Full Contacts
    switched on and the reason typed; then 导出(E)…"""
    dialog = new_window(app, before, "the contacts dialog")
    switch = find(dialog, "check box", "含完整联系方式")
    checked, offenders = audit(dialog)
    if reason is not None:
        do_action(switch, switch.queryAction().getName(0))
        export = find(dialog, "push button", "导出(E)…")
        wait_for("Export held for a reason",
                 lambda: not export.getState().contains(__import__("pyatspi").STATE_SENSITIVE))
        set_text(find(dialog, "text", "原因"), reason)
    before = app.windows()
    click(dialog, "push button", "导出(E)…")
    return dialog.name, checked, offenders, before


def text(v):
    if v is None:
        return ""
    if isinstance(v, datetime.datetime):
        return v.strftime("%Y-%m-%d %H:%M") if (v.hour, v.minute) != (0, 0) else v.strftime("%Y-%m-%d")
    if isinstance(v, (int, float)):
        return "%g" % v
    return v


def shoot(name):
    out = os.environ.get("LIAISON_SHOOT_DIR")
    if out:
        time.sleep(1)
        subprocess.run(["import", "-window", "root", os.path.join(out, name)], check=True)


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-follow-up-export-")
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "300")
    table = core_rows(db, os.path.join(tmp, "core.csv"))
    tap.note(f"{len(table) - 1} overdue suggestions in the core's export")
    tap.case(len(table) > 1, "the demo city has overdue suggestions")

    path = os.path.join(tmp, "逾期清单.xlsx")
    app = App(db)
    w = app.main_window()
    try:
        click(w, "page tab", "跟踪督办")
        button = find(w, "push button", BUTTON)
        tap.case(button is not None, f"the Overdue section's button is named {BUTTON}")
        try:
            button.grabFocus()
        except Exception:  # noqa: BLE001 — focus only scrolls it into view for the picture
            pass
        shoot("follow-up-export-zh_CN.png")
        before = app.windows()
        click(w, "push button", BUTTON)
        name, checked, offenders, before = contacts_dialog(app, before)
        tap.case(name == "导出清单" and not offenders,
                 "Export… first asks whether to include full contacts, every control named",
                 [f"{name}: {checked} controls", str(offenders)])
        chooser = new_window(app, before, "the file chooser")
        offered = wait_for("the file name offered",
                           lambda: [text_of(n) for n in find_all(chooser, role="text")
                                    if re.fullmatch(r"已逾期 \d{4}-\d{2}-\d{2}\.xlsx", text_of(n))])
        tap.case(bool(offered), "the chooser offers 已逾期 DATE.xlsx", [str(offered)])
        shoot("follow-up-export-chooser-zh_CN.png")
        chooser = choose_file(app, before, path)
        click(chooser, "push button", "导出(E)")
        wait_for("the workbook on disk", lambda: os.path.exists(path) and os.path.getsize(path) > 0)
        time.sleep(1)
        errors = [t for win in app.windows() for t in texts_under(win) if "无法导出" in t]
        tap.case(not errors, "no error dialog", [str(errors)])

        book = openpyxl.load_workbook(path)
        sheet = book.active
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        tap.case(book.sheetnames == ["已逾期"] and sheet.freeze_panes == "A2"
                 and all(c.font.b for c in sheet[1]),
                 "one sheet named for the list, its header bold and frozen",
                 [f"{book.sheetnames} {sheet.freeze_panes}"])
        tap.case(rows[0] == table[0] and rows[0][0] == "登记时间" and "逾期天数" in rows[0],
                 "the headers are the core's, in Chinese", [str(rows[0]), str(table[0])])
        cells = [[text(v) for v in r] for r in rows[1:]]
        tap.case(cells == table[1:], "every row is the core's list, cell for cell",
                 [f"workbook {a}\n#   core {b}" for a, b in zip(cells, table[1:]) if a != b][:3]
                 + [f"{len(cells)} rows in the workbook, {len(table) - 1} in the core's"])
        due, late, registered = (rows[0].index(h) for h in ("办理期限", "逾期天数", "登记时间"))
        types = {(type(r[registered]).__name__, type(r[due]).__name__, type(r[late]).__name__) for r in rows[1:]}
        tap.case(types == {("datetime", "datetime", "int")},
                 "registration times and due dates are dates, days overdue numbers", [str(types)])
        contact = rows[0].index("联系人")
        phones = [r[contact] for r in rows[1:] if r[contact]]
        naked = [str(v) for r in rows[1:] for v in r if v and re.search(r"\d{11}", str(v))]
        tap.case(not naked and all("****" in p for p in phones), "every phone is masked",
                 naked[:3] + phones[:3])
        tap.case(access_log(db) == [], "a masked export writes nothing to the access log", [str(access_log(db))])

        full = os.path.join(tmp, "逾期清单-完整.xlsx")
        before = app.windows()
        click(w, "push button", BUTTON)
        _, _, _, before = contacts_dialog(app, before, "电话回访逾期事项的群众")
        chooser = choose_file(app, before, full)
        click(chooser, "push button", "导出(E)")
        wait_for("the full workbook on disk", lambda: os.path.exists(full) and os.path.getsize(full) > 0)
        log = wait_for("the access log's entry", lambda: access_log(db))
        tap.case(log == [("export_contacts", "电话回访逾期事项的群众", log[0][2])],
                 "with full contacts and a reason, one export_contacts entry holds the reason", [str(log)])
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "the Follow-up page's export could be driven", [repr(e)])
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
