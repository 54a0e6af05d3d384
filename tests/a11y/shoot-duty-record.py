#!/usr/bin/python3
"""The screenshots of docs/duty-record.md: a deputy's record page in
Chinese and in English, and headquarters' quarterly report dialog.

    for what in zh_CN en report; do
      tests/a11y/run.sh tests/a11y/shoot-duty-record.py OUT_DIR $what
    done

One app a run: a second app on the same bus waits on the first one's
leftovers. Makes a demo station or headquarters desk with `liaison demo`,
opens the busiest deputy's record from the Deputies page as a person
would (over AT-SPI), and takes the screen with ImageMagick's `import`.
Not a test: the record page's test is test-duty-record-page.py.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import liaison_atspi  # noqa: E402
from liaison_atspi import App, click, find, liaison_bin, select_child, set_text, wait_for  # noqa: E402

WORDS = {
    "zh_CN": {"tab": "代表名册", "search": "搜索代表", "list": "代表名册", "button": "履职记录(R)",
              "figure": "，本季度积分", "menu": "主菜单", "report": "季度积分通报(P)…"},
    "en": {"tab": "Deputies", "search": "Search deputies", "list": "Deputies", "button": "Duty Record",
           "figure": ", Points this quarter", "menu": "Main menu", "report": "Quarterly Points Report…"},
}


def use_language(lang):
    def env():
        e = dict(os.environ)
        e.pop("NO_AT_BRIDGE", None)
        e.pop("G_DEBUG", None)
        e["GTK_A11Y"] = "atspi"
        e.setdefault("GSETTINGS_BACKEND", "memory")
        if lang == "zh_CN":
            e.update(LANGUAGE="zh_CN", LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
        else:
            e.update(LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        return e
    liaison_atspi.app_env = env


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
    use_language(lang)
    w_ = WORDS[lang]
    name = busiest_deputy(db)
    print("deputy", name, file=sys.stderr, flush=True)
    app = App(db)
    try:
        w = app.main_window()
        click(w, "page tab", w_["tab"])
        set_text(find(w, "entry", w_["search"]), name)
        roster = find(w, "list", w_["list"])
        wait_for("the deputy alone", lambda: roster.childCount == 1)
        select_child(roster, 0)
        time.sleep(0.3)
        print([n.name for n in liaison_atspi.find_all(w, "push button")], file=sys.stderr, flush=True)
        click(w, "push button", w_["button"])
        find(w, pred=lambda n: (n.name or "").endswith(w_["figure"]))
        shoot(out)
    finally:
        app.quit()


def report_dialog(db, out):
    use_language("zh_CN")
    app = App(db)
    try:
        w = app.main_window()
        before = app.windows()
        click(w, "push button", WORDS["zh_CN"]["menu"])
        click(w, "menu item", WORDS["zh_CN"]["report"])
        liaison_atspi.new_window(app, before, "the report dialog")
        shoot(out)
    finally:
        app.quit()


def main():
    import faulthandler
    faulthandler.dump_traceback_later(50)
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
