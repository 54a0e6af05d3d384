#!/usr/bin/python3
"""test-dashboard-ui: the dashboard in the real window, over AT-SPI, in
zh_CN, on a demo headquarters desk.

A person chooses last month with 上一时段, reads the figures (they equal
what the core computes: tests/dashboard-dump.c, LIAISON_DASHBOARD_DUMP),
clicks 已解决 and gets as many rows as it said, opens the table view of the
breakdown by category and reads the same numbers as the core's, clicks
one of them and gets its rows; the chart is an image described by its
numbers. Export… writes the dashboard as a workbook, read back with
openpyxl. After a restart the dashboard shows the same period: it is
remembered (GSettings, here a keyfile in a folder of the test's own).
"""
import datetime
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liaison_atspi  # noqa: E402
from liaison_atspi import TAP, App, choose_file, click, do_action, find, find_all, run_cli, wait_for  # noqa: E402

FIGURES = ["collected", "withdrawn", "resolved", "rated", "satisfied", "replied",
           "replied_in_time", "overdue", "receptions", "visitors"]


def dump(db, period):
    """The core's dashboard of @period: (period label, figure labels, rows),
    rows a list of (breakdown, key, label, {figure: count})."""
    out = subprocess.run([os.environ["LIAISON_DASHBOARD_DUMP"], db, period], env=liaison_atspi.app_env(),
                         capture_output=True, text=True, check=True).stdout
    rows = []
    period_label, labels = None, None
    for line in out.splitlines():
        fields = line.split("\t")
        if fields[0] == "labels":
            period_label = fields[1]
            labels = dict(zip(FIGURES, fields[3:]))
            continue
        rows.append((fields[0], fields[1], fields[2], dict(zip(FIGURES, map(int, fields[3:])))))
    return period_label, labels, rows


def number(n):
    return f"{n:,}"


def rows_of(lst):
    """The list items of a list node (its rows), but a long list's button
    for its next rows (再显示…)."""
    return [c for c in lst if c is not None and c.getRoleName() == "list item"
            and not c.name.startswith("再显示")]


def last_month(today):
    first = today.replace(day=1)
    previous = first - datetime.timedelta(days=1)
    return f"{previous.year:04d}-{previous.month:02d}"


def open_dashboard(app):
    """Chooses the Dashboard page; returns the page's node, under which
    everything else is looked for (a walk of the whole window is slow)."""
    w = app.main_window()
    do_action(find(w, "page tab", "数据看板"))
    return find(w, "panel", "数据看板")


def items_list(w, title_start, n, tap, what):
    """Waits for the items list whose name starts with @title_start to
    hold @n rows; says whether it did."""
    def probe():
        for lst in find_all(w, "list", pred=lambda node: node.name.startswith(title_start)):
            if len(rows_of(lst)) == n:
                return lst
        return None
    try:
        wait_for(f"{n} rows in “{title_start}…”", probe)
        tap.case(True, what)
    except AssertionError as e:
        found = [(lst.name, len(rows_of(lst))) for lst in find_all(w, "list", pred=lambda node: node.name.startswith(title_start))]
        tap.case(False, what, [str(e), f"lists: {found}"])


def main():
    tap = TAP()
    tmp = tempfile.mkdtemp(prefix="liaison-test-dashboard-ui-")
    config = os.path.join(tmp, "config")
    db = os.path.join(tmp, "hq.db")
    base_env = liaison_atspi.app_env

    def env():
        # A keyfile of the test's own, so that the period outlives the app.
        e = base_env()
        e.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config)
        return e

    liaison_atspi.app_env = env
    run_cli("demo", "--hq", "--database", db, "--receptions", "400")
    period = last_month(datetime.date.today())
    period_label, labels, rows = dump(db, period)
    total = next(r for r in rows if r[0] == "total")[3]
    tap.note(f"period {period} ({period_label}): {total}")

    app = App(db)
    try:
        w = open_dashboard(app)
        # This month first, then the one before it.
        do_action(find(w, "push button", "上一时段"))
        try:
            find(w, "label", period_label)
            tap.case(True, f"上一时段 shows {period_label}")
        except AssertionError as e:
            tap.case(False, f"上一时段 shows {period_label}", [str(e)])

        # The figures, as the core has them.
        for figure in ("collected", "resolved", "overdue", "satisfied", "rated", "replied_in_time", "replied"):
            name = f"{labels[figure]}：{number(total[figure])}"
            try:
                find(w, "push button", name)
                tap.case(True, f"the figure “{name}”")
            except AssertionError as e:
                tap.case(False, f"the figure “{name}”",
                         [str(e), f"buttons: {[b.name for b in find_all(w, 'push button') if '：' in b.name]}"])

        # A number opens as many rows as it says.
        resolved = total["resolved"]
        assert 0 < resolved <= 200, f"the demo's month should have a page of resolved ones, not {resolved}"
        do_action(find(w, "push button", f"{labels['resolved']}：{number(resolved)}"))
        items_list(w, f"{labels['resolved']} · {period_label}", resolved, tap,
                   f"clicking {labels['resolved']} lists its {resolved} suggestions")
        do_action(find(w, "push button", "返回数据看板"))

        # The chart: an image described by its numbers.
        categories = [r for r in rows if r[0] == "category"]
        chart_name = "意见建议（按类别）：" + labels["collected"]
        try:
            image = find(w, "image", chart_name)
            first = categories[0]
            want = f"{first[2]} {number(first[3]['collected'])}"
            ok = image.description.startswith(want)
            tap.case(ok, "the chart is an image named and described by its numbers",
                     [f"description: {image.description!r}, wanted it to start with {want!r}"])
        except AssertionError as e:
            tap.case(False, "the chart is an image named and described by its numbers", [str(e)])

        # Its table view, from its toggle: the same numbers as the core's.
        do_action(find(w, "push button", "以表格显示意见建议（按类别）"))
        table = find(w, "list", "意见建议（按类别）：表格")
        table_rows = wait_for("the table's rows", lambda: rows_of(table) if len(rows_of(table)) == len(categories) + 1 else None)
        problems = []
        for (_, _, label, counts), node in zip(categories, table_rows[1:]):
            want = (f"{label}： {labels['collected']} {number(counts['collected'])}，"
                    f"{labels['resolved']} {number(counts['resolved'])}，")
            if not node.name.startswith(want):
                problems.append(f"{node.name!r} does not start with {want!r}")
            if not node.name.endswith(f"{labels['overdue']} {number(counts['overdue'])}"):
                problems.append(f"{node.name!r} does not end with its overdue {counts['overdue']}")
        tap.case(not problems, f"the table view reads the core's numbers for {len(categories)} categories", problems)

        # A number in the table opens its rows.
        busiest = max(categories, key=lambda r: r[3]["collected"])
        n = busiest[3]["collected"]
        do_action(find(w, "push button", f"{busiest[2]} {labels['collected']} {number(n)}"))
        items_list(w, f"{labels['collected']} · {busiest[2]} · {period_label}", n, tap,
                   f"clicking {busiest[2]}’s {labels['collected']} in the table lists its {n} suggestions")
        do_action(find(w, "push button", "返回数据看板"))

        # Export…: the dashboard's tables, as the core writes them.
        path = os.path.join(tmp, "数据看板.xlsx")
        before = app.windows()
        click(w, "push button", "导出…")
        click(app.main_window(), "menu item", "Excel 工作簿（XLSX）…")
        chooser = choose_file(app, before, path)
        click(chooser, "push button", "导出(E)")
        try:
            wait_for("the workbook on disk", lambda: os.path.exists(path) and os.path.getsize(path) > 0)
            import openpyxl
            book = openpyxl.load_workbook(path)
            first = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
            found = any(labels["collected"] in str(r[0]) and total["collected"] in r for r in first if r)
            tap.case(len(book.sheetnames) >= 4 and found,
                     f"Export… writes a workbook of {len(book.sheetnames)} sheets whose figures hold "
                     f"{labels['collected']} {total['collected']}", [str(book.sheetnames), str(first[:3])])
        except AssertionError as e:
            tap.case(False, "Export… writes a workbook", [str(e)])
    finally:
        status = app.quit()
    tap.case(status in (0, -15), "the app quits cleanly", [f"exit status {status}"])

    # Remembered across a restart.
    app = App(db)
    try:
        w = open_dashboard(app)
        try:
            find(w, "label", period_label)
            find(w, "push button", f"{labels['collected']}：{number(total['collected'])}")
            tap.case(True, f"after a restart the dashboard shows {period_label} again")
        except AssertionError as e:
            tap.case(False, f"after a restart the dashboard shows {period_label} again", [str(e)])
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
