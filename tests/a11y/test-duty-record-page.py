#!/usr/bin/python3
"""A deputy's duty record page, driven over AT-SPI as a person would.

Makes a demo station with `liaison demo`, asks `liaison points` (the core's
quarterly report, the same points engine) for each quarter of this year,
and picks the deputy with the most points this quarter, who sits at the
desk. Then, in the real app in zh_CN: their own "我的履职" on the
Follow-up page shows their points; back, the Deputies page, a search for
that deputy, "履职记录"; the
figures the page shows (this quarter's and this year's points, duty days,
the group ranking) must be the core's; the points lines, all shown, must
add up to the total; every control on the page has a name; and
"保存履职档案" writes a PDF through the file chooser whose text, read back
with pdftotext, holds the deputy's name. run.sh gives it a bus.
"""
import csv
import datetime
import io
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, choose_file, click, do_action, find, find_all,  # noqa: E402
                           liaison_bin, app_env, run_cli, select_child, set_text,
                           texts_under, wait_for)

tap = TAP()


def quarter_of(day):
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def points_report(db, quarter, out):
    """{name: (group, rank, points, duty days)} and {group: size}, from the
    core's report."""
    subprocess.run([liaison_bin(), "points", "--database", db, "--quarter", quarter, out],
                   env=app_env(), check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(io.StringIO(f.read())))
    header = rows[1]
    col = {name: header.index(name) for name in ("代表小组", "排名", "姓名", "积分", "履职天数")}
    deputies, sizes = {}, {}
    for row in rows[2:]:
        if not row:
            break  # a closed quarter's frozen figures follow
        if not row[col["排名"]]:
            continue  # 小组合计, 小组平均
        group = row[col["代表小组"]]
        deputies[row[col["姓名"]]] = (group, int(row[col["排名"]]), float(row[col["积分"]]),
                                      int(row[col["履职天数"]]))
        sizes[group] = sizes.get(group, 0) + 1
    return deputies, sizes


def number(text):
    return float(text.replace(",", "").replace("+", ""))


def card(window, caption):
    """The value of the figure card whose caption is @caption."""
    node = find(window, name=None, pred=lambda n: (n.name or "").endswith("，" + caption))
    return node.name[: -len("，" + caption)]


def card_case(window, caption, expected, title):
    """A case: the card @caption shows @expected (a number or a text)."""
    try:
        shown = card(window, caption)
        ok = number(shown) == expected if isinstance(expected, (int, float)) else shown == expected
    except Exception as e:  # noqa: BLE001 — a card not shown fails its case
        shown, ok = repr(e), False
    tap.case(ok, title, [f"page {shown}, core {expected}"])


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-duty-record-")
    db = os.path.join(tmp, "station.db")
    run_cli("demo", "--database", db)

    today = datetime.date.today()
    quarter = quarter_of(today)
    this_quarter, sizes = points_report(db, quarter, os.path.join(tmp, "q.csv"))
    year_points = {}
    for q in range(1, 5):
        deputies, _ = points_report(db, f"{today.year}Q{q}", os.path.join(tmp, f"q{q}.csv"))
        for name, figures in deputies.items():
            year_points[name] = year_points.get(name, 0) + figures[2]
    name, (group, rank, points, days) = max(this_quarter.items(), key=lambda kv: kv[1][2])
    tap.note(f"{name} of {group}: {points:g} points, {days} duty days in {quarter}, "
             f"rank {rank} of {sizes[group]}; {year_points[name]:g} points in {today.year}")
    tap.case(points > 0, "the demo gives the deputy picked points this quarter")

    # The deputy sits at the desk, as Switch User would record it.
    uuid = subprocess.run(["sqlite3", db, f"SELECT uuid FROM deputies WHERE name = '{name}'"],
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run(["sqlite3", db, "INSERT OR REPLACE INTO settings (key, value) VALUES "
                    f"('desk-role', 'deputy'), ('desk-name', '{name}'), ('desk-deputy', '{uuid}')"],
                   check=True)

    app = App(db)
    w = app.main_window()
    try:
        click(w, "page tab", "跟踪督办")
        click(w, "push button", "我的履职(D)")
        card_case(w, "本季度积分", points, "the deputy at the desk opens their own record: its points are the core's")
        click(w, "push button", "返回")

        click(w, "page tab", "代表名册")
        set_text(find(w, "entry", "搜索代表"), name)
        roster = find(w, "list", "代表名册")
        wait_for("the deputy alone on the roster", lambda: roster.childCount == 1)
        select_child(roster, 0)
        wait_for("the deputy selected", lambda: roster.querySelection().isChildSelected(0))
        click(w, "push button", "履职记录(R)")

        card_case(w, "本季度积分", points, "this quarter's points are the core's")
        card_case(w, "履职天数", days, "the duty days are the core's")
        card_case(w, "本年度积分", year_points[name], "this year's points are the sum of the core's quarters")
        card_case(w, f"在{group}中的排名", f"{rank} / {sizes[group]}", "the group ranking is the core's")
        tap.case(name in texts_under(w), "the page names the deputy")

        lines = find(w, "list", "积分明细")
        # Past the first rows, a list's rows are walked shallow: the
        # "show all" row is read by hand.
        last = lines.getChildAtIndex(lines.childCount - 1)
        more = [last] if (last.name or "").startswith("显示全部") else []
        def line_names():
            names = [lines.getChildAtIndex(i).name for i in range(lines.childCount)]
            return [n for n in names if n and not n.startswith("显示全部")]
        if more:
            n = int("".join(c for c in more[0].name if c.isdigit()))
            do_action(more[0].getChildAtIndex(0), "click")
            wait_for(f"all {n} lines", lambda: len(line_names()) == n)
        values = [number(n.rsplit("，", 1)[-1]) for n in line_names()]
        tap.case(abs(sum(values) - points) < 1e-6 and len(values) > 0,
                 "the points lines add up to the total, every line shown",
                 [f"{len(values)} lines, sum {sum(values):g}, total {points:g}"])

        checked, offenders = audit(w)
        tap.case(not offenders, "every control of the record page has a name",
                 [f"{checked} checked"] + [f"{r} {n!r}: {p} at {path}" for r, n, p, path in offenders])

        pdf = os.path.join(tmp, "档案.pdf")
        before = app.windows()
        click(w, "push button", "保存履职档案(A)…")
        chooser = choose_file(app, before, pdf)
        click(chooser, "push button", "保存(S)")
        wait_for("the archive on disk", lambda: os.path.exists(pdf) and os.path.getsize(pdf) > 0)
        # No error dialog: GTK 4.8 does not put the toast on the bus.
        time.sleep(1)
        errors = [t for win in app.windows() for t in texts_under(win) if "无法保存履职档案" in t]
        with open(pdf, "rb") as f:
            head = f.read(5)
        text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
        tap.case(head == b"%PDF-" and name in text and not errors,
                 "the archive button writes a PDF that names the deputy",
                 [f"starts {head!r}, pdftotext gives {len(text)} characters; error dialogs: {errors}"])
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "the record page could be driven", [repr(e)])
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
