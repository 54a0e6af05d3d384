#!/usr/bin/python3
"""The screenshot of docs/privacy.md's The deputy's PIN: headquarters'
desk asking before it resets a deputy's PIN (重置 PIN 码…), in zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-deputy-pin.py OUT_DIR

Not a test: test-ui-deputy-privacy checks the question and the reset.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, find_list, focus_by_tab, new_window, press, run_cli, wait_for  # noqa: E402

# A hash string's shape, for the screenshot only: the desk shows whether a
# PIN is set and when, never the hash.
HASH = "pbkdf2-sha256$600000$c2NyZWVuc2hvdHNhbHQ$c2NyZWVuc2hvdGhhc2hzY3JlZW5zaG90aGFzaA"


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="liaison-shoot-deputy-pin-") as tmp:
        database = os.path.join(tmp, "hq.db")
        run_cli("demo", "--hq", "--database", database, "--receptions", "40", "--days", "20")
        app = App(database)
        w = app.main_window()
        try:
            click(w, "page tab", "代表名册")
            time.sleep(0.5)
            roster = find_list(w, "代表名册")
            wait_for("the roster's rows", lambda: roster.childCount > 0)
            name = roster.getChildAtIndex(0).name.split("，")[0]
            subprocess.run(["sqlite3", database,
                            "INSERT INTO deputy_pins (uuid, updated_at, sync_state, deputy_uuid, hash, set_at)"
                            " SELECT lower (substr (uuid, 1, 14) || '8' || substr (uuid, 16)),"
                            " '2026-11-20T02:15:00Z', 0, uuid, '" + HASH + "', '2026-11-20T02:15:00Z'"
                            f" FROM deputies WHERE name = '{name}'"], check=True)
            # GTK 4.8 takes no selection over AT-SPI on a list view: the
            # keyboard opens the first row, as Return on it does.
            before = app.windows()
            focus_by_tab(w, lambda n: n.getRoleName() == "list item" and (n.name or "").startswith(name))
            press("return")
            editor = new_window(app, before, "the deputy editor")
            before = app.windows()
            click(editor, "push button", "重置 PIN 码(P)…")
            new_window(app, before, "the question before a reset")
            time.sleep(1.5)
            path = os.path.join(out, "deputy-pin-reset-zh_CN.png")
            subprocess.run(["import", "-window", "root", path], check=True)
            print(path)
        finally:
            app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
