#!/usr/bin/python3
"""Published reports at a headquarters desk, driven over AT-SPI in zh_CN.

Makes a demo city at headquarters with `liaison demo --hq`. In the real
app, the main menu's 已发布的报表… opens the window, which lists none;
发布… asks the period (last month, offered first) and 发布 publishes it: the
window shows the report, every figure as published, 今日数据与发布时一致.
The app is closed; a late reception of last month (three visitors) is
imported with `liaison import`. Reopened, the window lists the report;
opening it, the row of 接待次数 reads published N, now N + 1, difference
+1, and 来访人次 +3, while 已收集 is unchanged: the published figure is shown
beside today's, not rewritten. run.sh gives it a bus. With
LIAISON_SHOT=FILE.png it also takes the screen of the difference.
"""
import datetime
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, click, find, find_all, focus_by_tab, new_window,  # noqa: E402
                           press, run_cli, texts_under, wait_for)

tap = TAP()
DIFF = re.compile(r"^发布时 (\d+) · 现在 (\d+) · 差额 ([+-]?\d+)$")


def figure_rows(window):
    """{figure: (published, now, difference)} of the report's rows: each a
    list item named by its figure, its numbers its description."""
    rows = {}
    for node in find_all(window, "list item"):
        try:
            m = DIFF.match(node.description or "")
        except Exception:
            continue
        if m:
            rows[node.name] = (int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return rows


def open_window(app):
    w = app.main_window()
    before = app.windows()
    click(w, "push button", "主菜单")
    click(w, "menu item", "已发布的报表(U)…")
    return new_window(app, before, "the published reports window")


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-published-")
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "300")
    today = datetime.date.today()
    last_month = (today.replace(day=1) - datetime.timedelta(days=1))
    label = f"{last_month.year}年{last_month.month}月"

    app = App(db)
    try:
        window = open_window(app)
        tap.case(any("没有已发布的报表" in t for t in texts_under(window)),
                 "the window says there is no published report yet")
        before = app.windows()
        click(window, "push button", "发布(P)…")
        dialog = new_window(app, before, "the publish dialog")
        combo = find(dialog, "combo box", pred=lambda n: n.name.startswith("期间"))
        tap.case(label in " ".join(texts_under(combo)), f"the dialog offers {label} first",
                 [combo.getRoleName(), " ".join(texts_under(dialog))[:300]])
        click(dialog, "push button", "发布(P)")
        wait_for("the report's figures", lambda: len(figure_rows(window)) == 10)
        rows = figure_rows(window)
        tap.case(all(d == 0 and p == n for p, n, d in rows.values()),
                 "just published, every figure is as published", [str(rows)])
        tap.case(any("今日数据与发布时一致" in t for t in texts_under(window)),
                 "the report says today's figures are as published")
        checked, offenders = audit(window)
        tap.case(checked > 10 and not offenders, "every control and row of the report is named",
                 [f"{checked} checked"] + [str(o) for o in offenders[:5]])
        published = rows
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "the publication could be driven",
                 [repr(e), str([w.name for w in app.windows()])] + texts_under(window)[:30])
        app.quit()
        return tap.done()
    finally:
        pass
    app.quit()

    ledger = os.path.join(tmp, "late.csv")
    deputy = subprocess.run(["sqlite3", db, "SELECT name FROM deputies WHERE deleted = 0 LIMIT 1"],
                            capture_output=True, text=True, check=True).stdout.strip()
    with open(ledger, "w", encoding="utf-8") as f:
        f.write("接待日期,接待代表,类别,反映内容,所在社区,来访人,人数,当场办结,办理情况\n"
                f"{last_month.isoformat()} 10:00,{deputy},城乡建设,小区路灯不亮,东山社区,赵敏,3,是,已联系供电所修复\n")
    run_cli("import", "--database", db, ledger)

    app = App(db)
    try:
        window = open_window(app)
        find(window, "list item", label, pred=lambda n: (n.description or "").startswith("发布于"))
        # A list row is opened from the keyboard, as GTK 4.8 gives it no action.
        focus_by_tab(window, lambda n: n.getRoleName() == "list item" and n.name == label)
        press("return")
        wait_for("the report's figures", lambda: len(figure_rows(window)) == 10)
        rows = figure_rows(window)
        tap.case(rows.get("接待次数") == (published["接待次数"][0], published["接待次数"][0] + 1, 1),
                 "接待次数 shows the published value, today's one more, and the difference +1", [str(rows)])
        tap.case(rows.get("来访人次") == (published["来访人次"][0], published["来访人次"][0] + 3, 3),
                 "来访人次 shows the difference +3", [str(rows.get("来访人次"))])
        tap.case(rows.get("已收集") == published.get("已收集"), "收集 is as published", [str(rows.get("已收集"))])
        if os.environ.get("LIAISON_SHOT"):
            time.sleep(1)
            subprocess.run(["import", "-window", "root", os.environ["LIAISON_SHOT"]], check=True)
    except Exception as e:  # noqa: BLE001
        tap.case(False, "the published report could be reopened", [repr(e)])
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
