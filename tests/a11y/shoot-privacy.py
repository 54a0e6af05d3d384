#!/usr/bin/python3
"""The screenshot of docs/privacy.md's Masking: the Print Ledger dialog with
Include Full Contacts (含完整联系方式) switched on and a reason typed, in
zh_CN.

    tests/a11y/run.sh tests/a11y/shoot-privacy.py OUT_DIR

Not a test: test-ui-privacy checks the dialog.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from liaison_atspi import action_names, do_action, find, set_text, shoot_menu_dialog  # noqa: E402


def include_contacts(dialog):
    """Include Full Contacts on, with a reason."""
    switch = find(dialog, "switch")
    do_action(switch, action_names(switch)[0])
    set_text(find(dialog, "text", "原因"), "电话回访群众，核实办理结果")


def main():
    shoot_menu_dialog(sys.argv[1], "privacy-contacts-zh_CN.png", "打印台账(L)…", "the ledger's period dialog",
                      demo_args=("--receptions", "40", "--days", "20"), prepare=include_contacts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
