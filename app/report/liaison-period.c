/* liaison-period.c: the dashboard's periods: a month, a quarter, a year or
 * custom dates, as a code ("2025-03", "2025Q1", "2025",
 * "2025-01-05..2025-02-10") and as words. */
#define G_LOG_DOMAIN "liaison-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-calendar.h"
#include "liaison-dashboard.h"

#define RANGE_SEPARATOR ".."

/* Digits only, exactly @n of them, as a number. */
static gboolean
read_digits (const char *text,
             gsize       n,
             guint      *value)
{
  guint v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (guint) (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

static void
set_months (LiaisonPeriod     *period,
            LiaisonPeriodKind  kind,
            guint              year,
            guint              first_month,
            guint              n_months)
{
  period->kind = kind;
  g_date_clear (&period->from, 1);
  g_date_clear (&period->to, 1);
  g_date_set_dmy (&period->from, 1, (GDateMonth) first_month, (GDateYear) year);
  period->to = period->from;
  g_date_add_months (&period->to, n_months);
  g_date_subtract_days (&period->to, 1);
}

static gboolean
parse_code (const char    *text,
            LiaisonPeriod *period)
{
  gsize length = strlen (text);
  const char *separator = strstr (text, RANGE_SEPARATOR);
  guint year, part;

  if (separator != NULL)
    {
      g_autofree char *first = g_strndup (text, (gsize) (separator - text));
      GDate from, to;

      if (!liaison_date_parse_iso (first, &from) ||
          !liaison_date_parse_iso (separator + strlen (RANGE_SEPARATOR), &to))
        return FALSE;
      period->kind = LIAISON_PERIOD_CUSTOM;
      period->from = from;
      period->to = to;
      return TRUE;
    }
  if (length < 4 || !read_digits (text, 4, &year) || year < 1000)
    return FALSE;
  if (length == 4)
    {
      set_months (period, LIAISON_PERIOD_YEAR, year, 1, 12);
      return TRUE;
    }
  if (length == 6 && (text[4] == 'Q' || text[4] == 'q') &&
      read_digits (text + 5, 1, &part) && part >= 1 && part <= 4)
    {
      set_months (period, LIAISON_PERIOD_QUARTER, year, (part - 1) * 3 + 1, 3);
      return TRUE;
    }
  if (length == 7 && text[4] == '-' && read_digits (text + 5, 2, &part) && part >= 1 && part <= 12)
    {
      set_months (period, LIAISON_PERIOD_MONTH, year, part, 1);
      return TRUE;
    }
  return FALSE;
}

gboolean
liaison_period_parse (const char     *text,
                      LiaisonPeriod  *period,
                      GError        **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  LiaisonPeriod parsed;

  g_return_val_if_fail (period != NULL, FALSE);

  if (!parse_code (stripped, &parsed))
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   /* Translators: keep the examples as they are: they are what the program reads */
                   _("“%s” is not a period: give a month (2025-03), a quarter (2025Q1), a year (2025) or two dates (2025-01-05..2025-02-10)."),
                   stripped);
      return FALSE;
    }
  if (g_date_compare (&parsed.to, &parsed.from) < 0)
    {
      g_set_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID,
                   _("The period “%s” ends before it begins."), stripped);
      return FALSE;
    }
  *period = parsed;
  return TRUE;
}

char *
liaison_period_to_code (const LiaisonPeriod *period)
{
  guint year;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->from), g_strdup (""));

  year = g_date_get_year (&period->from);
  switch (period->kind)
    {
    case LIAISON_PERIOD_MONTH:
      return g_strdup_printf ("%04u-%02u", year, (guint) g_date_get_month (&period->from));
    case LIAISON_PERIOD_QUARTER:
      return g_strdup_printf ("%04uQ%u", year, ((guint) g_date_get_month (&period->from) - 1) / 3 + 1);
    case LIAISON_PERIOD_YEAR:
      return g_strdup_printf ("%04u", year);
    case LIAISON_PERIOD_CUSTOM:
    default:
      {
        g_autofree char *from = liaison_date_to_iso (&period->from);
        g_autofree char *to = liaison_date_to_iso (&period->to);

        return g_strconcat (from, RANGE_SEPARATOR, to, NULL);
      }
    }
}

static char *
month_label (guint month,
             guint year)
{
  /* One string a month, so that a language can write it its own way. */
  switch (month)
    {
    case 1: return g_strdup_printf (_("January %u"), year);
    case 2: return g_strdup_printf (_("February %u"), year);
    case 3: return g_strdup_printf (_("March %u"), year);
    case 4: return g_strdup_printf (_("April %u"), year);
    case 5: return g_strdup_printf (_("May %u"), year);
    case 6: return g_strdup_printf (_("June %u"), year);
    case 7: return g_strdup_printf (_("July %u"), year);
    case 8: return g_strdup_printf (_("August %u"), year);
    case 9: return g_strdup_printf (_("September %u"), year);
    case 10: return g_strdup_printf (_("October %u"), year);
    case 11: return g_strdup_printf (_("November %u"), year);
    default: return g_strdup_printf (_("December %u"), year);
    }
}

static char *
quarter_label (guint quarter,
               guint year)
{
  switch (quarter)
    {
    case 1: return g_strdup_printf (_("%u Q1"), year);
    case 2: return g_strdup_printf (_("%u Q2"), year);
    case 3: return g_strdup_printf (_("%u Q3"), year);
    default: return g_strdup_printf (_("%u Q4"), year);
    }
}

/* "5 Jan 2025" / "2025年1月5日". */
static char *
day_label (const GDate *date)
{
  static const char *const months[] = {
    NC_("short month", "Jan"), NC_("short month", "Feb"), NC_("short month", "Mar"),
    NC_("short month", "Apr"), NC_("short month", "May"), NC_("short month", "Jun"),
    NC_("short month", "Jul"), NC_("short month", "Aug"), NC_("short month", "Sep"),
    NC_("short month", "Oct"), NC_("short month", "Nov"), NC_("short month", "Dec"),
  };

  /* Translators: a day: %1$u the day of the month, %2$s the month's short
   * name, %3$u the year */
  return g_strdup_printf (_("%1$u %2$s %3$u"), (guint) g_date_get_day (date),
                          g_dpgettext2 (GETTEXT_PACKAGE, "short month", months[g_date_get_month (date) - 1]),
                          (guint) g_date_get_year (date));
}

char *
liaison_period_label (const LiaisonPeriod *period)
{
  guint year;

  g_return_val_if_fail (period != NULL && g_date_valid (&period->from), g_strdup (""));

  year = g_date_get_year (&period->from);
  switch (period->kind)
    {
    case LIAISON_PERIOD_MONTH:
      return month_label (g_date_get_month (&period->from), year);
    case LIAISON_PERIOD_QUARTER:
      return quarter_label (((guint) g_date_get_month (&period->from) - 1) / 3 + 1, year);
    case LIAISON_PERIOD_YEAR:
      /* Translators: a year as a period */
      return g_strdup_printf (C_("period", "%u"), year);
    case LIAISON_PERIOD_CUSTOM:
    default:
      {
        g_autofree char *from = day_label (&period->from);
        g_autofree char *to = day_label (&period->to);

        /* Translators: a period from one day to another, both included */
        return g_strdup_printf (_("%s – %s"), from, to);
      }
    }
}

void
liaison_period_containing (LiaisonPeriodKind  kind,
                           const GDate       *day,
                           LiaisonPeriod     *period)
{
  guint year, month;

  g_return_if_fail (day != NULL && g_date_valid (day));
  g_return_if_fail (period != NULL);

  year = g_date_get_year (day);
  month = g_date_get_month (day);
  switch (kind)
    {
    case LIAISON_PERIOD_MONTH:
      set_months (period, kind, year, month, 1);
      break;
    case LIAISON_PERIOD_QUARTER:
      set_months (period, kind, year, (month - 1) / 3 * 3 + 1, 3);
      break;
    case LIAISON_PERIOD_YEAR:
      set_months (period, kind, year, 1, 12);
      break;
    case LIAISON_PERIOD_CUSTOM:
    default:
      /* No custom period holds a day of itself: that day alone. */
      period->kind = LIAISON_PERIOD_CUSTOM;
      period->from = *day;
      period->to = *day;
      break;
    }
}

void
liaison_period_step (LiaisonPeriod *period,
                     int            steps)
{
  guint months = 0;

  g_return_if_fail (period != NULL && g_date_valid (&period->from) && g_date_valid (&period->to));

  if (steps == 0)
    return;
  switch (period->kind)
    {
    case LIAISON_PERIOD_MONTH:
      months = 1;
      break;
    case LIAISON_PERIOD_QUARTER:
      months = 3;
      break;
    case LIAISON_PERIOD_YEAR:
      months = 12;
      break;
    case LIAISON_PERIOD_CUSTOM:
    default:
      {
        guint length = (guint) g_date_days_between (&period->from, &period->to) + 1;
        guint days = length * (guint) ABS (steps);

        if (steps > 0)
          {
            g_date_add_days (&period->from, days);
            g_date_add_days (&period->to, days);
          }
        else
          {
            g_date_subtract_days (&period->from, days);
            g_date_subtract_days (&period->to, days);
          }
        return;
      }
    }

  {
    GDate first = period->from;

    if (steps > 0)
      g_date_add_months (&first, months * (guint) steps);
    else
      g_date_subtract_months (&first, months * (guint) -steps);
    set_months (period, period->kind, g_date_get_year (&first), g_date_get_month (&first), months);
  }
}
