#!/usr/bin/env python3
"""Checks the home page a metainfo file names.

  check-homepage.py METAINFO.xml [URL]

With URL, the file's only <url> is <url type="homepage">URL</url>; with
none (or ""), it has no <url> at all: the home page is meson's
-Dhomepage_url (resources/meson.build), never an address the project
does not control. Prints what it found; exit 1 when it differs.
"""
import sys
import xml.etree.ElementTree as ET


def main(metainfo, expected):
    urls = [(e.get("type"), (e.text or "").strip()) for e in ET.parse(metainfo).getroot().iter("url")]
    print(f"{metainfo}: {urls}")
    want = [("homepage", expected)] if expected else []
    if urls != want:
        print(f"expected {want}")
        return 1
    return 0


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else ""))
