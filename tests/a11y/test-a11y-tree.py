#!/usr/bin/python3
"""Every control of every page and dialog has a name, over AT-SPI.

Opens the real app (LIAISON_BIN) on a demo station of 200 receptions, or
on a headquarters desk (the argument: station or hq; both without one), in zh_CN, walks the whole accessible tree of each page
and dialog, and fails on any node a person can focus or activate that has no
accessible name, only its widget type for one, or a raw underscore in it.
Each offender is printed with its role and path. run.sh gives it a bus.
"""
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pyatspi  # noqa: E402

from liaison_atspi import (TAP, App, audit, click, close_window, do_action,  # noqa: E402
                           choose_file, find, find_all, find_list, focus_by_tab, has_state, new_window,
                           press, run_cli, select_child, set_text, wait_for, wait_laid_out, walk)

DATA = os.environ.get("LIAISON_TEST_DATA",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
tap = TAP()
totals = {"checked": 0, "offenders": 0}


def check(title, root):
    started = time.time()
    checked, offenders = audit(root)
    totals["checked"] += checked
    totals["offenders"] += len(offenders)
    notes = [f"{checked} controls checked, {len(offenders)} without a proper name "
             f"({time.time() - started:.0f} s)"]
    # Two hundred unnamed rows of one list are one fault: say it once.
    counts = {}
    for offender in offenders:
        counts[offender] = counts.get(offender, 0) + 1
    for (role, name, problem, path), n in counts.items():
        times = f" (×{n})" if n > 1 else ""
        notes.append(f"{role} {name!r}: {problem}{times}\n#   at {path}")
    tap.case(not offenders, title, notes)


def run_case(title, body):
    """A case that could not be driven fails, and the run goes on."""
    try:
        body()
    except Exception as e:  # noqa: BLE001 — report and carry on
        tap.case(False, title, [f"could not be driven: {e!r}"])


def open_page(window, name):
    """Clicks a page's tab; what is then read on the page waits for it
    (find_list, find, page_node)."""
    click(window, "page tab", name)


def open_dialog(app, title, opener):
    """Runs @opener, walks the window it opens, and closes it."""
    def body():
        before = app.windows()
        opener()
        dialog = new_window(app, before, f"the window {title} opens")
        wait_laid_out(dialog, title)
        check(title, dialog)
        close_window(app, dialog)
    run_case(title, body)


def menu(app, window, item):
    click(window, "push button", "主菜单")
    click(window, "menu item", item)


def select_first_row(window, list_name):
    lst = find_list(window, list_name)
    wait_for(f"rows in {list_name}", lambda: lst.childCount > 0)
    select_child(lst, 0)
    # The page shows the selected row as it is selected (notify::selected-item).
    wait_for(f"the first row of {list_name} selected", lambda: lst.querySelection().isChildSelected(0))


def select_row_with_button(app, window, button, statuses):
    """Selects suggestions whose row names one of @statuses until one's
    page offers @button."""
    lst = find_list(window, "意见建议")
    wait_for("suggestions", lambda: lst.childCount > 0)
    detail = page_node(window, "LiaisonSuggestionDetail")
    for i in range(lst.childCount):
        if not any(f"，{s}，" in (lst.getChildAtIndex(i).name or "") for s in statuses):
            continue
        select_child(lst, i)
        try:
            return find(detail, "push button", button, timeout=3)
        except AssertionError:
            continue
    raise AssertionError(f"no suggestion offers {button}")


def filled_editor(app, window):
    """The editor with what a clerk adds: a deputy, a second visitor, a
    suggestion; then the prompt that closing it without saving brings."""
    deputies = find_list(window, "代表名册")
    deputy = deputies.getChildAtIndex(0).name.split("，")[0]
    before = app.windows()
    click(window, "push button", "新建接待登记")
    editor = new_window(app, before, "the reception editor")
    set_text(find(editor, "entry", "添加接待代表"), deputy)
    focus_by_tab(editor, lambda n: n.getRoleName() == "entry" and n.name == "添加接待代表")
    press("return")
    find(editor, "push button", f"移除{deputy}")
    click(editor, "push button", "添加来访人(A)")
    nodes = len(list(walk(editor)))
    click(editor, "push button", "添加意见建议(G)")
    wait_for("the suggestion's fields added", lambda: len(list(walk(editor))) > nodes)
    check("reception editor, filled in", editor)
    before = app.windows()
    do_action(editor, "window.close")
    prompt = new_window(app, before, "the prompt to discard the reception")
    check("prompt to discard a reception", prompt)
    click(prompt, "push button", "放弃(D)")
    app.wait_window_gone(editor.name)


def import_errors(app, window):
    """A ledger with bad rows, through the menu and the file chooser: the
    dialog that lists its problems."""
    before = app.windows()
    menu(app, window, "导入台账(I)…")
    chooser = choose_file(app, before, os.path.join(DATA, "ledger-bad.csv"))
    before = app.windows()
    click(chooser, "push button", "导入(I)")
    report = new_window(app, before, "the import errors")
    wait_laid_out(report, "the import errors")
    check("ledger import errors", report)
    close_window(app, report)


def become_deputy(app, window):
    """Switch User, as a keyboard user: Tab to 代表, Space, then 切换."""
    before = app.windows()
    menu(app, window, "切换用户(S)…")
    dialog = new_window(app, before, "Switch User")
    # GTK 4.8 gives a check box no action over AT-SPI, and Tab skips the
    # unchecked one of a group: Space on its row, as a keyboard user does.
    focus_by_tab(dialog, lambda n: n.getRoleName() == "list item" and n.name == "代表")
    press("space")
    wait_for("代表 checked", lambda: has_state(find(dialog, "check box", "代表"),
                                               pyatspi.STATE_CHECKED))
    # The deputy's first time at this desk: a new PIN, typed twice.
    for name in ("新 PIN 码（6 位或以上数字）", "再次输入新 PIN 码"):
        set_text(find(dialog, name=name, pred=lambda n: n.getRoleName() in ("text", "password text")), "246813")
    click(dialog, "push button", "切换(S)")
    app.wait_window_gone(dialog.name)


def page_node(window, type_name):
    """The subtree of one page, found by the type GTK names its container
    after, once the page is shown (GTK leaves a hidden page off the tree)."""
    return find(window, name=type_name)


def check_page(title, window, type_name):
    check(title, page_node(window, type_name))


def station_desk(tmp):
    db = os.path.join(tmp, "station.db")
    run_cli("demo", "--database", db, "--receptions", "200")
    app = App(db)
    try:
        window = app.main_window()
        find_list(window, "接待登记")

        # The whole window once: header, menus and every page as built.
        def whole():
            select_first_row(window, "接待登记")
            check("main window, a reception open", window)
        run_case("main window, a reception open", whole)

        def suggestions():
            open_page(window, "意见建议")
            select_first_row(window, "意见建议")
            check_page("Suggestions page, a suggestion open", window, "LiaisonSuggestionsPage")
        run_case("Suggestions page, a suggestion open", suggestions)

        def follow_up():
            open_page(window, "跟踪督办")
            check_page("Follow-up page", window, "LiaisonFollowUpPage")
        run_case("Follow-up page", follow_up)

        def deputies():
            open_page(window, "代表名册")
            select_first_row(window, "代表名册")
            check_page("Deputies page, a deputy open", window, "LiaisonDeputiesPage")
        run_case("Deputies page, a deputy open", deputies)

        open_dialog(app, "deputy editor",
                    lambda: click(window, "push button", "添加代表(A)"))
        open_page(window, "接待登记")
        open_dialog(app, "reception editor",
                    lambda: click(window, "push button", "新建接待登记"))
        run_case("reception editor, filled in", lambda: filled_editor(app, window))
        run_case("ledger import errors", lambda: import_errors(app, window))
        open_dialog(app, "export period", lambda: menu(app, window, "导出台账(E)…"))
        open_dialog(app, "Switch User", lambda: menu(app, window, "切换用户(S)…"))
        open_dialog(app, "enroll", lambda: menu(app, window, "接入市人大常委会(H)…"))

        def take_up():
            become_deputy(app, window)
            open_page(window, "意见建议")
            button = select_row_with_button(app, window, "领办", ["已登记"])
            open_dialog(app, "take-up dialog", lambda: do_action(button))
        run_case("take-up dialog", take_up)
        open_page(window, "跟踪督办")
        run_case("Follow-up page of a deputy",
                 lambda: check_page("Follow-up page of a deputy", window, "LiaisonFollowUpPage"))
    finally:
        app.quit()


def hq_desk(tmp):
    db = os.path.join(tmp, "hq.db")
    run_cli("demo", "--hq", "--database", db, "--receptions", "200")
    app = App(db)
    try:
        window = app.main_window()
        find_list(window, "接待登记")
        run_case("main window at headquarters",
                 lambda: check("main window at headquarters", window))
        open_dialog(app, "Time limits and holidays",
                    lambda: menu(app, window, "办理时限和节假日调休(T)…"))
        open_page(window, "意见建议")
        open_dialog(app, "referral dialog",
                    lambda: do_action(select_row_with_button(app, window, "交办", ["已登记", "代表已领办"])))
        open_dialog(app, "reply dialog",
                    lambda: do_action(select_row_with_button(app, window, "录入答复", ["已交办", "办理中"])))
        open_page(window, "跟踪督办")
        run_case("Follow-up page at headquarters",
                 lambda: check_page("Follow-up page at headquarters", window, "LiaisonFollowUpPage"))

        def dashboard():
            open_page(window, "数据看板")
            page = find(window, "panel", "数据看板")
            find(page, "push button", pred=lambda n: n.name.startswith("已收集：") and not n.name.endswith("—"))
            do_action(find(page, "push button", "以表格显示意见建议（按类别）"))
            check("Dashboard at headquarters, a table open", page)
        run_case("Dashboard at headquarters, a table open", dashboard)
    finally:
        app.quit()


DESKS = {"station": station_desk, "hq": hq_desk}


def main():
    # One desk per run (the argument; both without one): each walk takes
    # minutes, and two tests keep each well inside its time limit.
    desks = sys.argv[1:] or list(DESKS)
    with tempfile.TemporaryDirectory(prefix="liaison-a11y-") as tmp:
        for desk in desks:
            DESKS[desk](tmp)
    tap.note(f"in all: {totals['checked']} controls checked, "
             f"{totals['offenders']} without a proper name")
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
