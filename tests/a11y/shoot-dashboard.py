#!/usr/bin/python3
"""The screenshots of docs/reports.md: the dashboard at headquarters, in
Chinese and in English, light and dark.

    tests/a11y/run.sh tests/a11y/shoot-dashboard.py DB OUT.png zh_CN|en light|dark [PERIOD]

DB is a demo headquarters desk (`liaison demo --hq`). The real app is
opened on it, its Dashboard page chosen over AT-SPI and the screen taken
with ImageMagick's `import`; dark is libadwaita's ADW_DEBUG_COLOR_SCHEME.
PERIOD (default 2026) is the dashboard's period code, set through the
GSettings key the page remembers it in. Not a test: the dashboard's test
is test-dashboard.py.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liaison_atspi  # noqa: E402
from liaison_atspi import App, find  # noqa: E402


def main():
    db, out, lang, scheme = sys.argv[1:5]
    period = sys.argv[5] if len(sys.argv) > 5 else "2026"
    config = tempfile.mkdtemp(prefix="liaison-shoot-")
    base_env = liaison_atspi.app_env

    def env():
        e = base_env()
        e.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, GSK_RENDERER="cairo")
        if lang != "zh_CN":
            e.update(LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        if scheme == "dark":
            e["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
        return e

    liaison_atspi.app_env = env
    subprocess.run(["gsettings", "set", "org.liaison.Liaison", "dashboard-period", period],
                   env=env(), check=True)
    app = App(db)
    try:
        w = app.main_window()
        tab = find(w, "page tab", "数据看板" if lang == "zh_CN" else "Dashboard")
        liaison_atspi.do_action(tab)
        time.sleep(3)
        subprocess.run(["import", "-window", "root", out], check=True)
        print(out)
    finally:
        app.quit()


if __name__ == "__main__":
    main()
