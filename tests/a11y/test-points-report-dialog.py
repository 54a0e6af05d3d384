#!/usr/bin/python3
"""The quarterly points report from a headquarters desk, driven over AT-SPI.

Makes a demo city at headquarters with `liaison demo --hq`; in the real app
in zh_CN, the main menu's 季度积分通报… opens the dialog; the quarter two
before this one is picked in its 季度 row by keyboard (the dialog offers
the last one over first); 保存… opens the file chooser, which is given a
.xlsx file. The workbook, read back with openpyxl (Debian's
python3-openpyxl), must be the picked quarter's: its sheet and title name
the quarter, and every deputy's group, rank, name, points and duty days
are those `liaison points` (the core's report) writes to CSV for that
quarter, the ranks, points and days numbers, not text. run.sh gives it a
bus.
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile
import time

import openpyxl

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, app_env, choose, choose_file, click,  # noqa: E402
                           liaison_bin, new_window, run_cli, texts_under, wait_for)

ORDINALS = "一二三四"
tap = TAP()


def quarter_before(year, quarter, n):
    """The quarter @n before (@year, @quarter)."""
    index = year * 4 + (quarter - 1) - n
    return index // 4, index % 4 + 1


def core_rows(db, code, out):
    """[(group, rank, name, points, duty days)] of the core's CSV report."""
    subprocess.run([liaison_bin(), "points", "--database", db, "--quarter", code, out],
                   env=app_env(), check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(io.StringIO(f.read())))
    found = []
    for row in rows[2:]:
        if not row:
            break  # a closed quarter's section follows
        if row[1]:  # not 小组合计, 小组平均
            found.append((row[0], int(row[1]), row[2], float(row[3]), int(row[4])))
    return found


def workbook_rows(path):
    """The sheet's title, its first cell and its deputies' rows, each
    (group, rank, name, points, duty days) with the types openpyxl read."""
    sheet = openpyxl.load_workbook(path).active
    rows, types = [], set()
    for row in sheet.iter_rows(min_row=3, values_only=True):
        if all(c is None for c in row):
            break
        if row[1] is None:
            continue
        rows.append((row[0], int(row[1]), row[2], float(row[3]), int(row[4])))
        types.update(type(c).__name__ for c in (row[1], row[3], row[4]))
    return sheet.title, sheet.cell(1, 1).value, rows, types


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-points-report-")
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "300")

    today = datetime.date.today()
    year, quarter = quarter_before(today.year, (today.month - 1) // 3 + 1, 2)
    code = f"{year}Q{quarter}"
    label = f"{year}年第{ORDINALS[quarter - 1]}季度"
    expected = core_rows(db, code, os.path.join(tmp, "core.csv"))
    tap.note(f"{code}: {len(expected)} deputies in the core's report")
    tap.case(len(expected) > 0 and any(r[3] > 0 for r in expected),
             "the core's report of the quarter has deputies with points")

    path = os.path.join(tmp, "积分通报.xlsx")
    app = App(db)
    w = app.main_window()
    try:
        before = app.windows()
        click(w, "push button", "主菜单")
        click(w, "menu item", "季度积分通报(Q)…")
        dialog = new_window(app, before, "the points report dialog")
        choose(dialog, "季度", label)
        before = app.windows()
        click(dialog, "push button", "保存(S)…")
        chooser = choose_file(app, before, path)
        click(chooser, "push button", "保存(S)")
        wait_for("the workbook on disk", lambda: os.path.exists(path) and os.path.getsize(path) > 0)
        time.sleep(1)
        errors = [t for win in app.windows() for t in texts_under(win) if "无法保存" in t]
        tap.case(not errors, "no error dialog", [str(errors)])

        title, heading, rows, types = workbook_rows(path)
        tap.case(title == label and heading == f"{label} 代表履职积分通报",
                 "the workbook is the quarter picked", [f"sheet {title!r}, title {heading!r}"])
        tap.case(rows == expected, "every deputy's group, rank, name, points and days are the core's",
                 [f"{len(rows)} rows in the workbook, {len(expected)} in the core's report"]
                 + [f"workbook {a}, core {b}" for a, b in zip(rows, expected) if a != b][:5])
        tap.case(types <= {"int", "float"}, "ranks, points and days are numbers", [str(types)])
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "the points report dialog could be driven", [repr(e)])
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
