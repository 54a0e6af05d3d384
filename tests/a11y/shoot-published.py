#!/usr/bin/python3
"""The screenshot of docs/reports.md, "Published reports":

    tests/a11y/run.sh tests/a11y/shoot-published.py OUT.png

A demo city at headquarters (`liaison demo --hq`); last month published in
the real app over AT-SPI; then more of the city's data arrives late (a
second `liaison demo --hq --seed 2` on the same file adds receptions and
suggestions of the last 45 days); reopened, the report's 已收集 row is
opened to show the suggestions that entered it, and the screen is taken
with ImageMagick's `import`. Not a test: test-published-reports.py is.
"""
import datetime
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, find, focus_by_tab, new_window, press, run_cli  # noqa: E402


def open_window(app):
    w = app.main_window()
    before = app.windows()
    click(w, "push button", "主菜单")
    click(w, "menu item", "已发布的报表(U)…")
    return new_window(app, before, "the published reports window")


def main():
    out = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="liaison-published-shot-")
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "300")
    last_month = datetime.date.today().replace(day=1) - datetime.timedelta(days=1)
    label = f"{last_month.year}年{last_month.month}月"

    app = App(db)
    try:
        window = open_window(app)
        before = app.windows()
        click(window, "push button", "发布(P)…")
        dialog = new_window(app, before, "the publish dialog")
        click(dialog, "push button", "发布(P)")
        find(window, "list item", "已收集")
    finally:
        app.quit()

    run_cli("demo", "--hq", "--database", db, "--seed", "2", "--receptions", "40", "--days", "45")

    app = App(db)
    try:
        window = open_window(app)
        find(window, "list item", label)
        focus_by_tab(window, lambda n: n.getRoleName() == "list item" and n.name == label)
        press("return")
        find(window, "list item", "已收集")
        focus_by_tab(window, lambda n: n.getRoleName() == "list item" and n.name == "已收集")
        press("return")
        time.sleep(1.5)
        subprocess.run(["import", "-window", "root", out], check=True)
    finally:
        app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
