#!/usr/bin/env python3
"""Checks that every screenshot a metainfo file names is in docs/screenshots/.

  check-screenshots.py METAINFO.xml SCREENSHOTS_DIR

The metainfo's <image> addresses end in a file name of the repository's
docs/screenshots/ (resources/meson.build, -Dscreenshot_base_url): each must
be there, a PNG at least 620 pixels wide (AppStream's smallest), and the
file names must not repeat. Prints one line per image; exit 1 on a miss.
"""
import os
import struct
import sys
import xml.etree.ElementTree as ET


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def main(metainfo, folder):
    images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter("image")]
    failed = not images
    if not images:
        print(f"{metainfo}: no <image> at all")
    seen = set()
    for url in images:
        name = url.rsplit("/", 1)[-1]
        path = os.path.join(folder, name)
        size = png_size(path) if os.path.isfile(path) else None
        if not url.startswith("https://"):
            print(f"not https: {url}")
            failed = True
        elif name in seen:
            print(f"named twice: {name}")
            failed = True
        elif size is None:
            print(f"not a PNG in {folder}: {name}")
            failed = True
        elif size[0] < 620:
            print(f"{name} is {size[0]} pixels wide, under AppStream's 620")
            failed = True
        else:
            print(f"ok {name} {size[0]}x{size[1]}")
        seen.add(name)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
