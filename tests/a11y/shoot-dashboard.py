#!/usr/bin/python3
"""The screenshots of docs/reports.md: the dashboard at headquarters, in
Chinese and in English, light and dark.

    xvfb-run -a -s '-screen 0 1280x1000x24' tests/a11y/run.sh \
      tests/a11y/shoot-dashboard.py DB OUT.png zh_CN|en light|dark [PERIOD [SHOW]]

DB is a demo headquarters desk (`liaison demo --hq`). The real app is
opened on it, maximized, its Dashboard page chosen over AT-SPI and the
screen taken with ImageMagick's `import`; dark is libadwaita's
ADW_DEBUG_COLOR_SCHEME. PERIOD (default 2026) is the dashboard's period
code, set through the GSettings key the page remembers it in. SHOW is
what to show: "figures" (the default), "table" (the category
breakdown's table view), "items" (the items behind 已解决) or "follow-up"
(the Follow-up page). Not a test: the dashboard's test is
test-dashboard-ui.py.
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
    show = sys.argv[6] if len(sys.argv) > 6 else "figures"
    zh = lang == "zh_CN"
    config = tempfile.mkdtemp(prefix="liaison-shoot-")
    base_env = liaison_atspi.app_env

    def env():
        e = base_env()
        e.update(GSETTINGS_BACKEND="keyfile", XDG_CONFIG_HOME=config, GSK_RENDERER="cairo")
        if not zh:
            e.update(LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        if scheme == "dark":
            e["ADW_DEBUG_COLOR_SCHEME"] = "prefer-dark"
        return e

    liaison_atspi.app_env = env
    subprocess.run(["gsettings", "set", "org.liaison.Liaison", "dashboard-period", period],
                   env=env(), check=True)
    subprocess.run(["gsettings", "set", "org.liaison.Liaison", "window-maximized", "true"],
                   env=env(), check=True)
    app = App(db)
    try:
        w = app.main_window()
        if show == "follow-up":
            liaison_atspi.do_action(find(w, "page tab", "跟踪督办" if zh else "Follow-up"))
        else:
            liaison_atspi.do_action(find(w, "page tab", "数据看板" if zh else "Dashboard"))
            page = find(w, "panel", "数据看板" if zh else "Dashboard")
            time.sleep(2)
        if show == "table":
            liaison_atspi.do_action(find(page, "push button",
                                         "以表格显示意见建议（按类别）" if zh else "Suggestions by Category as a Table"))
        elif show == "items":
            resolved = find(page, "push button", pred=lambda n: n.name.startswith("已解决：" if zh else "Resolved: "))
            liaison_atspi.do_action(resolved)
        time.sleep(3)
        subprocess.run(["import", "-window", "root", out], check=True)
        print(out)
    finally:
        app.quit()


if __name__ == "__main__":
    main()
