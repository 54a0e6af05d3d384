#!/usr/bin/python3
"""Photos and files on a reception, over AT-SPI in zh_CN.

Starts the real app (LIAISON_BIN) on a fresh database, names the station,
imports the roster and the clerk's ledger, opens one of the ledger's
receptions in the editor and, through the 添加文件(F)… button and GTK's
own file chooser, attaches the photo of a sign-in sheet and a letter
(PDF); a zip archive named .png is refused with a sentence under the
section, and nothing of it is listed. Saved, the reception's page shows the
photo as a thumbnail named 照片：sign-in-sheet.png and the letter as a row
with its open button. Edited again and saved without touching the files,
it keeps both. run.sh gives it a bus.

With LIAISON_SHOTS=DIR it also saves the screen, the editor with its files
and the page with the thumbnail, as DIR/reception-files-editor-zh_CN.png
and DIR/reception-files-detail-zh_CN.png.
"""
import os
import subprocess
import sys
import tempfile
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (DATA, TAP, App, choose_file, click, find, find_all, new_window,  # noqa: E402
                           set_text, set_up_clerk_station, texts_under, wait_for)

FILES = os.path.join(DATA, "reception-files")
SHOTS = os.environ.get("LIAISON_SHOTS")
PHOTO = "照片：sign-in-sheet.png"
REFUSED = "“really-a-zip.png”不是照片、PDF、办公文档或纯文本"


def shoot(name, scroll=0, at=(683, 420)):
    if SHOTS:
        time.sleep(4)  # a toast goes
        if scroll:
            # Only for the picture: the wheel over the page shown.
            subprocess.run(["xdotool", "mousemove", str(at[0]), str(at[1]), "click", "--repeat", str(scroll),
                            "--delay", "50", "5"], check=True)
        time.sleep(1.5)
        subprocess.run(["import", "-window", "root", os.path.join(SHOTS, name)], check=True)


def set_up(app, w):
    receptions = set_up_clerk_station(app, w)
    receptions.querySelection().selectChild(0)
    return next(iter(find_all(w, name="LiaisonReceptionDetail")), w)


def attach(app, ed, name):
    before = app.windows()
    click(ed, "push button", "添加文件(F)…")
    chooser = choose_file(app, before, os.path.join(FILES, name))
    click(chooser, "push button", "添加(A)")
    app.wait_window_gone(chooser.name)


def attaches(app, w, detail):
    before = app.windows()
    click(detail, "push button", "编辑(E)")
    ed = new_window(app, before, "the reception editor")
    attach(app, ed, "sign-in-sheet.png")
    find(ed, "push button", "移除sign-in-sheet.png")
    find(ed, pred=lambda n: n.name == PHOTO)
    attach(app, ed, "letter.pdf")
    find(ed, "push button", "移除letter.pdf")
    attach(app, ed, "really-a-zip.png")
    refusal = wait_for("the refusal under the section",
                       lambda: next((t for t in texts_under(ed) if t.startswith(REFUSED)), None))
    assert not find_all(ed, "push button", "移除really-a-zip.png"), "the zip was listed"
    listed = find(ed, "list", "照片和文件")
    assert listed.childCount == 2, f"{listed.childCount} files listed"
    notes = [f"refused: {refusal}", f"listed: {listed.childCount} rows"]
    shoot("reception-files-editor-zh_CN.png", scroll=12)
    click(ed, "push button", "保存(S)")
    app.wait_window_gone(ed.name)
    return notes


def shows(app, w, detail):
    photo = find(detail, "push button", PHOTO)
    assert "click" in [photo.queryAction().getName(i) for i in range(photo.queryAction().nActions)], \
        "the thumbnail cannot be clicked"
    find(detail, "push button", "打开 letter.pdf")
    files = find(detail, "list", "文件")
    assert files.childCount == 1, f"{files.childCount} file rows"
    shoot("reception-files-detail-zh_CN.png", scroll=10, at=(900, 450))
    return [f"{photo.getRoleName()}: {photo.name}"]


def keeps(app, w, detail):
    before = app.windows()
    click(detail, "push button", "编辑(E)")
    ed = new_window(app, before, "the reception editor")
    find(ed, "push button", "移除letter.pdf")
    set_text(find(ed, "text", "办理情况"), "已将签到表照片与来信一并存档。")
    click(ed, "push button", "保存(S)")
    app.wait_window_gone(ed.name)
    wait_for("the new handling on the page",
             lambda: "已将签到表照片与来信一并存档。" in texts_under(detail))
    find(detail, "push button", PHOTO)
    find(detail, "push button", "打开 letter.pdf")
    return []


def main():
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-reception-files-") as tmp:
        app = App(os.path.join(tmp, "station.db"))
        w = app.main_window()
        steps = [
            ("a photo and a letter attached through the file chooser; a zip named .png refused", attaches),
            ("the page shows the photo's thumbnail, named, and the letter's open button", shows),
            ("an edit that does not touch the files keeps them", keeps),
        ]
        try:
            detail = set_up(app, w)
            tap.case(True, "the station, its roster and its ledger", [])
            for name, step in steps:
                try:
                    tap.case(True, name, step(app, w, detail))
                except Exception as e:  # noqa: BLE001 — report, and skip nothing silently
                    tap.case(False, name, traceback.format_exc().splitlines()
                             + [f"the app's exit status: {app.proc.poll()}"])
                    shoot("failed.png")
                    break
        except Exception as e:  # noqa: BLE001
            tap.case(False, "the station, its roster and its ledger", repr(e).splitlines())
        finally:
            app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
