#!/usr/bin/python3
"""render-guide.py GUIDE.md OUT_DIR/index.html DEPFILE PICTURE...: the user
guide as one HTML page that opens from a file:// URI with nothing fetched.

The page is rendered with Debian's python3-markdown, its style inline, no
web fonts, no scripts. Every picture the guide shows (a path relative to
the guide: its own images/, or the screenshots the other docs share in
../screenshots/ and ../images/) is copied to OUT_DIR/images/ under its own
name, and the page points there. The PICTUREs are those meson installs
beside the page: a picture the guide shows that is not among them, one
missing, or one listed that the guide does not show fails the build, so
the installed guide never lacks one. DEPFILE lists the guide and its
pictures for ninja.
"""
import html
import os
import re
import shutil
import sys

import markdown
from markdown.extensions.toc import slugify_unicode

STYLE = """
body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; line-height: 1.7;
       max-width: 52em; margin: 2em auto; padding: 0 1em; color: #1e1e1e; background: #fff; }
h1, h2, h3 { line-height: 1.3; }
h2 { border-bottom: 1px solid #ccc; padding-bottom: .2em; margin-top: 2em; }
img { max-width: 100%; height: auto; border: 1px solid #ccc; border-radius: 6px; }
table { border-collapse: collapse; margin: 1em 0; }
th, td { border: 1px solid #bbb; padding: .3em .6em; text-align: left; vertical-align: top; }
th { background: #f0f0f0; }
code, kbd { font-family: "Noto Sans Mono CJK SC", monospace; background: #f3f3f3; padding: 0 .2em; }
blockquote { border-left: 4px solid #3584e4; margin: 1em 0; padding: .2em 1em; background: #f4f8fd; }
a { color: #1a5fb4; }
@media (prefers-color-scheme: dark) {
  body { color: #eee; background: #242424; }
  th { background: #333; }
  code, kbd { background: #333; }
  blockquote { background: #2a3440; }
  a { color: #78aeed; }
}
"""

IMAGE = re.compile(r"(!\[[^\]]*\]\()([^)\s]+)(\))")


def main():
    source, out, depfile, *listed = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(source))
    out_dir = os.path.dirname(os.path.abspath(out))
    with open(source, encoding="utf-8") as f:
        text = f.read()

    listed = {os.path.realpath(p) for p in listed}
    shown = {}
    problems = []
    for _, path, _ in IMAGE.findall(text):
        real = os.path.realpath(os.path.join(here, path))
        name = os.path.basename(real)
        if not os.path.isfile(real):
            problems.append(f"{path} is missing")
        elif real not in listed:
            problems.append(f"{path} is not among the pictures docs/zh_CN/meson.build installs")
        elif shown.get(name, real) != real:
            problems.append(f"two pictures are named {name}")
        shown[name] = real
    problems += [f"{p} is installed but the guide does not show it" for p in sorted(listed - set(shown.values()))]
    if problems:
        sys.exit(f"{source}: " + "; ".join(problems))

    text = IMAGE.sub(lambda m: m.group(1) + "images/" + os.path.basename(m.group(2)) + m.group(3), text)
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "用户手册")
    body = markdown.markdown(text, extensions=["tables", "toc", "sane_lists"],
                             extension_configs={"toc": {"slugify": slugify_unicode}},
                             output_format="html")
    page = ("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            f"<title>{html.escape(title)}</title>\n<style>{STYLE}</style>\n</head>\n"
            f"<body>\n{body}\n</body>\n</html>\n")

    os.makedirs(os.path.join(out_dir, "images"), exist_ok=True)
    for name, real in shown.items():
        shutil.copyfile(real, os.path.join(out_dir, "images", name))
    with open(out, "w", encoding="utf-8") as f:
        f.write(page)

    def escape(path):
        return path.replace(" ", "\\ ")
    deps = [os.path.abspath(source)] + sorted(shown.values())
    with open(depfile, "w", encoding="utf-8") as f:
        f.write(escape(out) + ": " + " ".join(escape(d) for d in deps) + "\n")


if __name__ == "__main__":
    main()
