#!/usr/bin/python3
"""The screenshot of docs/privacy.md's Masking: the Print Ledger dialog with
Include Full Contacts (含完整联系方式) switched on and a reason typed, in
zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-privacy.py OUT_DIR

Not a test: test-ui-privacy checks the dialog.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, do_action, find, new_window, run_cli, set_text  # noqa: E402


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="liaison-shoot-privacy-") as tmp:
        database = os.path.join(tmp, "station.db")
        run_cli("demo", "--database", database, "--receptions", "40", "--days", "20")
        app = App(database)
        w = app.main_window()
        try:
            click(w, "push button", "主菜单")
            before = app.windows()
            click(w, "menu item", "打印台账(L)…")
            dialog = new_window(app, before, "the ledger's period dialog")
            switch = find(dialog, "switch")
            do_action(switch, action_names_first(switch))
            reason = find(dialog, "text", "原因")
            set_text(reason, "电话回访群众，核实办理结果")
            time.sleep(1.5)
            path = os.path.join(out, "privacy-contacts-zh_CN.png")
            subprocess.run(["import", "-window", "root", path], check=True)
            print(path)
            click(dialog, "push button", "取消(C)")
        finally:
            app.quit()
    return 0


def action_names_first(node):
    action = node.queryAction()
    return action.getName(0)


if __name__ == "__main__":
    sys.exit(main())
