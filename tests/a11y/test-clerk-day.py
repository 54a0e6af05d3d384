#!/usr/bin/python3
"""A clerk's day, driven over AT-SPI as a screen-reader user would.

Starts the real app (LIAISON_BIN) on a fresh database in zh_CN and drives it
only through accessible names, roles, actions, text and the keyboard: names
the station, imports the roster and a GB18030 ledger through the file
chooser, logs a reception with two visitors, two deputies and a suggestion,
finds it by a visitor's phone, edits one field, checks on screen that
nothing else changed, and exports the period to a file. Each step is a TAP
case; a step that fails stops the day, since the next ones build on it.
run.sh gives it a bus.
"""
import csv
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import (TAP, App, choose, choose_file, click, find, find_all,  # noqa: E402
                           focus_by_tab, new_window, press, set_text,
                           text_of, texts_under, wait_for)

DATA = os.environ.get("LIAISON_TEST_DATA",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
STATION = "相山区测试街道人大代表联络站"
VISITORS = [("郑秀兰", "13955551234", "东山社区"), ("冯德胜", "13966665678", "东山社区")]
DEPUTIES = ["周明远", "吴海燕"]
SUMMARY = "反映东山社区菜市场周边占道经营，早高峰交通拥堵。"
HANDLING = "已转街道城管科核实。"
NEW_HANDLING = "已转街道城管科现场劝导，菜市场加设临时摊位区。"
SUGGESTION = "关于规范东山菜市场周边经营秩序的建议"
DATE = "2025-03-05"


def menu(window, item):
    click(window, "push button", "主菜单")
    click(window, "menu item", item)


def label_texts(node):
    return texts_under(node)


class Day:
    def __init__(self, tmp):
        self.tmp = tmp
        self.db = os.path.join(tmp, "station.db")
        self.app = App(self.db)
        self.window = self.app.main_window()

    # 1
    def first_run(self):
        w = self.window
        set_text(find(w, "text", "联络站名称"), STATION)
        set_text(find(w, "text", "所在县区"), "相山区")
        click(w, "push button", "开始(S)")
        wait_for("the station's name in the title", lambda: STATION in w.name)
        assert STATION in label_texts(w), "the header does not show the station"

    # 2
    def import_roster_and_ledger(self):
        w, app = self.window, self.app
        click(w, "page tab", "代表名册")
        before = app.windows()
        click(w, "push button", "导入名册(I)…")
        chooser = choose_file(app, before, os.path.join(DATA, "clerk-roster.csv"))
        click(chooser, "push button", "导入(I)")
        deputies = find(w, "list", "代表名册")
        wait_for("three deputies on the roster", lambda: deputies.childCount == 3)
        names = [deputies.getChildAtIndex(i).name for i in range(deputies.childCount)]
        for name in DEPUTIES:
            assert any(n.startswith(name) for n in names), f"{name} is not listed: {names}"

        click(w, "page tab", "接待登记")
        before = app.windows()
        menu(w, "导入台账(I)…")
        chooser = choose_file(app, before, os.path.join(DATA, "clerk-ledger-gb18030.csv"))
        click(chooser, "push button", "导入(I)")
        receptions = find(w, "list", "接待登记")
        wait_for("the ledger's two receptions", lambda: receptions.childCount == 2)
        rows = [receptions.getChildAtIndex(i).name for i in range(2)]
        # GB18030 read right: the Chinese comes through as written.
        assert any("反映东山社区路灯损坏" in r for r in rows), rows
        assert any("钱建华" in r for r in rows), rows

    # 3
    def log_reception(self):
        w, app = self.window, self.app
        before = app.windows()
        click(w, "push button", "新建接待登记")
        ed = new_window(app, before, "the reception editor")
        self.editor_name = ed.name
        set_text(find(ed, "text", "日期（YYYY-MM-DD）"), DATE)
        set_text(find(ed, "text", "时间（HH:MM）"), "10:15")
        choose(ed, "类别", "城乡建设")
        picker = find(ed, "entry", "添加接待代表")
        for name in DEPUTIES:
            set_text(picker, name)
            focus_by_tab(ed, lambda n: n.getRoleName() == "entry" and n.name == "添加接待代表")
            press("return")
            find(ed, "push button", f"移除{name}")
        click(ed, "push button", "添加来访人(A)")
        names = wait_for("two visitors' fields",
                         lambda: len(find_all(ed, "text", "姓名(N)")) == 2
                         and find_all(ed, "text", "姓名(N)"))
        phones = find_all(ed, "text", "电话(P)")
        places = find_all(ed, "text", "所在社区(C)")
        for i, (name, phone, place) in enumerate(VISITORS):
            set_text(names[i], name)
            set_text(phones[i], phone)
            set_text(places[i], place)
        set_text(find(ed, "text", "反映内容"), SUMMARY)
        set_text(find(ed, "text", "办理情况"), HANDLING)
        click(ed, "push button", "添加意见建议(G)")
        set_text(find(ed, "text", "标题(T)"), SUGGESTION)
        set_text(find(ed, "text", "内容(O)"), "建议划定临时摊位区，错开早高峰。")
        choose(ed, "类别(A)", "城乡建设", button=True)
        click(ed, "push button", "保存(S)")
        self.app.wait_window_gone(ed.name)
        receptions = find(w, "list", "接待登记")
        wait_for("three receptions", lambda: receptions.childCount == 3)

    # 4
    def find_by_phone(self):
        w = self.window
        search = find(w, "entry", "搜索接待登记")
        set_text(search, VISITORS[1][1])
        receptions = find(w, "list", "接待登记")
        wait_for("one reception found by the second visitor's phone",
                 lambda: receptions.childCount == 1 and SUMMARY in receptions.getChildAtIndex(0).name)
        receptions.querySelection().selectChild(0)
        self.detail = next(iter(find_all(w, name="LiaisonReceptionDetail")), w)
        wait_for("its page", lambda: SUGGESTION in label_texts(self.detail))
        self.before_edit = self.screen_facts()

    def screen_facts(self):
        """What the reception's page says, field by field."""
        texts = label_texts(self.detail)
        facts = {}
        for field in ("日期", "接待方式", "类别", "联络站", "接待代表", "反映内容", "办理情况", "当场办结"):
            if field in texts:
                i = texts.index(field)
                facts[field] = texts[i + 1] if i + 1 < len(texts) else None
        facts["来访群众"] = [t for t in texts if t in {v[0] for v in VISITORS}]
        # Each visitor's lines as shown: name, community, masked phone, consent.
        if "来访群众" in texts and "反映内容" in texts[texts.index("来访群众"):]:
            start = texts.index("来访群众")
            facts["来访群众详情"] = texts[start + 1:texts.index("反映内容", start)]
        facts["意见建议"] = [t for t in texts if t == SUGGESTION]
        return facts

    # 5
    def edit(self):
        w, app = self.window, self.app
        before = app.windows()
        click(self.detail, "push button", "编辑(E)")
        ed = new_window(app, before, "the reception editor")
        handling = find(ed, "text", "办理情况")
        wait_for("the handling in the editor", lambda: text_of(handling) == HANDLING)
        set_text(handling, NEW_HANDLING)
        click(ed, "push button", "保存(S)")
        app.wait_window_gone(ed.name)
        wait_for("the new handling on the page",
                 lambda: NEW_HANDLING in label_texts(self.detail))

    # 6
    def nothing_else_changed(self):
        after = self.screen_facts()
        self.notes = [f"on screen after the edit: {after}"]
        expected = dict(self.before_edit, 办理情况=NEW_HANDLING)
        assert after == expected, f"before {self.before_edit}\nafter {after}"
        assert self.before_edit["接待代表"] and all(d in self.before_edit["接待代表"] for d in DEPUTIES), \
            self.before_edit
        assert sorted(self.before_edit["来访群众"]) == sorted(v[0] for v in VISITORS), self.before_edit
        assert self.before_edit["意见建议"] == [SUGGESTION], self.before_edit

    # 7
    def export(self):
        w, app = self.window, self.app
        out = os.path.join(self.tmp, "三月台账.csv")
        before = app.windows()
        menu(w, "导出台账(E)…")
        dialog = new_window(app, before, "the export dialog")
        set_text(find(dialog, "text", "起始日期（YYYY-MM-DD）"), "2025-03-01")
        set_text(find(dialog, "text", "截止日期（YYYY-MM-DD）"), "2025-03-31")
        before = app.windows()
        click(dialog, "push button", "导出(E)…")
        chooser = new_window(app, before, "the save dialog")
        name = wait_for("the file name entry",
                        lambda: next((n for n in find_all(chooser, role="text")
                                      if n.getState().contains(__import__("pyatspi").STATE_FOCUSED)), None))
        set_text(name, out)
        click(chooser, "push button", "导出(E)")
        # The ledger is written whole and renamed into place
        # (g_file_replace_contents): once there, it is complete.
        wait_for("the file written", lambda: os.path.exists(out) and os.path.getsize(out) > 0)
        with open(out, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 3, rows
        ours = [r for r in rows if r["反映内容"] == SUMMARY]
        assert len(ours) == 1, rows
        row = ours[0]
        assert row["办理情况"] == NEW_HANDLING, row
        assert row["来访人"] == "、".join(v[0] for v in VISITORS), row
        assert set(row["接待代表"].split("、")) == set(DEPUTIES), row
        assert row["接待日期"].startswith(DATE), row
        assert row["类别"] == "城乡建设", row
        self.notes = [f"{out}: {len(rows)} rows; ours: {dict(row)}"]


def main():
    tap = TAP()
    with tempfile.TemporaryDirectory(prefix="liaison-clerk-") as tmp:
        day = Day(tmp)
        steps = [
            ("first run: the station is named", day.first_run),
            ("the roster and a GB18030 ledger come in through the file chooser",
             day.import_roster_and_ledger),
            ("a reception with two visitors, two deputies and a suggestion is logged",
             day.log_reception),
            ("it is found by a visitor's phone number", day.find_by_phone),
            ("its handling is edited and saved", day.edit),
            ("its page shows everything else as before", day.nothing_else_changed),
            ("the period is exported to a file that holds it", day.export),
        ]
        try:
            stopped = None
            for title, step in steps:
                if stopped:
                    tap.case(False, title, [f"not reached: {stopped}"])
                    continue
                try:
                    day.notes = []
                    step()
                    tap.case(True, title, day.notes)
                except Exception as e:  # noqa: BLE001 — report, then stop the day
                    stopped = title
                    tap.case(False, title, [line for line in repr(e).splitlines()])
        finally:
            day.app.quit()
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
