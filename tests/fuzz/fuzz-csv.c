/* fuzz-csv.c: the CSV reader every import goes through.
 *
 * The input is a file as Excel, WPS or a person saved it: UTF-8 (with or
 * without a BOM), GB18030, or anything else. liaison_csv_read () loads,
 * decodes and parses it and maps its header onto the ledger's columns;
 * every cell is then read back, trimmed, and written again as CSV.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include "liaison-csv.h"

static const LiaisonCsvColumn columns[] = {
  { "接待日期", "date", "", TRUE },
  { "接待代表", "deputies", "", FALSE },
  { "来访人", "visitor", "姓名", FALSE },
  { "联系电话", "phone", "电话", FALSE },
  { "反映内容", "content", "", FALSE },
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("csv");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_file ("input.csv", data, size);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  int index[G_N_ELEMENTS (columns)];

  rows = liaison_csv_read (file, columns, G_N_ELEMENTS (columns), index, NULL);
  if (rows == NULL)
    return 0;
  for (guint i = 0; i < rows->len; i++)
    {
      LiaisonCsvRow *row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        {
          g_autofree char *cell = liaison_csv_cell (row, index[c]);

          g_assert_true (g_utf8_validate (cell, -1, NULL));
          liaison_csv_append_field (out, cell);
        }
      g_string_append (out, "\r\n");
    }
  return 0;
}
