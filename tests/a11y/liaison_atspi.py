"""Driving the real liaison window over AT-SPI, as a screen reader would.

Shared by the accessible-tree test and the scenarios. Everything
here goes through accessible names, roles, actions and the text interfaces;
nothing reaches into the app's database or widgets. run.sh starts the bus.
"""
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

import pyatspi

# GTK 4.8 names a node after its widget type when nothing names it: that is
# no name to a person.
TYPE_NAME = re.compile(r"^(Gtk|Adw|Liaison)[A-Z][A-Za-z]*$")

# What a person can focus or activate, and so must hear a name for.
INTERACTIVE_ROLES = {
    "push button", "toggle button", "check box", "radio button", "switch",
    "menu item", "check menu item", "radio menu item", "combo box",
    "text", "entry", "password text", "spin button", "slider", "link",
    "list item", "list", "page tab", "tree item", "table cell", "table",
    "tree table",
}

# GTK 4.8 marks every GtkScrolledWindow focusable; it passes focus to its
# content, whose own names a screen reader reads. Not counted.
NOT_COUNTED_ROLES = {"scroll pane"}

# Generous: the sanitizer build under a loaded ./dev test is slow to draw.
TIMEOUT = float(os.environ.get("LIAISON_ATSPI_TIMEOUT", "30"))

# tests/data, where the clerk's roster and ledger are.
DATA = os.environ.get("LIAISON_TEST_DATA",
                      os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data"))
# The station set_up_clerk_station() makes.
CLERK_STATION = "相山区测试街道人大代表联络站"


class TAP:
    """TAP on stdout, so meson counts each case."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def case(self, ok, title, notes=()):
        self.n += 1
        if not ok:
            self.failed += 1
        print(f"{'ok' if ok else 'not ok'} {self.n} - {title}")
        for note in notes:
            print(f"# {note}")
            # meson --print-errorlogs shows stderr: why a case failed.
            if not ok:
                print(f"{title}: {note}", file=sys.stderr)
        sys.stdout.flush()

    def note(self, text):
        print(f"# {text}")
        sys.stdout.flush()

    def done(self):
        print(f"1..{self.n}")
        return 1 if self.failed else 0


def app_env(english=False):
    env = dict(os.environ)
    # The GLib tests switch the bridge off; this test needs it on.
    env.pop("NO_AT_BRIDGE", None)
    env["GTK_A11Y"] = "atspi"
    # GTK 4.8 under a fresh bus may warn about portals and the like, so
    # warnings stay warnings; a critical is a bug of ours and ends the run.
    env["G_DEBUG"] = "fatal-criticals"
    if english:
        env.update(LANGUAGE="en", LANG="C.UTF-8", LC_ALL="C.UTF-8")
    else:
        env.update(LANGUAGE="zh_CN", LANG="zh_CN.UTF-8", LC_ALL="zh_CN.UTF-8")
    env.setdefault("GSETTINGS_BACKEND", "memory")
    return env


def liaison_bin():
    return os.environ.get("LIAISON_BIN", "build/liaison")


def run_cli(*args):
    """Runs a headless liaison command (demo, import); fails loudly."""
    subprocess.run([liaison_bin(), *args], env=app_env(), check=True,
                   stdout=subprocess.DEVNULL)


# The App processes started, so that a wait that times out can say when the
# app it waited on is gone (a crash reads, over AT-SPI, as nothing changing).
APPS = []


def ended_apps():
    """What became of each app started that has ended, or "" if none has."""
    out = []
    for app in APPS:
        code = app.proc.poll()
        if code is None:
            continue
        how = f"killed by {signal.Signals(-code).name}" if code < 0 else f"exit status {code}"
        out.append(f"the app (pid {app.proc.pid}) had ended: {how}")
    return "; ".join(out)


def wait_for(what, probe, timeout=TIMEOUT, why=None, every=0.2):
    """Polls @probe every @every seconds until it returns something true;
    raises after @timeout, saying what @why (if given) returns then, and
    whether the app ended."""
    end = time.time() + timeout
    while True:
        try:
            found = probe()
        except Exception:  # a node can vanish while it is read
            found = None
        if found:
            return found
        if time.time() > end:
            notes = [ended_apps()]
            if why is not None and not notes[0]:
                try:
                    notes.append(why())
                except Exception as e:  # noqa: BLE001 — the timeout is the news
                    notes.append(f"(what it shows could not be read: {e!r})")
            raise AssertionError("; ".join([f"timed out waiting for {what}"] + [n for n in notes if n]))
        time.sleep(every)


class App:
    """A liaison process and its accessible application node."""

    def __init__(self, database, *args, english=False):
        self.proc = subprocess.Popen([liaison_bin(), "--database", database, *args],
                                     env=app_env(english=True) if english else app_env())
        APPS.append(self)
        self.node = wait_for("the liaison application on the bus", self._find)
        wait_for("its window", lambda: self.node.childCount > 0)

    def _find(self):
        for a in pyatspi.Registry.getDesktop(0):
            try:
                if a is not None and a.get_process_id() == self.proc.pid:
                    return a
            except Exception:
                pass
        return None

    def windows(self):
        return [w for w in self.node if w is not None]

    def window(self, name, timeout=TIMEOUT):
        return wait_for(f"the window “{name}”",
                        lambda: next((w for w in self.windows() if w.name == name), None),
                        timeout)

    def main_window(self):
        return self.windows()[0]

    def wait_window_gone(self, name):
        """Waits until no window is named @name; if one stays, says what
        each window open shows (an error label, a message dialog)."""
        wait_for(f"the window “{name}” to close",
                 lambda: all(w.name != name for w in self.windows()),
                 why=self.what_windows_show)

    def what_windows_show(self):
        """Each open window's name and the texts it shows, for a failure."""
        out = []
        for w in self.windows():
            texts = " | ".join(texts_under(w))
            if len(texts) > 1500:
                texts = texts[:1500] + " …"
            out.append(f"window “{w.name}” shows: {texts}")
        return "; ".join(out) or "no window is open"

    def quit(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


# Rows of one list are built by one function, so past the first few their
# insides repeat: only each row itself is read, which keeps a walk of a
# 200-row page to seconds over D-Bus.
ROWS_WALKED_INSIDE = 12


def walk(node, path=(), hidden=False, shallow=False):
    """Yields (node, path) for @node and everything under it; path is a
    tuple of "role 'name'" steps from @node. A hidden widget and all under
    it are left out unless @hidden: nobody can reach them. With @shallow,
    only @node itself."""
    try:
        step = f"{node.getRoleName()} '{node.name}'" if node.name else node.getRoleName()
        if not hidden and not has_state(node, pyatspi.STATE_VISIBLE):
            return
    except Exception:
        return
    here = path + (step,)
    yield node, here
    if shallow:
        return
    try:
        count = node.childCount
        rows = step.startswith("list ") or step.startswith("table ")
    except Exception:
        return
    for i in range(count):
        try:
            child = node.getChildAtIndex(i)
        except Exception:
            continue
        if child is not None:
            yield from walk(child, here, hidden, shallow=rows and i >= ROWS_WALKED_INSIDE)


def has_state(node, state):
    try:
        return node.getState().contains(state)
    except Exception:
        return False


def is_interactive(node):
    role = node.getRoleName()
    if role in NOT_COUNTED_ROLES:
        return False
    return role in INTERACTIVE_ROLES or has_state(node, pyatspi.STATE_FOCUSABLE)


def name_problem(name):
    """Why @name is no good as an accessible name, or None."""
    if not name or not name.strip():
        return "no name"
    if TYPE_NAME.match(name):
        return "only its widget type for a name"
    if "_" in name:
        return "a raw underscore"
    words = name.split(" ")
    half = len(words) // 2
    if len(words) % 2 == 0 and half > 0:
        first, second = " ".join(words[:half]), " ".join(words[half:])
        # "当场办结 当场办结(H)": a label and a labelled-by saying it twice
        if re.sub(r"\(\w\)$", "", second) == re.sub(r"\(\w\)$", "", first):
            return "the same name twice"
    return None


def audit(root):
    """Returns (checked, offenders): offenders are (role, name, problem, path)."""
    checked = 0
    offenders = []
    for node, path in walk(root):
        try:
            if not is_interactive(node):
                continue
            name = node.name
            role = node.getRoleName()
        except Exception:
            continue
        checked += 1
        problem = name_problem(name)
        if problem:
            offenders.append((role, name, problem, " > ".join(path)))
    return checked, offenders


def find_all(root, role=None, name=None, pred=None):
    out = []
    for node, _ in walk(root):
        try:
            if role is not None and node.getRoleName() != role:
                continue
            if name is not None and node.name != name:
                continue
            if pred is not None and not pred(node):
                continue
        except Exception:
            continue
        out.append(node)
    return out


def find_list(window, name, timeout=TIMEOUT):
    """A page's list named @name, not a detail pane's group of that name."""
    def probe():
        for node, path in walk(window):
            try:
                if (node.getRoleName() == "list" and node.name == name
                        and not any("Detail'" in step for step in path)):
                    return node
            except Exception:
                continue
        return None
    return wait_for(f"the list “{name}”", probe, timeout)


def find(root, role=None, name=None, pred=None, timeout=TIMEOUT):
    what = f"{role or 'a node'} named “{name}”" if name is not None else (role or "a node")
    return wait_for(what, lambda: next(iter(find_all(root, role, name, pred)), None), timeout)


def action_names(node):
    try:
        action = node.queryAction()
    except NotImplementedError:
        return []
    return [action.getName(i) for i in range(action.nActions)]


def do_action(node, name="click"):
    action = node.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == name:
            action.doAction(i)
            return
    raise AssertionError(f"{node.getRoleName()} “{node.name}” has no action {name}: "
                         f"{action_names(node)}")


def click(root, role, name, timeout=TIMEOUT):
    """Clicks the first @role named @name under @root that can be clicked."""
    node = find(root, role, name, pred=lambda n: "click" in action_names(n), timeout=timeout)
    do_action(node, "click")
    return node


def text_of(node):
    try:
        t = node.queryText()
        return t.getText(0, t.characterCount)
    except NotImplementedError:
        return node.name or ""


def set_text(node, text):
    """Replaces an entry's or text view's text through EditableText."""
    editable = node.queryEditableText()
    count = node.queryText().characterCount
    if count:
        editable.deleteText(0, count)
    editable.insertText(0, text, len(text.encode("utf-8")))


def texts_under(root):
    """The names and texts of every label and text under @root, in order."""
    out = []
    for node, _ in walk(root):
        try:
            role = node.getRoleName()
        except Exception:
            continue
        if role in ("label", "text"):
            value = text_of(node) if role == "text" else node.name
            if value:
                out.append(value)
    return out


def select_child(list_node, index):
    list_node.querySelection().selectChild(index)


def new_window(app, before, what):
    """Waits for a window that was not among @before (a list of nodes)."""
    def probe():
        for w in app.windows():
            if all(not w == b for b in before):
                return w
        return None
    return wait_for(what, probe)


def ask_past_last_window(app):
    """Asks the app for the window just past the last one it shows, as a
    screen reader does when a window closes between its count of the
    windows and its question for one (pyatspi's loop over an app's windows
    does too). The app must answer and go on: GTK 4.8 answers with the last
    window it has, shown or not, and a hidden one has no accessible path (a
    critical, and the app ends). Returns a note for the TAP case."""
    count = app.node.childCount
    first = app.node.getChildAtIndex(0).name
    try:
        past = app.node.getChildAtIndex(count)
        answer = f"“{past.name}”" if past is not None else "nothing"
    except Exception as e:  # noqa: BLE001 — an error is an answer; a crash is not
        answer = f"an error ({e})"
    wait_for("the app to answer after it", lambda: app.node.getChildAtIndex(0).name == first)
    return f"{count} window(s) shown; window {count + 1} asked for: {answer}, and the app goes on"


def close_window(app, window):
    """Closes a dialog the way Escape or its close button would."""
    count = len(app.windows())
    do_action(window, "window.close")
    wait_for("the window to close", lambda: len(app.windows()) < count)


KEYS = {"slash": 0x2f, "tab": 0xff09, "space": 0x20, "return": 0xff0d, "escape": 0xff1b,
        "down": 0xff54, "up": 0xff52, "backspace": 0xff08}


def press(key):
    """A key press and release, through AT-SPI's own keyboard synthesis,
    to whatever has the focus. It does not wait for the app to act on it:
    the caller waits for what the key does (focus_by_tab, choose, or a
    wait_for of its own)."""
    pyatspi.Registry.generateKeyboardEvent(KEYS[key], None, pyatspi.KEY_SYM)


def focused(root):
    return next((n for n, _ in walk(root) if has_state(n, pyatspi.STATE_FOCUSED)), None)


def wait_focus_in(window, what):
    """Waits until a node of @window has the focus: GTK marks a widget
    focused only while its window is the active one, so a key pressed then
    goes to @window."""
    return wait_for(f"the focus in {what}", lambda: focused(window), every=0.05)


def extents(node):
    """@node's place and size on the screen."""
    return node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)


def wait_laid_out(node, what):
    """Waits until @node has a size on the screen: a window is on the bus
    as soon as it is shown, but its lists build their rows, and
    liaison-ui-a11y.c names them, only as it is mapped and laid out."""
    return wait_for(f"{what} laid out", lambda: (lambda e: e.width > 0 and e.height > 0)(extents(node)),
                    every=0.05)


def describe(node):
    """A node as a failure names it: its role and name, or "nothing"."""
    if node is None:
        return "nothing"
    try:
        return f"{node.getRoleName()} “{node.name}”"
    except Exception as e:  # noqa: BLE001 — it may have gone meanwhile
        return f"a node that could not be read ({e!r})"


# How long a key pressed while no node says it has the focus is given to
# show where it went: GTK 4.8 reports the focus of most controls, but not of
# all (a window's own focus before the first Tab, some composite widgets),
# so from there on a move cannot be told from no move.
UNSEEN_FOCUS_SETTLE = 1.0


def press_and_wait_focus(root, key, before, what):
    """Presses @key and waits until the node focused under @root is no
    longer @before: a key read before the app has moved the focus would
    see the old focus, and the next key would then skip a control. From
    a focus no node reports (@before None), it waits UNSEEN_FOCUS_SETTLE
    at most for one to show, and returns None if none does."""
    press(key)
    moved = lambda: (lambda now: (now,) if now != before else None)(focused(root))  # noqa: E731
    if before is None:
        try:
            return wait_for("a node to say it has the focus", moved,
                            timeout=UNSEEN_FOCUS_SETTLE, every=0.05)[0]
        except AssertionError:
            return None
    return wait_for(f"the focus to move from {describe(before)} after {key} ({what})", moved,
                    why=lambda: f"{describe(focused(root))} has the focus", every=0.05)[0]


def focus_by_tab(root, pred, limit=60):
    """Presses Tab until the focused node under @root satisfies @pred: GTK
    4.8 does not let AT-SPI move the focus (grabFocus fails), a keyboard
    does. After each Tab it waits until the focus has moved."""
    seen = []
    node = focused(root)
    for _ in range(limit):
        if node is not None and pred(node):
            return node
        seen.append(describe(node))
        node = press_and_wait_focus(root, "tab", node, "looking for a control")
    raise AssertionError(f"Tab never reached the control sought in {limit} presses; "
                         f"the focus went {' → '.join(seen[-12:])} → {describe(node)}")


def choose(window, combo, item, button=False):
    """Picks @item in the combo box @combo by keyboard: Tab to it, Space
    opens its list, arrows walk it (GTK 4.8 lets AT-SPI select only rows
    already built). Each key waits for the focus to move."""
    if button:  # a GtkDropDown: its button takes the focus
        opener = focus_by_tab(window, lambda n: n.getRoleName() == "push button"
                              and n.parent is not None and n.parent.name == combo)
    else:
        opener = focus_by_tab(window, lambda n: n.getRoleName() == "combo box" and n.name == combo)
    node = press_and_wait_focus(window, "space", opener, f"opening {combo}")
    walked = []
    for _ in range(40):
        if node is not None and node.name == item:
            press("return")
            wait_for(f"{combo}'s list to close on {item}",
                     lambda: focused(window) != node,
                     why=lambda: f"{describe(focused(window))} has the focus")
            return
        walked.append(describe(node))
        node = press_and_wait_focus(window, "down", node, f"walking {combo}'s list for {item}")
    raise AssertionError(f"{combo} offers no {item}: {' → '.join(walked)}")


def choose_file(app, before, path):
    """GTK's own file chooser, opened since @before: types "/" to open its
    location entry, as a keyboard user does, and puts @path in it. The
    caller then presses the accept button its dialog named."""
    chooser = new_window(app, before, "the file chooser")
    wait_focus_in(chooser, "the file chooser")
    press("slash")
    entry = wait_for("the location entry",
                     lambda: next((n for n in find_all(chooser, role="text")
                                   if text_of(n).startswith("/")), None))
    set_text(entry, path)
    return chooser


def set_up_clerk_station(app, w, ledger=True):
    """On a fresh database's first page, names the station CLERK_STATION in
    相山区 and imports the clerk's roster (three deputies) and, with
    @ledger, the clerk's GB18030 ledger (two receptions), as a clerk does
    through the window. Returns the 接待登记 list, or None without the
    ledger."""
    set_text(find(w, "text", "联络站名称"), CLERK_STATION)
    set_text(find(w, "text", "所在县区"), "相山区")
    click(w, "push button", "开始(S)")
    wait_for("the station's name in the title", lambda: CLERK_STATION in w.name)
    click(w, "page tab", "代表名册")
    before = app.windows()
    click(w, "push button", "导入名册(I)…")
    chooser = choose_file(app, before, os.path.join(DATA, "clerk-roster.csv"))
    click(chooser, "push button", "导入(I)")
    deputies = find(w, "list", "代表名册")
    wait_for("three deputies on the roster", lambda: deputies.childCount == 3)
    if not ledger:
        return None
    click(w, "page tab", "接待登记")
    before = app.windows()
    click(w, "push button", "主菜单")
    click(w, "menu item", "导入台账(I)…")
    chooser = choose_file(app, before, os.path.join(DATA, "clerk-ledger-gb18030.csv"))
    click(chooser, "push button", "导入(I)")
    receptions = find(w, "list", "接待登记")
    wait_for("the ledger's two receptions", lambda: receptions.childCount == 2)
    return receptions


def shoot_menu_dialog(out, png, item, what, demo_args=(), prepare=None):
    """The screenshot @png in @out of the dialog the main menu's @item
    opens (@what names it in a timeout), on a demo database made with
    @demo_args, after @prepare (if any) has been given the dialog; then
    cancels it. For the shoot-*.py scripts."""
    with tempfile.TemporaryDirectory(prefix="liaison-shoot-") as tmp:
        database = os.path.join(tmp, "demo.db")
        run_cli("demo", "--database", database, *demo_args)
        app = App(database)
        w = app.main_window()
        try:
            click(w, "push button", "主菜单")
            before = app.windows()
            click(w, "menu item", item)
            dialog = new_window(app, before, what)
            if prepare is not None:
                prepare(dialog)
            time.sleep(1.5)
            path = os.path.join(out, png)
            subprocess.run(["import", "-window", "root", path], check=True)
            print(path)
            click(dialog, "push button", "取消(C)")
        finally:
            app.quit()
