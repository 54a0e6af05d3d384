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
from liaison_atspi import (TAP, App, click, find, find_all, new_window, set_text,  # noqa: E402
                           set_up_clerk_station)

WARNING = "可能重复：赵淑芬 于 2025-03-03 09:30 在本站反映过类似问题"
LINK = "打开之前的接待记录"


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
                set_up_clerk_station(app, w)
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
