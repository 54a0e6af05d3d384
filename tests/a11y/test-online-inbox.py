#!/usr/bin/python3
"""The Online inbox and headquarters' view of the online channel (issue 14),
driven over AT-SPI in zh_CN in the real window.

A station's desk (the demo) is brought two citizens' online submissions the
way a pull brings them (tests/online-pull.c applies the page through the
store's pull path). On the Receptions page the button 网上来件 says two
wait; the inbox names each row with its title, category, time, wait and the
citizen's masked phone, never the full one. 受理 makes a reception with
channel online, which 打开接待记录 shows in the Receptions list. 不予受理 is
refused while no reason is chosen; with one, the submission leaves the
inbox and the database holds the decision with its reason and note.

A headquarters desk (demo --hq) is brought two pending submissions, one 4
working days old and one 2: on the Follow-up page 网上来件超过3个工作日未受理
lists the first and not the second, and 各联络站网上来件 lists both, and a
third accepted 2 working days after it came in, each with how long it
waited or has waited.

With LIAISON_SHOT_DIR=DIR it saves online-inbox-zh_CN.png,
online-decline-zh_CN.png, online-hq-zh_CN.png (the flag) and
online-hq-stations-zh_CN.png (every station's, at the page's end) there.
run.sh gives it a bus.
"""
import datetime
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
import traceback
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, action_names, audit, click, do_action, find, find_all, find_list,  # noqa: E402
                           focus_by_tab, has_state, new_window, press, run_cli, set_text, texts_under,
                           wait_for)

import pyatspi  # noqa: E402

tap = TAP()
SHOTS = os.environ.get("LIAISON_SHOT_DIR")
LAMP = "路灯不亮已经两周"
STALLS = "小区门口占道经营"
LATE = "村道塌陷无人修"
RECENT = "公交站台缺少遮阳棚"
DONE = "菜市场排水沟堵塞"
PHONE = "13912345678"
MASKED = "139****5678"
OVERDUE_LIST = "网上来件超过3个工作日未受理"
BY_STATION_LIST = "各联络站网上来件"


def sql(db, statement):
    return subprocess.run(["sqlite3", db, statement], capture_output=True, text=True,
                          check=True).stdout.strip()


def wire(at):
    return at.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def working_days_ago(n):
    """10:00 local on a day with exactly @n working days (Monday to Friday:
    a fresh desk's loop rules list no holidays) after it, up to today."""
    day = datetime.date.today()
    count = 0
    while count < n:
        if day.weekday() < 5:
            count += 1
        day -= datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(10, 0)).astimezone()


def submission(station, category, title, at, name=None, phone=None, consent=False):
    return {"kind": "online_submission", "uuid": str(uuid.uuid4()), "version": 1,
            "updated_at": wire(at), "origin_station": None, "deleted": False,
            "data": {"station": station, "category": category, "title": title,
                     "content": title + "，请尽快处理。", "name": name, "phone": phone,
                     "community": "东山社区" if name else None, "consent": consent,
                     "submitted_at": wire(at)}}


def decision_uuid(submission_uuid):
    """The decision's uuid, derived from its submission's as every desk
    derives it (liaison_online_decision_uuid())."""
    digest = bytearray(hashlib.sha1(b"liaison:online_decision:" + submission_uuid.lower().encode()).digest())
    digest[6] = (digest[6] & 0x0F) | 0x50
    digest[8] = (digest[8] & 0x3F) | 0x80
    return str(uuid.UUID(bytes=bytes(digest[:16])))


def accepted(sub, at):
    """The station's decision accepting @sub at @at, as its push reaches
    headquarters' feed."""
    return {"kind": "online_decision", "uuid": decision_uuid(sub["uuid"]), "version": 1,
            "updated_at": wire(at), "origin_station": sub["data"]["station"], "deleted": False,
            "data": {"submission": sub["uuid"], "station": sub["data"]["station"], "decision": "accepted",
                     "reason": None, "note": None, "reception": str(uuid.uuid4()),
                     "suggestion": str(uuid.uuid4()), "decided_at": wire(at), "decided_by": "联络站工作人员"}}


def pull(db, tmp, changes):
    page = os.path.join(tmp, "page.json")
    with open(page, "w", encoding="utf-8") as f:
        json.dump(changes, f, ensure_ascii=False)
    subprocess.run([os.environ.get("LIAISON_ONLINE_PULL", "build/tests/online-pull"), db, page],
                   check=True, stdout=subprocess.DEVNULL)


def shoot(name):
    if not SHOTS:
        return
    time.sleep(1.5)
    path = os.path.join(SHOTS, name)
    subprocess.run(["import", "-window", "root", path], check=True)
    tap.note(f"screenshot {path}")


def case(title, body):
    try:
        notes = body() or ()
        tap.case(True, title, notes)
    except Exception as e:  # a failed case says why and the rest still run
        where = traceback.extract_tb(e.__traceback__)[-1]
        tap.case(False, title, [f"{type(e).__name__}: {e} (line {where.lineno}: {where.line})"])


def inbox_button(w):
    return find(w, "push button", pred=lambda n: n.name.startswith("网上来件："))


def open_inbox(app, w):
    before = app.windows()
    do_action(inbox_button(w), "click")
    return new_window(app, before, "the Online inbox")


def rows_of(inbox):
    lst = find_list(inbox, "网上来件")
    return [r for r in find_all(lst, "list item")]


def station_case(tmp):
    db = os.path.join(tmp, "station.db")
    run_cli("demo", "--database", db, "--receptions", "20")
    station = sql(db, "SELECT value FROM settings WHERE key = 'station_uuid'")
    category = sql(db, "SELECT uuid FROM categories WHERE code = 'urban_construction'")
    lamp = submission(station, category, LAMP, working_days_ago(1), "王秀兰", PHONE, True)
    stalls = submission(station, category, STALLS, working_days_ago(2), None, "13800001111")
    pull(db, tmp, [lamp, stalls])
    app = App(db)
    try:
        w = app.main_window()
        find_list(w, "接待登记")
        state = {}

        def banner():
            button = inbox_button(w)
            assert button.name == "网上来件：2 件待受理", button.name
            state["inbox"] = open_inbox(app, w)
            return [button.name]
        case("the Receptions page's 网上来件 says two submissions wait", banner)

        def rows():
            rows = wait_for("two rows in the inbox", lambda: len(rows_of(state["inbox"])) == 2 and rows_of(state["inbox"]))
            names = [r.name for r in rows]
            lamp_row = next(n for n in names if n.startswith(LAMP))
            for part in ("城乡建设", "王秀兰", MASKED, "已等待 1 个工作日"):
                assert part in lamp_row, f"{part} not in {lamp_row!r}"
            assert PHONE not in " ".join(names), names
            assert any(n.startswith(STALLS) and "未留姓名" in n for n in names), names
            checked, offenders = audit(state["inbox"])
            assert checked >= 6 and not offenders, offenders
            shoot("online-inbox-zh_CN.png")
            return names + [f"{checked} controls named"]
        case("each inbox row is named with its title, category, wait and the masked phone; every control is named", rows)

        def accept():
            inbox = state["inbox"]
            before = app.windows()
            click(inbox, "push button", f"受理“{LAMP}”")
            done = new_window(app, before, "the Accepted dialog")
            click(done, "push button", "打开接待记录(O)")
            app.wait_window_gone("网上来件")
            receptions = find_list(w, "接待登记")
            wait_for("the new reception in the Receptions list",
                     lambda: any(LAMP in (r.name or "") for r in find_all(receptions, "list item")))
            wait_for("its channel, 网络, on its page", lambda: any("网络" in t for t in texts_under(w)))
            channel = sql(db, "SELECT channel FROM receptions WHERE summary = '%s'" % LAMP)
            assert channel == "online", channel
            decision = sql(db, "SELECT decision FROM online_submissions WHERE uuid = '%s'" % lamp["uuid"])
            assert decision == "accepted", decision
            return [f"channel {channel}"]
        case("受理 makes a reception with channel online, shown in the Receptions list", accept)

        def decline_refused():
            button = wait_for("the button saying one waits",
                              lambda: inbox_button(w).name == "网上来件：1 件待受理" and inbox_button(w))
            state["inbox"] = open_inbox(app, w)
            inbox = state["inbox"]
            wait_for("one row", lambda: len(rows_of(inbox)) == 1)
            before = app.windows()
            click(inbox, "push button", f"不予受理“{STALLS}”…")
            dialog = new_window(app, before, "the Decline dialog")
            state["dialog"] = dialog
            decline = find(dialog, "push button", "不予受理(D)")
            assert not has_state(decline, pyatspi.STATE_SENSITIVE), "不予受理 is offered with no reason"
            if "click" in action_names(decline):
                do_action(decline, "click")
            time.sleep(1)
            assert any(x == dialog for x in app.windows()), "the dialog closed with no reason"
            find(dialog, "label", "请选择不予受理的原因，群众会看到这一原因。")
            pending = sql(db, "SELECT count(*) FROM online_submissions WHERE decision IS NULL")
            assert pending == "1", pending
            checked, offenders = audit(dialog)
            assert checked >= 5 and not offenders, offenders
            shoot("online-decline-zh_CN.png")
            return [button.name, f"{checked} controls named"]
        case("不予受理 without a reason is refused and says why", decline_refused)

        def decline():
            dialog = state["dialog"]
            reasons = find_all(dialog, "radio button") or find_all(dialog, "check box")
            assert len(reasons) == 3, [r.name for r in reasons]
            reason = reasons[1].name
            # GTK 4.8 gives a check box no action over AT-SPI: Space on
            # its row, as a keyboard user does.
            focus_by_tab(dialog, lambda n: n.getRoleName() == "list item" and n.name == reason)
            press("space")
            wait_for("the reason chosen", lambda: has_state(reasons[1], pyatspi.STATE_CHECKED))
            set_text(find(dialog, "text", "备注（选填）"), "与去年十月的反映重复")
            decline = find(dialog, "push button", "不予受理(D)")
            wait_for("不予受理 offered", lambda: has_state(decline, pyatspi.STATE_SENSITIVE))
            try:
                do_action(decline, "click")
            except Exception:  # the dialog is gone before the click's answer
                pass
            wait_for("the inbox empty", lambda: len(rows_of(state["inbox"])) == 0)
            find(state["inbox"], "label", "没有待受理的网上来件")
            row = sql(db, "SELECT decision, reason, note FROM online_submissions WHERE uuid = '%s'"
                      % stalls["uuid"])
            assert row == "declined|duplicate|与去年十月的反映重复", row
            return [row, reason]
        case("with a reason, 不予受理 takes it out of the inbox", decline)
    finally:
        app.quit()


def hq_case(tmp):
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "50")
    stations = sql(db, "SELECT uuid || '|' || name FROM stations WHERE deleted = 0 ORDER BY name LIMIT 2").splitlines()
    (late_station, late_name), (recent_station, recent_name) = [s.split("|", 1) for s in stations]
    category = sql(db, "SELECT uuid FROM categories WHERE code = 'urban_construction'")
    done = submission(recent_station, category, DONE, working_days_ago(7))
    pull(db, tmp, [submission(late_station, category, LATE, working_days_ago(4), "李明", "13700002222"),
                   submission(recent_station, category, RECENT, working_days_ago(2)),
                   done, accepted(done, working_days_ago(5))])
    app = App(db)
    try:
        w = app.main_window()
        click(w, "page tab", "跟踪督办")

        def flag():
            lst = find_list(w, OVERDUE_LIST)
            rows = wait_for("a row in the flag", lambda: find_all(lst, "list item"))
            names = [r.name for r in rows]
            assert len(names) == 1, names
            assert names[0].startswith(LATE) and late_name in names[0] and "已等待 4 个工作日" in names[0], names
            assert names[0].endswith("超过3个工作日"), names
            assert not any(RECENT in n or DONE in n for n in names), names
            assert OVERDUE_LIST + "（1 件）" in texts_under(w), "no count in the title"
            shoot("online-hq-zh_CN.png")
            return names
        case("at headquarters the flag lists the submission 4 working days old, not the one 2 days old", flag)

        def by_station():
            lst = find_list(w, BY_STATION_LIST)
            rows = wait_for("three rows", lambda: len(find_all(lst, "list item")) == 3 and find_all(lst, "list item"))
            names = [r.name for r in rows]
            assert any(n.startswith(DONE) and "已受理" in n and n.endswith("等待了 2 个工作日") for n in names), names
            assert any(n.startswith(RECENT) and recent_name in n and n.endswith("已等待 2 个工作日") for n in names), names
            assert any(n.startswith(LATE) and "待受理" in n for n in names), names
            assert not any("13700002222" in n for n in names), names
            find(w, "combo box", "联络站")
            if SHOTS:  # the list is at the page's end: a wheel brings it up under the flag
                for _ in range(12):
                    subprocess.run(["xdotool", "mousemove", "680", "420", "click", "5"], check=False)
            shoot("online-hq-stations-zh_CN.png")
            return names
        case("at headquarters every station's submissions show with how long each waited", by_station)
    finally:
        app.quit()


with tempfile.TemporaryDirectory(prefix="liaison-online-") as tmp:
    station_case(tmp)
    hq_case(tmp)
sys.exit(tap.done())
