#!/usr/bin/python3
"""The main menu's 用户手册 (User Guide), driven over AT-SPI in zh_CN.

The desktop's browser is stood in for: a desktop file of this test's own is
the default for text/html (a mimeapps.list in the app's XDG_CONFIG_HOME),
and it runs a script that writes down the URI it was given. In the real
app, the main menu holds a named 用户手册(G) item; activating it, and then
F1, each hand the browser the guide rendered from docs/zh_CN/用户手册.md, as
a file:// URI (which GIO gives the browser as the file's path): the file is there, titled 用户手册, and every
picture and style it uses is a local file (nothing fetched). meson installs
that page and its pictures under ${datadir}/liaison/help/zh_CN/, the folder
the program looks in when it runs installed. run.sh gives it a bus.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.parse

import pyatspi

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import TAP, App, click, find_all, focused, liaison_bin, run_cli, wait_for  # noqa: E402

tap = TAP()
F1 = 0xffbe


def stand_in_browser(tmp):
    """XDG folders whose default text/html program writes its argument to
    the returned file, one line a launch."""
    log = os.path.join(tmp, "opened.txt")
    script = os.path.join(tmp, "browser.sh")
    with open(script, "w") as f:
        f.write(f"#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{log}'\n")
    os.chmod(script, 0o755)
    apps = os.path.join(tmp, "data", "applications")
    os.makedirs(apps)
    with open(os.path.join(apps, "liaison-test-browser.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Test browser\n"
                f"Exec={script} %u\nMimeType=text/html;x-scheme-handler/file;\n")
    config = os.path.join(tmp, "config")
    os.makedirs(config)
    with open(os.path.join(config, "mimeapps.list"), "w") as f:
        f.write("[Default Applications]\ntext/html=liaison-test-browser.desktop\n")
    os.environ["XDG_DATA_HOME"] = os.path.join(tmp, "data")
    os.environ["XDG_CONFIG_HOME"] = config
    return log


def opened(log):
    try:
        with open(log) as f:
            return [line.strip() for line in f if line.strip()]
    except FileNotFoundError:
        return []


def check_page(uri):
    """(ok, notes) for the guide @uri names."""
    # GIO hands a local file:// URI to the handler's %u as its path.
    if uri.startswith("file:///"):
        path = urllib.parse.unquote(uri[len("file://"):])
    elif uri.startswith("/"):
        path = uri
    else:
        return False, [f"not a local file: {uri}"]
    if not os.path.isfile(path):
        return False, [f"no file at {path}"]
    with open(path, encoding="utf-8") as f:
        page = f.read()
    notes = [path]
    title = re.search(r"<title>([^<]*)</title>", page)
    ok = title is not None and "用户手册" in title.group(1) and "<h1" in page
    notes.append(f"title: {title.group(1) if title else None}")
    refs = re.findall(r'(?:src|href)="([^"#][^"]*)"', page)
    remote = [r for r in refs if re.match(r"[a-z]+:", r)]
    pictures = re.findall(r'<img[^>]* src="([^"]+)"', page)
    missing = [p for p in pictures if not os.path.isfile(os.path.join(os.path.dirname(path), p))]
    notes.append(f"{len(pictures)} pictures, remote references {remote}, missing {missing}")
    return ok and not remote and not missing and len(pictures) >= 5, notes


def installed_guide():
    """(ok, notes): meson installs the page the build renders, and its
    pictures, into the folder the program reads when installed."""
    build = os.path.dirname(os.path.abspath(liaison_bin()))
    out = subprocess.run(["meson", "introspect", "--installed", build], capture_output=True,
                         text=True, check=True).stdout
    installed = json.loads(out)
    page = next((dest for src, dest in installed.items()
                 if src.endswith(os.path.join("docs", "zh_CN", "index.html"))), None)
    if page is None:
        return False, ["docs/zh_CN/index.html is not installed"]
    helpdir = os.path.dirname(page)
    with open(liaison_bin(), "rb") as f:
        binary = f.read()
    looks_there = os.path.dirname(helpdir).encode() in binary
    with open(os.path.join(build, "docs", "zh_CN", "index.html"), encoding="utf-8") as f:
        pictures = re.findall(r'<img[^>]* src="([^"]+)"', f.read())
    dests = set(installed.values())
    missing = [p for p in pictures if os.path.join(helpdir, p) not in dests]
    return (page.endswith(os.path.join("share", "liaison", "help", "zh_CN", "index.html"))
            and looks_there and not missing), [page, f"the program names {os.path.dirname(helpdir)}: {looks_there}",
                                                f"pictures not installed: {missing}"]


def main():
    tmp = tempfile.mkdtemp(prefix="liaison-user-guide-")
    log = stand_in_browser(tmp)
    db = os.path.join(tmp, "demo.db")
    run_cli("demo", "--database", db, "--receptions", "20")

    app = App(db)
    try:
        w = app.main_window()
        click(w, "push button", "主菜单")
        items = wait_for("the main menu's items", lambda: find_all(w, "menu item") or None)
        guide = [i for i in items if i.name.startswith("用户手册")]
        tap.case(len(guide) == 1 and guide[0].name == "用户手册(G)",
                 "the main menu holds 用户手册(G), named", [i.name for i in items])
        if guide:
            guide[0].queryAction().doAction(0)
        try:
            wait_for("the browser to be handed the guide", lambda: len(opened(log)) >= 1)
        except AssertionError as e:
            tap.case(False, "用户手册 hands the browser a URI", [str(e)])
            return tap.done()
        uri = opened(log)[0]
        ok, notes = check_page(uri)
        tap.case(ok, "用户手册 opens the local guide: a page titled 用户手册, "
                 "every picture beside it, nothing remote", [uri] + notes)

        # F1 goes to the focused window: the menu closed, the focus back in it.
        wait_for("the main menu closed, the focus back in the window",
                 lambda: not find_all(w, "menu item") and focused(w))
        pyatspi.Registry.generateKeyboardEvent(F1, None, pyatspi.KEY_SYM)
        try:
            wait_for("F1 to hand the browser the guide", lambda: len(opened(log)) >= 2)
            tap.case(opened(log)[1] == uri, "F1 opens the same guide", opened(log))
        except AssertionError as e:
            tap.case(False, "F1 opens the same guide", [str(e)])
    finally:
        code = app.quit()
    tap.case(code in (0, -15), "the app quits cleanly", [f"exit status {code}"])

    ok, notes = installed_guide()
    tap.case(ok, "meson installs the guide and its pictures where the installed program looks", notes)
    return tap.done()


if __name__ == "__main__":
    sys.exit(main())
