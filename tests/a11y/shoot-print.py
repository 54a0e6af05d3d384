#!/usr/bin/python3
"""The screenshots of docs/reports.md's Printing: a reception's page with
its 打印登记表(P)… button, the main menu's print items, and the system's
print dialog opened from the button, in zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-print.py OUT_DIR

Makes a demo station with `liaison demo` and drives the real app over
AT-SPI; the screen is taken with ImageMagick's `import`. Not a test: the
names are test-print-names.py's.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, find, find_all, find_list, new_window, run_cli, wait_for  # noqa: E402


def shoot(path):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", path], check=True)
    print(path)


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="liaison-shoot-print-") as tmp:
        database = os.path.join(tmp, "station.db")
        run_cli("demo", "--database", database, "--receptions", "40", "--days", "20")
        app = App(database)
        w = app.main_window()
        try:
            receptions = find_list(w, "接待登记")
            wait_for("the demo's receptions", lambda: receptions.childCount > 0)
            receptions.querySelection().selectChild(0)
            detail = next(iter(find_all(w, name="LiaisonReceptionDetail")), w)
            find(detail, "push button", "打印登记表(P)…")
            shoot(os.path.join(out, "print-reception-zh_CN.png"))
            before = app.windows()
            click(detail, "push button", "打印登记表(P)…")
            choice = new_window(app, before, "the form's contacts dialog")
            shoot(os.path.join(out, "print-form-contacts-zh_CN.png"))
            before = app.windows()
            click(choice, "push button", "打印(P)…")
            new_window(app, before, "the print dialog")
            shoot(os.path.join(out, "print-dialog-zh_CN.png"))
        finally:
            app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
