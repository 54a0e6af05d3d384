#!/usr/bin/python3
"""The duty roster and the activity editor, driven over AT-SPI.

(a) At a station (a demo city's station desk, no receptions): a deputy is
planned on duty today through the Duty Roster window, and another on a
past day on which they logged nothing. The roster shows the past day as
planned, not done; the receptions page shows the first under "On duty
today"; the reception editor's deputy picker offers them first, marked.

(b) At a headquarters desk: an activity with every field and three
deputies, one on leave, is made in the activity editor and saved; reopened,
every field is as typed; saved again untouched, the store holds the same;
and the store holds what was typed (read with sqlite3).

Only accessible names, roles, actions, text and the keyboard; the database
is read, never written, by the test. run.sh gives it a bus.
"""
import datetime
import os
import sqlite3
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, choose, click, close_window,  # noqa: E402
                           find, find_all, focus_by_tab, new_window, press,
                           run_cli, set_text, text_of, texts_under, wait_for)


def menu(app, window, item):
    click(window, "push button", "主菜单")
    click(window, "menu item", item)


def pick_deputy(window, entry_name, name):
    """Types @name into the deputy picker @entry_name and takes the first
    match with Enter, as a clerk does."""
    entry = find(window, "entry", entry_name)
    set_text(entry, name)
    focus_by_tab(window, lambda n: n.getRoleName() == "entry" and n.name == entry_name)
    press("return")


def unique_names(db, sql, n):
    """@n deputies' names that are part of no other deputy's name, so that
    typing one finds them first."""
    con = sqlite3.connect(db)
    try:
        everyone = [r[0] for r in con.execute("SELECT name FROM deputies WHERE deleted = 0")]
        picked = []
        for (name,) in con.execute(sql):
            if sum(1 for other in everyone if name in other) == 1:
                picked.append(name)
            if len(picked) == n:
                return picked
    finally:
        con.close()
    raise AssertionError(f"no {n} deputies with names of their own")


def named(tap, title, window):
    """Every control and row of @window has a name a person can hear. A
    toast's close button is libadwaita 1.2's to name: the audit waits for
    the toast to go."""
    wait_for("the toast to go", lambda: not find_all(window, name="AdwToastWidget"), timeout=15)
    checked, offenders = audit(window)
    tap.case(checked > 0 and not offenders, f"{title}: every control and row is named ({checked} checked)",
             [f"{role} “{name}”: {problem} at {path}" for role, name, problem, path in offenders])


def rows_of(list_node):
    return [list_node.getChildAtIndex(i) for i in range(list_node.childCount)]


# (a) the roster


def station_roster(tmp, tap):
    db = os.path.join(tmp, "station.db")
    run_cli("demo", "--database", db, "--receptions", "0")
    today_deputy, past_deputy = unique_names(db,
        "SELECT d.name FROM deputies d JOIN stations s ON s.id = d.station_id"
        " WHERE s.uuid = (SELECT value FROM settings WHERE key = 'station_uuid') AND d.deleted = 0"
        " ORDER BY d.name DESC", 2)
    today = datetime.date.today()
    past = (today - datetime.timedelta(days=3)).isoformat()
    app = App(db)
    try:
        w = app.main_window()
        find(w, "list", "接待登记")

        before = app.windows()
        menu(app, w, "值班安排(D)…")
        roster = new_window(app, before, "the duty roster")
        assert roster.name == "值班安排", roster.name

        pick_deputy(roster, "添加值班代表", today_deputy)
        find(roster, "push button", f"移除{today_deputy}")
        date = find(roster, "text", "值班日期（YYYY-MM-DD）")
        assert text_of(date) == today.isoformat(), text_of(date)
        click(roster, "push button", "加入值班表(A)")
        days = find(roster, "list", "本月值班")
        row = wait_for("today's duty day listed",
                       lambda: next((r for r in rows_of(days) if today_deputy in r.name), None))
        tap.case("已安排" in row.name and "未履职" not in row.name,
                 "the roster lists the deputy planned today as planned", [row.name])

        pick_deputy(roster, "添加值班代表", past_deputy)
        find(roster, "push button", f"移除{past_deputy}")
        set_text(date, past)
        click(roster, "push button", "加入值班表(A)")
        days = find(roster, "list", "本月值班")
        row = wait_for("the past duty day listed",
                       lambda: next((r for r in rows_of(days) if past_deputy in r.name and past in r.name), None))
        tap.case("已安排，未履职" in row.name,
                 "a past planned day with nothing logged shows as planned, not done", [row.name])

        # The month bar steps the list a month back, empty, and forward again.
        last_month = (today.replace(day=1) - datetime.timedelta(days=1))
        click(roster, "push button", "上个月")
        wait_for("last month's heading", lambda: f"{last_month.year}年{last_month.month}月" in texts_under(roster))
        shown = texts_under(roster)
        listed = [r.name for d in find_all(roster, "list", "本月值班") for r in rows_of(d)]
        tap.case("本月尚未安排值班。" in shown and not listed,
                 "a month back, the roster says nobody is planned then", [str(shown[-6:]), str(listed)])
        click(roster, "push button", "下个月")
        wait_for("this month's heading", lambda: f"{today.year}年{today.month}月" in texts_under(roster))
        days = find(roster, "list", "本月值班")
        row = wait_for("today's duty day listed again",
                       lambda: next((r for r in rows_of(days) if today_deputy in r.name), None))
        tap.case(row is not None, "a month forward, the deputy planned today is listed again", [row.name])
        named(tap, "the duty roster", roster)
        close_window(app, roster)

        label = wait_for("On duty today on the receptions page",
                         lambda: next((t for t in texts_under(w) if t.startswith("今日值班")), None))
        tap.case(today_deputy in label and past_deputy not in label,
                 "the receptions page shows the deputy under On duty today", [label])

        before = app.windows()
        click(w, "push button", "新建接待登记")
        editor = new_window(app, before, "the reception editor")
        matches = find(editor, "list", "匹配的代表")
        wait_for("the picker's offers", lambda: matches.childCount > 0)
        offered = [r.name for r in rows_of(matches)]
        tap.case(offered and today_deputy in offered[0] and "今日值班" in offered[0],
                 "the reception editor's picker offers the deputy on duty first, marked", [str(offered)])
        # Typing finds them first too, before the rest of the roster.
        surname = today_deputy[0]
        set_text(find(editor, "entry", "添加接待代表"), surname)
        wait_for("matches for the surname", lambda: matches.childCount > 0
                 and not any("今日值班" in r.name for r in rows_of(matches)[1:]))
        offered = [r.name for r in rows_of(matches)]
        tap.case(today_deputy in offered[0] and "今日值班" in offered[0],
                 "typed, the deputy on duty still comes first", [str(offered)])
        close_window(app, editor)
    finally:
        app.quit()


# (b) the activity editor

TITLE = "关于老旧小区加装电梯的专题视察"
PLACE = "相山区东山街道"
ORGANISER = "市人大常委会城建环保工委"
NOTE = "视察三个小区，听取街道和住建局汇报。"
REASON = "补录漏登的视察"


def read_activity(db):
    con = sqlite3.connect(db)
    try:
        row = con.execute(
            "SELECT id, kind, title, date, end_date, place, organiser, note, correction_reason, corrected_by"
            " FROM activities WHERE title = ? AND deleted = 0", (TITLE,)).fetchall()
        assert len(row) == 1, row
        attendees = con.execute(
            "SELECT d.name, t.attendance FROM activity_attendees t JOIN deputies d ON d.id = t.deputy_id"
            " WHERE t.activity_id = ? ORDER BY t.position", (row[0][0],)).fetchall()
        return row[0][1:], attendees
    finally:
        con.close()


def editor_fields(ed):
    def entry(name):
        return text_of(find(ed, "text", name))
    return {
        "kind": [t for t in texts_under(find(ed, "combo box", "类型")) if t != "类型"],
        "title": entry("标题"),
        "date": entry("日期（YYYY-MM-DD）"),
        "end": entry("结束日期，多日活动填写（YYYY-MM-DD）"),
        "place": entry("地点"),
        "organiser": entry("组织单位"),
        "note": entry("备注"),
        "reason": entry("更正原因"),
    }


def attendance_shown(ed, name):
    button = next(n for n in find_all(ed, "push button")
                  if n.parent is not None and n.parent.name == f"{name}的出席情况")
    # The button shows the choice; "（无）" is the a11y filler of an empty part.
    return [t for t in texts_under(button) if t and t != "（无）"]


def row_of(listing):
    activities = find(listing, "list", "本月活动")
    return wait_for("the activity listed",
                    lambda: next((r for r in rows_of(activities) if TITLE in r.name), None))


def hq_activity(tmp, tap):
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "0")
    deputies = unique_names(db, "SELECT name FROM deputies WHERE deleted = 0 ORDER BY name", 3)
    start = datetime.date.today()
    end = start + datetime.timedelta(days=1)
    app = App(db)
    try:
        w = app.main_window()
        before = app.windows()
        menu(app, w, "履职活动(C)…")
        listing = new_window(app, before, "the activities window")
        before = app.windows()
        click(listing, "push button", "新建活动(N)…")
        ed = new_window(app, before, "the activity editor")

        choose(ed, "类型", "视察")
        set_text(find(ed, "text", "标题"), TITLE)
        set_text(find(ed, "text", "日期（YYYY-MM-DD）"), start.isoformat())
        set_text(find(ed, "text", "结束日期，多日活动填写（YYYY-MM-DD）"), end.isoformat())
        set_text(find(ed, "text", "地点"), PLACE)
        set_text(find(ed, "text", "组织单位"), ORGANISER)
        set_text(find(ed, "text", "备注"), NOTE)
        set_text(find(ed, "text", "更正原因"), REASON)
        for name in deputies:
            pick_deputy(ed, "添加活动代表", name)
            find(ed, "push button", f"移除{name}")
        choose(ed, f"{deputies[1]}的出席情况", "请假", button=True)
        typed = editor_fields(ed)
        click(ed, "push button", "保存(S)")
        app.wait_window_gone(ed.name)

        fields, attendees = read_activity(db)
        expected = ("inspection", TITLE, start.isoformat(), end.isoformat(), PLACE, ORGANISER, NOTE, REASON)
        tap.case(fields[:8] == expected and fields[8],
                 "the store holds every field typed, and who corrected it", [str(fields)])
        want = [(deputies[0], "attended"), (deputies[1], "leave"), (deputies[2], "attended")]
        tap.case(attendees == want, "the store holds the three deputies, one on leave", [str(attendees)])

        activities = find(listing, "list", "本月活动")
        row = wait_for("the activity listed",
                       lambda: next((r for r in rows_of(activities) if TITLE in r.name), None))
        tap.case("3名代表" in row.name and "1名请假" in row.name,
                 "the activities list shows it with three deputies, one on leave", [row.name])

        before = app.windows()
        click(row, "push button", f"编辑“{TITLE}”")
        ed = new_window(app, before, "the activity editor, reopened")
        wait_for("its title", lambda: text_of(find(ed, "text", "标题")) == TITLE)
        shown = editor_fields(ed)
        tap.case(shown == typed and shown["kind"] == ["视察"],
                 "reopened, the editor shows every field as typed", [f"typed {typed}", f"shown {shown}"])
        named(tap, "the activity editor", ed)
        marks = {name: attendance_shown(ed, name) for name in deputies}
        tap.case(marks == {deputies[0]: ["出席"], deputies[1]: ["请假"], deputies[2]: ["出席"]},
                 "reopened, each deputy's attendance is as set", [str(marks)])

        click(ed, "push button", "保存(S)")
        app.wait_window_gone(ed.name)
        again = read_activity(db)
        tap.case(again == (fields, attendees),
                 "opened and saved untouched, the store holds the same", [str(again)])
        named(tap, "the activities list", listing)

        # Deleting asks first; then the activity is a tombstone, gone from the list.
        before = app.windows()
        click(row_of(listing), "push button", f"编辑“{TITLE}”")
        ed = new_window(app, before, "the activity editor, for deleting")
        before = app.windows()
        click(ed, "push button", "删除活动(D)…")
        ask = new_window(app, before, "the confirmation")
        click(ask, "push button", "删除(D)")
        app.wait_window_gone(ed.name)
        con = sqlite3.connect(db)
        deleted = con.execute("SELECT deleted FROM activities WHERE title = ?", (TITLE,)).fetchall()
        con.close()
        activities = find(listing, "list", "本月活动", timeout=5) if find_all(listing, "list", "本月活动") else None
        left = [r.name for r in rows_of(activities)] if activities is not None else []
        tap.case(deleted == [(1,)] and not any(TITLE in n for n in left),
                 "deleted after a confirmation, it is a tombstone and leaves the list", [str(deleted)])
        close_window(app, listing)
    finally:
        app.quit()


def main():
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-duty-") as tmp:
        for title, scenario in (("the duty roster at a station", station_roster),
                                ("the activity editor at headquarters", hq_activity)):
            try:
                scenario(tmp, tap)
            except Exception as e:  # noqa: BLE001 — report, then go on
                tap.case(False, title, repr(e).splitlines())
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
