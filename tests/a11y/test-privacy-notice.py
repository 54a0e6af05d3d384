#!/usr/bin/python3
"""The privacy notice, over AT-SPI in zh_CN (docs/privacy.md, "The privacy
notice").

Runs the real app (LIAISON_BIN) on the app's own schema
(LIAISON_APP_SCHEMA_DIR, where the notice is not yet read; the other tests'
override says it is) and GSettings' keyfile backend in a folder of its own,
so that a second start sees what the first remembered:

- the first start shows the notice before anything else: what is collected,
  why, for how long (3 years), whom to ask; I Have Read It opens the views;
- the About window's Legal page holds the same notice;
- the reception editor's What to Say opens the sentence the clerk reads;
- the second start opens on the views: the notice showed once.

With OUT_DIR as the first argument, the zh_CN screenshots of the notice,
of the receptions list with its phones masked and of the editor's What to
Say are written there. run.sh gives it a bus.
"""
import os
import subprocess
import sys
import tempfile
import time

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, click, close_window, find, find_all,  # noqa: E402
                           find_list, focus_by_tab, new_window, press, run_cli, texts_under, wait_for, wait_laid_out, walk)

TITLE = "来访群众个人信息处理说明"
COLLECTED = "收集什么：群众每次到代表联络站反映情况时，我们记录来访人的姓名、电话号码、所在社区"
KEPT = "事项办结后（来访未留下待办事项的，自来访之日起）保存 3 年"
ASK = "向谁询问："
SENTENCE = "我们会记录您的姓名、电话和所在社区，用于办理您今天反映的事项。有了办理结果，我们能否打电话告诉您？"
READ = "我已阅读(R)"
NEW_RECEPTION = "新建接待登记"


def shoot(out, name):
    if out:
        time.sleep(1.5)
        path = os.path.join(out, name)
        subprocess.run(["import", "-window", "root", path], check=True)
        print(f"# wrote {path}")


def holds(root, text, hidden=False):
    for node, _ in walk(root, hidden=hidden):
        try:
            if node.getRoleName() == "label" and text in (node.name or ""):
                return True
        except Exception:
            continue
    return False


def inside(node, window):
    """Whether @node lies wholly inside @window on the screen."""
    n = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    w = window.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return (n.width > 0 and n.height > 0 and n.x >= w.x and n.y >= w.y
            and n.x + n.width <= w.x + w.width and n.y + n.height <= w.y + w.height), (n, w)


def english_button_in_sight(t, tmp, database):
    """The English notice is longer than the Chinese: its button stays in
    sight, not below the fold of a 1280x800 screen."""
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config-en")
    app = App(database, english=True)
    try:
        w = app.main_window()
        wait_for("the English notice", lambda: holds(w, "How We Handle"), timeout=15)
        wait_laid_out(find(w, "push button", "I Have Read It"), "the English notice's button")
        ok, (n, win) = inside(find(w, "push button", "I Have Read It"), w)
        t.case(ok, "the English notice's I Have Read It is in sight without scrolling",
               [f"button {n.x},{n.y} {n.width}x{n.height}; window {win.x},{win.y} {win.width}x{win.height}"])
    finally:
        app.quit()
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else None
    t = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-notice-") as tmp:
        os.environ["GSETTINGS_SCHEMA_DIR"] = os.environ.get("LIAISON_APP_SCHEMA_DIR", "build/resources")
        os.environ["GSETTINGS_BACKEND"] = "keyfile"
        os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
        database = os.path.join(tmp, "station.db")
        run_cli("demo", "--database", database, "--receptions", "20", "--days", "10")
        english_button_in_sight(t, tmp, database)

        app = App(database)
        try:
            w = app.main_window()
            try:
                wait_for("the notice's title", lambda: holds(w, TITLE), timeout=15)
                shown = True
            except AssertionError:
                shown = False
            texts = texts_under(w)
            t.case(shown and any(COLLECTED in x for x in texts) and any(KEPT in x for x in texts)
                   and any(ASK in x for x in texts),
                   "the first start shows the privacy notice in zh_CN: what, why, 3 years, whom to ask",
                   [f"texts: {texts[:8]}"])
            t.case(not find_all(w, "push button", NEW_RECEPTION),
                   "the notice comes before the views")
            shoot(out, "privacy-notice-zh_CN.png")
            if shown:
                click(w, "push button", READ)
            find(w, "push button", NEW_RECEPTION)
            t.case(not holds(w, TITLE), "I Have Read It opens the views")
            if out:
                receptions = find_list(w, "接待登记")
                wait_for("the demo's receptions", lambda: receptions.childCount > 0)
                shoot(out, "masking-zh_CN.png")

            before = app.windows()
            click(w, "push button", "主菜单")
            click(w, "menu item", "关于“代表联络”(A)")
            about = new_window(app, before, "the About window")
            # GTK 4.8 gives a list row no action: the keyboard opens it.
            focus_by_tab(about, lambda n: n.name == "法律信息(L)" and n.getRoleName() == "list item")
            press("return")
            wait_for("the notice under Legal", lambda: holds(about, COLLECTED) and holds(about, KEPT), timeout=10)
            t.case(holds(about, TITLE) and holds(about, COLLECTED) and holds(about, KEPT),
                   "About's Legal page holds the notice")
            close_window(app, about)

            before = app.windows()
            click(w, "push button", NEW_RECEPTION)
            editor = new_window(app, before, "the reception editor")
            # The menu button, named for a screen reader, and its button.
            find(editor, "push button", "征求同意联系前向来访人宣读的告知话术")
            # Tab reaches it, as a keyboard does, which scrolls it into view.
            focus_by_tab(editor, lambda n: n.name == "告知话术" and n.getRoleName() == "push button")
            click(editor, "push button", "告知话术")
            try:
                wait_for("the sentence", lambda: any(holds(x, SENTENCE) for x in app.windows()), timeout=10)
                opened = True
            except AssertionError:
                opened = False
            t.case(opened, "the editor's What to Say opens the sentence the clerk reads, in zh_CN")
            shoot(out, "consent-sentence-zh_CN.png")
        finally:
            app.quit()

        keyfile = os.path.join(tmp, "config", "glib-2.0", "settings", "keyfile")
        kept = open(keyfile, encoding="utf-8").read() if os.path.exists(keyfile) else ""
        t.case("privacy-notice-read=true" in kept, "the notice's reading is kept in GSettings",
               [f"keyfile: {kept!r}"])

        app = App(database)
        try:
            w = app.main_window()
            find(w, "push button", NEW_RECEPTION)
            time.sleep(1)
            t.case(not holds(w, TITLE), "the second start opens on the views: the notice showed once")
        finally:
            app.quit()
    return t.done()


if __name__ == "__main__":
    sys.exit(main())
