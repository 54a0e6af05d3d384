/* liaison-xlsx-cells.c: a text's width in half-ems, and a date's text as
 * a workbook's date, for the points report and the ledger. */
#define G_LOG_DOMAIN "liaison-io"

#include "config.h"

#include <stdio.h>

#include "liaison-xlsx-cells.h"

/* How wide @text sets, in half-ems: a Chinese character is two, a digit
 * or a Latin letter one; the widest of its lines. */
guint
liaison_text_width (const char *text)
{
  guint width = 0, widest = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      width = c == '\n' ? 0 : width + (g_unichar_iswide (c) ? 2 : 1);
      widest = MAX (widest, width);
    }
  return widest;
}

lxw_format *
liaison_xlsx_header_format (lxw_workbook *workbook)
{
  lxw_format *header = workbook_add_format (workbook);

  format_set_bold (header);
  format_set_bg_color (header, 0xDDEBF7);
  format_set_border (header, LXW_BORDER_THIN);
  return header;
}

#define MIN_WIDTH 6
#define MAX_WIDTH 60
#define PADDING   2

double
liaison_xlsx_column_width (guint text_width)
{
  return CLAMP (text_width + PADDING, MIN_WIDTH, MAX_WIDTH);
}

/* @text ("YYYY-MM-DD" or "YYYY-MM-DD HH:MM") as a workbook's date; FALSE
 * if it is neither. */
gboolean
liaison_xlsx_parse_datetime (const char   *text,
                             lxw_datetime *datetime,
                             gboolean     *has_time)
{
  int year, month, day, hour = 0, minute = 0;
  int length = 0;

  *has_time = FALSE;
  if (sscanf (text, "%4d-%2d-%2d%n", &year, &month, &day, &length) != 3 || length != 10)
    return FALSE;
  if (text[length] == ' ')
    {
      int more = 0;

      if (sscanf (text + length, " %2d:%2d%n", &hour, &minute, &more) != 2 || text[length + more] != '\0')
        return FALSE;
      *has_time = TRUE;
    }
  else if (text[length] != '\0')
    return FALSE;
  if (!g_date_valid_dmy (day, month, year) || hour > 23 || minute > 59)
    return FALSE;
  *datetime = (lxw_datetime) { year, month, day, hour, minute, 0 };
  return TRUE;
}
