/* liaison-quarter.c: calendar quarters (liaison-quarter.h). */
#define G_LOG_DOMAIN "liaison-quarter"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "liaison-calendar.h"
#include "liaison-quarter.h"

G_DEFINE_QUARK (liaison-quarter-error-quark, liaison_quarter_error)

gboolean
liaison_quarter_is_valid (LiaisonQuarter quarter)
{
  return quarter.year >= 1 && quarter.year <= 9999 && quarter.quarter >= 1 && quarter.quarter <= 4;
}

/* Four digits, an optional '-', Q or q, one digit 1..4: nothing more, so
 * that "2025Q5", "25Q1" and "2025Q1x" are refused rather than guessed. */
static gboolean
parse_strict (const char     *text,
              LiaisonQuarter *quarter)
{
  size_t len = strlen (text);
  size_t q = 4;

  if (len < 6 || len > 7)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[i]))
      return FALSE;
  if (text[4] == '-')
    q = 5;
  if (len != q + 2 || (text[q] != 'Q' && text[q] != 'q'))
    return FALSE;
  if (text[q + 1] < '1' || text[q + 1] > '4')
    return FALSE;
  quarter->year = (text[0] - '0') * 1000 + (text[1] - '0') * 100 + (text[2] - '0') * 10 + (text[3] - '0');
  quarter->quarter = text[q + 1] - '0';
  return liaison_quarter_is_valid (*quarter);
}

gboolean
liaison_quarter_parse (const char     *text,
                       LiaisonQuarter *quarter,
                       GError        **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  LiaisonQuarter parsed = { 0, 0 };

  if (!parse_strict (trimmed, &parsed))
    {
      g_set_error (error, LIAISON_QUARTER_ERROR, LIAISON_QUARTER_ERROR_INVALID,
                   _("“%s” is not a quarter: write the year and the quarter, such as 2025Q1"),
                   trimmed);
      return FALSE;
    }
  *quarter = parsed;
  return TRUE;
}

gboolean
liaison_quarter_from_gdate (const GDate    *date,
                            LiaisonQuarter *quarter)
{
  if (date == NULL || !g_date_valid (date))
    return FALSE;
  quarter->year = (int) g_date_get_year (date);
  quarter->quarter = ((int) g_date_get_month (date) - 1) / 3 + 1;
  return liaison_quarter_is_valid (*quarter);
}

gboolean
liaison_quarter_from_date (const char     *date,
                           LiaisonQuarter *quarter)
{
  GDate day;

  if (!liaison_date_parse_iso (date, &day))
    return FALSE;
  return liaison_quarter_from_gdate (&day, quarter);
}

char *
liaison_quarter_format (LiaisonQuarter quarter)
{
  g_return_val_if_fail (liaison_quarter_is_valid (quarter), g_strdup (""));
  return g_strdup_printf ("%04dQ%d", quarter.year, quarter.quarter);
}

char *
liaison_quarter_to_chinese (LiaisonQuarter quarter)
{
  static const char *numbers[] = { "一", "二", "三", "四" };

  g_return_val_if_fail (liaison_quarter_is_valid (quarter), g_strdup (""));
  return g_strdup_printf ("%d年第%s季度", quarter.year, numbers[quarter.quarter - 1]);
}

char *
liaison_quarter_label (LiaisonQuarter quarter)
{
  g_return_val_if_fail (liaison_quarter_is_valid (quarter), g_strdup (""));
  /* One string a quarter, so that a language can spell the ordinal. */
  switch (quarter.quarter)
    {
    case 1:
      return g_strdup_printf (_("%d, first quarter"), quarter.year);
    case 2:
      return g_strdup_printf (_("%d, second quarter"), quarter.year);
    case 3:
      return g_strdup_printf (_("%d, third quarter"), quarter.year);
    default:
      return g_strdup_printf (_("%d, fourth quarter"), quarter.year);
    }
}

void
liaison_quarter_first_day (LiaisonQuarter  quarter,
                           GDate          *date)
{
  g_date_clear (date, 1);
  g_return_if_fail (liaison_quarter_is_valid (quarter));
  g_date_set_dmy (date, 1, (GDateMonth) ((quarter.quarter - 1) * 3 + 1), (GDateYear) quarter.year);
}

void
liaison_quarter_last_day (LiaisonQuarter  quarter,
                          GDate          *date)
{
  GDateMonth month;

  g_date_clear (date, 1);
  g_return_if_fail (liaison_quarter_is_valid (quarter));
  month = (GDateMonth) (quarter.quarter * 3);
  g_date_set_dmy (date, g_date_get_days_in_month (month, (GDateYear) quarter.year), month,
                  (GDateYear) quarter.year);
}

char *
liaison_quarter_first_iso (LiaisonQuarter quarter)
{
  GDate date;

  liaison_quarter_first_day (quarter, &date);
  return liaison_date_to_iso (&date);
}

char *
liaison_quarter_last_iso (LiaisonQuarter quarter)
{
  GDate date;

  liaison_quarter_last_day (quarter, &date);
  return liaison_date_to_iso (&date);
}

gboolean
liaison_quarter_contains (LiaisonQuarter  quarter,
                          const char     *date)
{
  LiaisonQuarter of_date;

  return liaison_quarter_from_date (date, &of_date) && liaison_quarter_compare (of_date, quarter) == 0;
}

int
liaison_quarter_compare (LiaisonQuarter a,
                         LiaisonQuarter b)
{
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.quarter != b.quarter)
    return a.quarter < b.quarter ? -1 : 1;
  return 0;
}

LiaisonQuarter
liaison_quarter_next (LiaisonQuarter quarter)
{
  LiaisonQuarter next = quarter;

  if (++next.quarter > 4)
    {
      next.quarter = 1;
      next.year++;
    }
  return next;
}

LiaisonQuarter
liaison_quarter_previous (LiaisonQuarter quarter)
{
  LiaisonQuarter previous = quarter;

  if (--previous.quarter < 1)
    {
      previous.quarter = 4;
      previous.year--;
    }
  return previous;
}
