#!/usr/bin/python3
"""The reception editor's warning of a similar earlier reception, over AT-SPI.

Starts the real app (LIAISON_BIN) on a fresh database in zh_CN, names the
station, imports the roster and the clerk's ledger, then logs a reception
for a visitor of the ledger (赵淑芬, the same phone) about the same street
lamps: the warning is exposed with its text as its name, so a screen reader
announces it, and the link to the earlier reception is named. run.sh gives
it a bus.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, choose_file, click, find, find_all,  # noqa: E402
                           new_window, set_text, wait_for)

DATA = os.environ.get("LIAISON_TEST_DATA",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
STATION = "相山区测试街道人大代表联络站"
WARNING = "可能重复：赵淑芬 于 2025-03-03 09:30 在本站反映过类似问题"
LINK = "打开之前的接待记录"


def set_up(app, w):
    set_text(find(w, "text", "联络站名称"), STATION)
    set_text(find(w, "text", "所在县区"), "相山区")
    click(w, "push button", "开始(S)")
    wait_for("the station's name in the title", lambda: STATION in w.name)
    click(w, "page tab", "代表名册")
    before = app.windows()
    click(w, "push button", "导入名册(I)…")
    chooser = choose_file(app, before, os.path.join(DATA, "clerk-roster.csv"))
    click(chooser, "push button", "导入(I)")
    deputies = find(w, "list", "代表名册")
    wait_for("three deputies on the roster", lambda: deputies.childCount == 3)
    click(w, "page tab", "接待登记")
    before = app.windows()
    click(w, "push button", "主菜单")
    click(w, "menu item", "导入台账(I)…")
    chooser = choose_file(app, before, os.path.join(DATA, "clerk-ledger-gb18030.csv"))
    click(chooser, "push button", "导入(I)")
    receptions = find(w, "list", "接待登记")
    wait_for("the ledger's two receptions", lambda: receptions.childCount == 2)


def warns(app, w):
    before = app.windows()
    click(w, "push button", "新建接待登记")
    ed = new_window(app, before, "the reception editor")
    assert not find_all(ed, pred=lambda n: (n.name or "").startswith("可能重复")), \
        "a warning before anything is typed"
    set_text(find(ed, "text", "日期（YYYY-MM-DD）"), "2025-03-20")
    set_text(find(ed, "text", "时间（HH:MM）"), "10:15")
    set_text(find(ed, "text", "姓名(N)"), "赵淑芬")
    set_text(find(ed, "text", "电话(P)"), "13812340001")
    set_text(find(ed, "text", "所在社区(C)"), "东山社区")
    set_text(find(ed, "text", "反映内容"), "东山社区路灯损坏还没修好")
    alert = find(ed, pred=lambda n: (n.name or "").startswith(WARNING))
    role = alert.getRoleName()
    assert role in ("alert", "notification"), f"the warning is a {role}, not an alert"
    assert "仍可保存本次接待" in alert.name, alert.name
    link = find(alert, name=LINK)
    assert "click" in [link.queryAction().getName(i) for i in range(link.queryAction().nActions)], \
        "the link cannot be activated"
    return [f"{role}: {alert.name}", f"{link.getRoleName()}: {link.name}"]


def main():
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-similar-") as tmp:
        app = App(os.path.join(tmp, "station.db"))
        w = app.main_window()
        try:
            try:
                set_up(app, w)
                tap.case(True, "the station, its roster and its ledger", [])
                notes = warns(app, w)
                tap.case(True, "the editor's warning is announced and its link named", notes)
            except Exception as e:  # noqa: BLE001 — report
                tap.case(False, "the editor's warning is announced and its link named",
                         repr(e).splitlines())
        finally:
            app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
