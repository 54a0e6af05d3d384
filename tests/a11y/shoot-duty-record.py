#!/usr/bin/python3
"""The screenshots of docs/duty-record.md: a deputy's record page in
Chinese and in English, and headquarters' quarterly report dialog.

    for what in zh_CN en report; do
      tests/a11y/run.sh tests/a11y/shoot-duty-record.py OUT_DIR $what
    done

Makes a demo station (or, for the report, a demo headquarters desk) with
`liaison demo`. The record page is shown for the busiest deputy of this
quarter by tests/bench/bench-duty-page (BENCH_DUTY_PAGE, from a build with
-Dbench=true), the page alone in a window, as the window shows it; the
report dialog is opened from the real app's main menu over AT-SPI. The
screen is taken with ImageMagick's `import`. One picture a run: a second
app on the same bus waits on the first one's leftovers. Not a test: the
record page's test is test-duty-record-page.py.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liaison_atspi  # noqa: E402
from liaison_atspi import App, click, liaison_bin  # noqa: E402


def busiest_deputy(db):
    out = subprocess.run(["sqlite3", db,
                          "SELECT d.name FROM reception_deputies rd JOIN deputies d ON d.id = rd.deputy_id "
                          "JOIN receptions r ON r.id = rd.reception_id "
                          "WHERE r.received_at >= date('now', 'start of month', '-2 months') "
                          "GROUP BY d.id ORDER BY count(*) DESC LIMIT 1"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def shoot(path):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", path], check=True)
    print(path)


def record(db, lang, out):
    env = dict(os.environ, GSK_RENDERER="cairo", NO_AT_BRIDGE="1")
    env.setdefault("GSETTINGS_BACKEND", "memory")
    if lang == "zh_CN":
        env.update(LANGUAGE="zh_CN", LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    else:
        env.update(LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    uuid = subprocess.run(["sqlite3", db, f"SELECT uuid FROM deputies WHERE name = '{busiest_deputy(db)}'"],
                          capture_output=True, text=True, check=True).stdout.strip()
    page = subprocess.Popen([os.environ.get("BENCH_DUTY_PAGE", "build/tests/bench/bench-duty-page"),
                             db, uuid, "1", "30"], env=env, stdout=subprocess.PIPE, text=True)
    try:
        for line in page.stdout:
            if line.strip() == "ready":
                break
        shoot(out)
    finally:
        page.terminate()
        page.wait()


def report_dialog(db, out):
    app = App(db)
    try:
        w = app.main_window()
        before = app.windows()
        click(w, "push button", "主菜单")
        click(w, "menu item", "季度积分通报(Q)…")
        liaison_atspi.new_window(app, before, "the report dialog")
        shoot(out)
    finally:
        app.quit()


def main():
    outdir, what = sys.argv[1], sys.argv[2]
    db = os.path.join(tempfile.mkdtemp(prefix="liaison-shots-"), "demo.db")
    hq = ["--hq"] if what == "report" else []
    subprocess.run([liaison_bin(), "demo", *hq, "--database", db], check=True, stdout=subprocess.DEVNULL)
    if what == "report":
        report_dialog(db, os.path.join(outdir, "points-report-dialog-zh_CN.png"))
    else:
        record(db, what, os.path.join(outdir, f"duty-record-{what}.png"))


if __name__ == "__main__":
    main()
