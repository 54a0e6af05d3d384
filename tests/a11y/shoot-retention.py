#!/usr/bin/python3
"""The screenshot of docs/privacy.md's Retention and purge: headquarters'
Time Limits, Holidays and Make-up Workdays dialog (办理时限和节假日调休)
with its retention period (来访人信息保存期限), in zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-retention.py OUT_DIR

Not a test: test-ui-board checks the dialog.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, new_window, run_cli  # noqa: E402


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="liaison-shoot-retention-") as tmp:
        database = os.path.join(tmp, "hq.db")
        run_cli("demo", "--database", database, "--receptions", "40", "--days", "20", "--hq")
        app = App(database)
        w = app.main_window()
        try:
            click(w, "push button", "主菜单")
            before = app.windows()
            click(w, "menu item", "办理时限和节假日调休(T)…")
            dialog = new_window(app, before, "the rules dialog")
            time.sleep(1.5)
            path = os.path.join(out, "retention-zh_CN.png")
            subprocess.run(["import", "-window", "root", path], check=True)
            print(path)
            click(dialog, "push button", "取消(C)")
        finally:
            app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
