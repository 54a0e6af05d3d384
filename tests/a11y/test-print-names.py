#!/usr/bin/python3
"""Printing's controls, named over AT-SPI in zh_CN.

Starts the real app (LIAISON_BIN) on a demo station's database: the main
menu offers 打印空白登记表(B)… and 打印台账(L)…; the ledger's period
dialog has its date rows, its list and its buttons named; a reception's
page has the 打印登记表(P)… button, which asks whether to include full
contacts (含完整联系方式), every control named, then opens the system's
print dialog.
run.sh gives it a bus.
"""
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, audit, click, close_window, find, find_all,  # noqa: E402
                           find_list, new_window, run_cli, wait_for)

MENU_ITEMS = ("打印空白登记表(B)…", "打印台账(L)…")
PRINT_FORM = "打印登记表(P)…"


def menu(app, w):
    click(w, "push button", "主菜单")
    items = [find(w, "menu item", name) for name in MENU_ITEMS]
    notes = [f"menu item: {i.name}" for i in items]
    before = app.windows()
    click(w, "menu item", "打印台账(L)…")
    dialog = new_window(app, before, "the ledger's period dialog")
    assert dialog.name == "打印台账", dialog.name
    find(dialog, "list", "打印的日期范围")
    find(dialog, "text", "起始日期（YYYY-MM-DD）")
    find(dialog, "text", "截止日期（YYYY-MM-DD）")
    find(dialog, "push button", "打印(P)…")
    checked, offenders = audit(dialog)
    assert not offenders, offenders
    notes.append(f"the period dialog: {checked} controls, each named")
    click(dialog, "push button", "取消(C)")
    app.wait_window_gone(dialog.name)
    return notes


def form_button(app, w):
    receptions = find_list(w, "接待登记")
    wait_for("the demo's receptions", lambda: receptions.childCount > 0)
    receptions.querySelection().selectChild(0)
    detail = next(iter(find_all(w, name="LiaisonReceptionDetail")), w)
    button = find(detail, "push button", PRINT_FORM,
                  pred=lambda n: "click" in [n.queryAction().getName(i)
                                             for i in range(n.queryAction().nActions)])
    before = app.windows()
    click(detail, "push button", PRINT_FORM)
    choice = new_window(app, before, "the form's contacts dialog")
    assert choice.name == "打印登记表", choice.name
    find(choice, "check box", "含完整联系方式")
    checked, offenders = audit(choice)
    assert not offenders, offenders
    before = app.windows()
    click(choice, "push button", "打印(P)…")
    dialog = new_window(app, before, "the print dialog")
    note = f"push button: {button.name} asks about full contacts ({checked} controls, each named), then opens “{dialog.name}”"
    close_window(app, dialog)
    return [note]


def main():
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-print-names-") as tmp:
        database = os.path.join(tmp, "station.db")
        run_cli("demo", "--database", database, "--receptions", "5", "--days", "5")
        app = App(database)
        w = app.main_window()
        try:
            for title, case in (("the main menu's print items and the ledger's period dialog are named", menu),
                                ("a reception's page has a named button that opens the print dialog",
                                 form_button)):
                try:
                    tap.case(True, title, case(app, w))
                except Exception as e:  # noqa: BLE001 — report
                    tap.case(False, title, repr(e).splitlines())
        finally:
            app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
