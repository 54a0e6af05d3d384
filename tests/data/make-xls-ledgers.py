#!/usr/bin/python3
"""Makes the .xls (BIFF8) ledgers in tests/data that
tests/test-ledger-xls-import.c imports: openpyxl writes each as an .xlsx
workbook, and LibreOffice, a writer this project did not write, converts
it to an Excel 97-2003 workbook (soffice --headless --convert-to xls).
The .xls files are committed, so the tests need no LibreOffice; run this
again (with python3-openpyxl and libreoffice-calc-nogui installed) only to
change them:

    /usr/bin/python3 tests/data/make-xls-ledgers.py

Rows 1 and 2 are titles (row 1 merged across the nine columns), row 3 the
header, rows 4 to 6 the receptions: a date and time typed as a date and
a phone typed as a number; a date and a phone typed as text; a date
alone in Excel's built-in date format. ledger-bad.xls names an unknown
deputy in row 5.
"""
import datetime
import os
import shutil
import subprocess
import sys
import tempfile

import openpyxl

ZH = ['接待日期', '接待代表', '来访人', '联系电话', '人数', '所在社区', '类别', '反映内容', '办理情况']
EN = ['Date', 'Deputies', 'Visitor', 'Phone', 'Party size', 'Community', 'Category', 'Content', 'Handling']


def workbook(path, header, second_deputy):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = '台账'
    sheet.append(['东山街道人大代表联络站接待登记台账'])
    sheet.merge_cells('A1:I1')
    sheet.append(['', '2024年3月'])
    sheet.append(header)
    sheet.append([datetime.datetime(2024, 3, 5, 9, 30), '王建国', '张桂兰', 13812345678, 1,
                  '东山社区', '城乡建设', '反映道路积水严重。', None])
    sheet['A4'].number_format = 'yyyy-mm-dd hh:mm'
    sheet.append(['2024/3/6 10:00', second_deputy, '李明', '13900002222', 2,
                  '朝阳社区', '社会保障', '反映低保审核慢。', '已登记。'])
    sheet.append([datetime.date(2024, 3, 7), '李秀英、张伟', None, None, 3,
                  '金海社区', '城乡建设', '反映路灯不亮，\n希望修理。', '已转交街道。'])
    sheet['A6'].number_format = 'mm-dd-yy'
    book.save(path)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    with tempfile.TemporaryDirectory() as work:
        made = []
        for name, header, deputy in (('ledger-good', ZH, '张伟'),
                                     ('ledger-english', EN, '张伟'),
                                     ('ledger-bad', ZH, '王五')):
            path = os.path.join(work, name + '.xlsx')
            workbook(path, header, deputy)
            made.append(path)
        # A profile of its own, so that a running LibreOffice is not used.
        profile = 'file://' + os.path.join(work, 'profile')
        subprocess.run(['soffice', '-env:UserInstallation=' + profile, '--headless',
                        '--convert-to', 'xls', '--outdir', work] + made, check=True)
        for path in made:
            xls = path[:-len('.xlsx')] + '.xls'
            with open(xls, 'rb') as f:
                assert f.read(8) == bytes.fromhex('d0cf11e0a1b11ae1'), xls
            shutil.copy(xls, os.path.join(here, os.path.basename(xls)))
            print(os.path.basename(xls))


if __name__ == '__main__':
    sys.exit(main())
