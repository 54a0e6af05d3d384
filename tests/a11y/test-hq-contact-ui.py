#!/usr/bin/python3
"""Show Contact… at a headquarters desk, driven over AT-SPI in zh_CN.

A real liaison-hq on loopback holds 南山联络站's reception of 王秀兰
(13912345678, may be contacted). Headquarters' desk, enrolled and synced
with the `liaison` CLI, holds her phone masked. In the real app, the
reception's page has 查看联系方式(C)… (named); it asks for a 原因 in a dialog
whose 查看(S) waits for one; with it, the server's answer shows
13912345678 on the page, the server logs hq_contact_look with the reason,
and neither the desk's file nor its WAL holds the number. With the server
stopped, asking again says 无法连接总部服务器 in a dialog.
run.sh gives it a bus. With LIAISON_SHOT=FILE.png it takes the reason
dialog.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, click, find, find_all, find_list, new_window, run_cli,  # noqa: E402
                           set_text, texts_under, wait_for)

tap = TAP()
PHONE = "13912345678"
MASKED = "139****5678"
REASON = "督办回访核实路灯问题"
BUTTON = "查看联系方式(C)…"


def hq_bin():
    return os.environ.get("LIAISON_HQ_BIN", "build/sync/hq/liaison-hq")


def hq(data, *args):
    out = subprocess.run([hq_bin(), *args[:2], "--data-dir", data, *args[2:]], capture_output=True,
                         text=True, check=True).stdout
    return out.strip().splitlines()[-1] if out.strip() else ""


def sql(db, statement):
    return subprocess.run(["sqlite3", db, statement], capture_output=True, text=True,
                          check=True).stdout.strip()


def post(url, path, body, token=None):
    request = urllib.request.Request(url + path, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", "Liaison-Protocol": "1",
                                              **({"Authorization": "Bearer " + token} if token else {})})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return json.loads(answer.read())


def holds(path, text):
    try:
        with open(path, "rb") as f:
            return text.encode() in f.read()
    except FileNotFoundError:
        return False


def city(tmp):
    """The server, 南山's reception pushed with 南山's token; the server's url."""
    data = os.path.join(tmp, "hq-data")
    subprocess.run([hq_bin(), "init", "--data-dir", data], check=True, capture_output=True)
    roster = os.path.join(tmp, "deputies.csv")
    with open(roster, "w", encoding="utf-8") as f:
        f.write("姓名,层级,代表小组,专业\n张伟,市,农业代表小组,农业\n")
    subprocess.run([hq_bin(), "import", "deputies", "--data-dir", data, roster], check=True, capture_output=True)
    station_code = hq(data, "station", "add", "南山联络站", "--district", "相山区")
    user_code = hq(data, "user", "add", "--role", "hq", "办公室")
    server = subprocess.Popen([hq_bin(), "serve", "--data-dir", data, "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip().split(" ")[-1]
    enrolled = post(url, "/v1/enroll", {"protocol": 1, "code": station_code})
    hq_db = os.path.join(data, "hq.db")
    category = sql(hq_db, "SELECT uuid FROM records WHERE kind = 'category' LIMIT 1")
    deputy = sql(hq_db, "SELECT uuid FROM records WHERE kind = 'deputy' LIMIT 1")
    record = {"kind": "reception", "uuid": "5e000000-0000-4000-8000-000000000001", "version": 1,
              "base_version": 0, "updated_at": "2025-03-05T01:30:00Z", "deleted": False,
              "data": {"received_at": "2025-03-05 09:30", "station": enrolled["station"]["uuid"],
                       "channel": "walk_in", "category": category, "summary": "小区路灯不亮",
                       "handled_on_spot": False, "handling": "", "deputies": [deputy],
                       "visitors": [{"name": "王秀兰", "phone": PHONE, "community": "翠竹园社区",
                                     "party_size": 1, "consent": True}]}}
    pushed = post(url, "/v1/push", {"protocol": 1, "records": [record]}, enrolled["token"])
    assert pushed["results"][0]["status"] == "applied", pushed
    return server, url, user_code, hq_db


def ask(app, w, detail):
    """Show Contact… with the reason; the dialog's window."""
    before = app.windows()
    click(detail, "push button", BUTTON)
    dialog = new_window(app, before, "the reason dialog")
    reason = find(dialog, "text", "原因")
    show = find(dialog, "push button", "查看(S)")
    return dialog, reason, show


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-hq-contact-")
    os.environ["XDG_CONFIG_HOME"] = os.path.join(tmp, "config")
    os.environ["LIAISON_NO_KEYRING"] = "1"
    server, url, code, server_db = city(tmp)
    desk = os.path.join(tmp, "desk.db")
    run_cli("enroll", "--database", desk, "--server", url, "--code", code)
    run_cli("sync", "--database", desk)
    tap.case(sql(desk, "SELECT phone FROM reception_visitors") == MASKED, "the desk holds the phone masked",
             [sql(desk, "SELECT phone FROM reception_visitors")])

    app = App(desk)
    try:
        w = app.main_window()
        receptions = find_list(w, "接待登记")
        wait_for("the reception", lambda: receptions.childCount > 0)
        receptions.querySelection().selectChild(0)
        detail = next(iter(find_all(w, name="LiaisonReceptionDetail")), w)
        wait_for("the masked phone", lambda: MASKED in texts_under(detail))
        tap.case(find(detail, "push button", BUTTON) is not None, f"the page has {BUTTON}, named")

        dialog, reason, show = ask(app, w, detail)
        tap.case(dialog.name == "查看联系方式" and reason is not None,
                 "the dialog 查看联系方式 asks for a 原因, named", [dialog.name])
        tap.case(not show.getState().contains(__import__("pyatspi").STATE_SENSITIVE),
                 "查看(S) waits for a reason")
        set_text(reason, REASON)
        wait_for("查看(S) enabled", lambda: show.getState().contains(__import__("pyatspi").STATE_SENSITIVE))
        if os.environ.get("LIAISON_SHOT"):
            time.sleep(1)
            subprocess.run(["import", "-window", "root", os.environ["LIAISON_SHOT"]], check=True)
        click(dialog, "push button", "查看(S)")
        wait_for("the number on the page", lambda: PHONE in texts_under(detail))
        tap.case(True, "the server's answer shows 13912345678 on the page",
                 [t for t in texts_under(detail) if "1391" in t or "服务器" in t])
        logged = sql(server_db, "SELECT json_extract (data, '$.kind') || '|' || json_extract (data, '$.reason')"
                                " FROM records WHERE kind = 'access_log'")
        tap.case(logged == "hq_contact_look|" + REASON, "the server logged the look with its reason", [logged])
        time.sleep(1)
        tap.case(not holds(desk, PHONE) and not holds(desk + "-wal", PHONE),
                 "neither the desk's file nor its WAL holds the number")

        # Offline: said in a dialog, nothing more shown or logged.
        server.terminate()
        server.wait(10)
        dialog, reason, show = ask(app, w, detail)
        set_text(reason, REASON)
        wait_for("查看(S) enabled", lambda: show.getState().contains(__import__("pyatspi").STATE_SENSITIVE))
        before = app.windows()
        click(dialog, "push button", "查看(S)")
        error = new_window(app, before, "the error dialog")
        said = texts_under(error)
        tap.case(error.name == "无法查看联系方式" and any("无法连接总部服务器" in t for t in said),
                 "offline, a dialog says the server could not be reached", [error.name] + said[:4])
        tap.case(sql(server_db, "SELECT count(*) FROM records WHERE kind = 'access_log'") == "1",
                 "nothing more was logged")
    except Exception as e:  # noqa: BLE001 — a step that cannot be driven fails the test
        tap.case(False, "Show Contact… could be driven", [repr(e)] + texts_under(app.main_window())[:30])
    finally:
        app.quit()
        if server.poll() is None:
            server.terminate()
            server.wait(10)
    tap.case(not holds(desk, PHONE) and not holds(desk + "-wal", PHONE),
             "after the app quit, the desk's file holds no number")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
