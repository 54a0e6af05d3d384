/* liaison-ledger-xlsx.c: the reception ledger's export as a table
 * (liaison-table-file.c): the CSV's columns (liaison-ledger-columns.c)
 * under their Chinese names; as a workbook, 接待日期 a date and time, a
 * single 人数 a number, every other cell (phones too) text; as CSV, a
 * phone after a tab. The cells hold what the CSV's do, so that both
 * formats agree. */
#define G_LOG_DOMAIN "liaison-ledger"

#include "config.h"

#include "liaison-ledger-private.h"
#include "liaison-table-file.h"

static const LiaisonTableColumn *
ledger_columns (void)
{
  static LiaisonTableColumn columns[N_RECEPTION_COLUMNS];

  if (columns[0].name == NULL)
    for (guint c = 0; c < N_RECEPTION_COLUMNS; c++)
      columns[c] = (LiaisonTableColumn) {
        liaison_ledger_reception_columns[c].zh,
        c == RC_DATE ? LIAISON_TABLE_DATETIME
        : c == RC_PARTY_SIZE ? LIAISON_TABLE_COUNT
        : c == RC_PHONE ? LIAISON_TABLE_PHONE
        : LIAISON_TABLE_TEXT,
      };
  return columns;
}

gboolean
liaison_ledger_write_xlsx (GPtrArray   *rows,
                           const char  *path,
                           GError     **error)
{
  return liaison_table_write_xlsx (path, "接待台账", ledger_columns (), N_RECEPTION_COLUMNS, rows, error);
}

GString *
liaison_ledger_rows_to_csv (GPtrArray *rows)
{
  return liaison_table_to_csv (ledger_columns (), N_RECEPTION_COLUMNS, rows);
}
