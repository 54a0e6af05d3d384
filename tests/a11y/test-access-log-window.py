#!/usr/bin/python3
"""The access log at a headquarters desk, driven over AT-SPI in zh_CN.

Makes a demo city at headquarters with `liaison demo --hq`, and three
entries of its access log as a sync would have brought them: an export
with contacts and a print with contacts at a station, a contact looked up
at headquarters. In the real app, the main menu's 访问日志(A)… opens the
window: each entry is a row named with what, who, where, when, how many
contacts and the reason, newest first; every control is named. Typing a
first day keeps the later entries; a date that is not one is said in
zh_CN and the rows stay as they were; the kind filter keeps the prints.
run.sh gives it a bus. With LIAISON_SHOT=FILE.png it takes the window.
"""
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, click, find, find_all, new_window, run_cli,  # noqa: E402
                           set_text, texts_under, wait_for)

tap = TAP()


def sql(db, statement):
    return subprocess.run(["sqlite3", db, statement], capture_output=True, text=True,
                          check=True).stdout.strip()


def entry(db, uuid, kind, at, role, actor, desk, origin, what, n, reason):
    origin_sql = f"'{origin}'" if origin else "NULL"
    sql(db, "INSERT INTO access_log (uuid, version, server_version, updated_at, origin_station_uuid, sync_state,"
            " kind, at, role, actor_name, desk_uuid, what, n_contacts, reason) VALUES"
            f" ('{uuid}', 1, 1, '{at}', {origin_sql}, 0, '{kind}', '{at}', '{role}', '{actor}', '{desk}',"
            f" '{what}', {n}, '{reason}')")


def rows(window):
    return [n.name for n in find_all(window, "list item") if "事由：" in (n.name or "")]


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-access-log-")
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "50")
    station, station_name = sql(db, "SELECT uuid || '|' || name FROM stations WHERE deleted = 0"
                                    " ORDER BY name LIMIT 1").split("|")
    entry(db, "ac000000-0000-4000-8000-000000000001", "export_contacts", "2025-03-01T02:00:00Z", "station",
          "刘芳", station, station, "2025-02-01..2025-02-28", 12, "街道核对二月回访名单")
    entry(db, "ac000000-0000-4000-8000-000000000002", "print_contacts", "2025-03-10T03:30:00Z", "station",
          "刘芳", station, station, "2025-03-01..2025-03-09", 4, "打印台账交区人大存档")
    entry(db, "ac000000-0000-4000-8000-000000000003", "hq_contact_look", "2025-03-20T06:15:00Z", "hq",
          "陈静", "ac000000-0000-4000-8000-0000000000ff", None, "ac000000-0000-4000-8000-0000000000aa", 1,
          "督办回访核实诉求人意见")

    app = App(db)
    window = None
    try:
        w = app.main_window()
        before = app.windows()
        click(w, "push button", "主菜单")
        click(w, "menu item", "访问日志(A)…")
        window = new_window(app, before, "the access log window")
        tap.case(window.name == "访问日志", "the window is 访问日志", [window.name])
        wait_for("three rows", lambda: len(rows(window)) == 3)
        names = rows(window)
        tap.case(names[0].startswith("总部查看联系方式 · 陈静") and names[2].startswith("导出（含联系方式） · 刘芳 · "
                                                                         + station_name),
                 "newest first, each named by what, who and where", names)
        tap.case(all("事由：" in n and "个联系方式" in n and "2025-03-" in n for n in names),
                 "each row's name says when, how many contacts and why", names)
        tap.case("事由：打印台账交区人大存档" in names[1], "the print's reason is in its row's name", [names[1]])
        checked, offenders = audit(window)
        tap.case(checked >= 6 and not offenders, "every control and row of the window is named",
                 [f"{checked} checked"] + [str(o) for o in offenders[:5]])

        first_day = find(window, "text", "第一天(F)")
        set_text(first_day, "2025-03-10")
        wait_for("two rows from 10 March", lambda: len(rows(window)) == 2)
        tap.case(len(rows(window)) == 2, "from 10 March, the two later entries", rows(window))

        # set_text empties the field first (every row again), then types the bad date.
        set_text(first_day, "2025-13-01")
        wait_for("the problem said", lambda: any("不是有效日期" in t for t in texts_under(window)))
        tap.case(len(rows(window)) == 3, "a date that is not one is said, and the rows stay as they were",
                 [t for t in texts_under(window) if "日期" in t] + rows(window))
        set_text(first_day, "")
        wait_for("three rows again", lambda: len(rows(window)) == 3)

        kind = find(window, "combo box", "类别(K)")
        tap.case(kind is not None, "the kind filter is named 类别(K)")
        if os.environ.get("LIAISON_SHOT"):
            time.sleep(1)
            subprocess.run(["import", "-window", "root", os.environ["LIAISON_SHOT"]], check=True)
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "the access log window could be driven",
                 [repr(e)] + (texts_under(window)[:30] if window is not None else []))
    finally:
        app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
