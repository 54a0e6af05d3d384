#!/usr/bin/python3
"""The new screenshots of the zh_CN user guide (docs/zh_CN/用户手册.md):

    tests/a11y/run.sh tests/a11y/shoot-guide.py docs/zh_CN/images

A demo station (`liaison demo`), its main window, and the same window with
the main menu open (where 用户手册 is, cropped to the menu), taken with ImageMagick's `import`.
Not a test: test-user-guide.py is.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import App, click, find, run_cli  # noqa: E402


def shoot(path):
    time.sleep(1.5)
    subprocess.run(["import", "-window", "root", path], check=True)
    print(path)


def main():
    out = sys.argv[1]
    with tempfile.TemporaryDirectory(prefix="liaison-guide-shot-") as tmp:
        db = os.path.join(tmp, "demo.db")
        run_cli("demo", "--database", db, "--receptions", "300")
        app = App(db)
        try:
            w = app.main_window()
            find(w, "list", "接待登记")
            shoot(os.path.join(out, "station-main-zh_CN.png"))
            click(w, "push button", "主菜单")
            find(w, "menu item", "用户手册(G)")
            menu = os.path.join(out, "main-menu-zh_CN.png")
            shoot(menu)
            # The popover alone: without a compositor its shadow is black.
            # Where run.sh's own 1280x800 screen puts it.
            subprocess.run(["convert", menu, "-crop", "166x457+1036+103", "+repage", menu], check=True)
        finally:
            app.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
