#!/usr/bin/python3
"""The screenshot of docs/privacy.md's Retention and purge: headquarters'
Time Limits, Holidays and Make-up Workdays dialog (办理时限和节假日调休)
with its retention period (来访人信息保存期限), in zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-retention.py OUT_DIR

Not a test: test-ui-board checks the dialog.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import shoot_menu_dialog  # noqa: E402


def main():
    shoot_menu_dialog(sys.argv[1], "retention-zh_CN.png", "办理时限和节假日调休(T)…", "the rules dialog",
                      demo_args=("--receptions", "40", "--days", "20", "--hq"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
