/* liaison-calendar.c: working days, due dates and deadline status. */
#define G_LOG_DOMAIN "liaison-calendar"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "liaison-calendar.h"

G_DEFINE_QUARK (liaison-calendar-error-quark, liaison_calendar_error)

static const struct {
  const char *code;
  const char *label;
} day_kinds[] = {
  /* Translators: a day off in the holiday list */
  { "holiday", N_("Holiday") },
  /* Translators: 调休, a Saturday or Sunday that is worked */
  { "workday", N_("Make-up workday") },
};

const char *
liaison_day_kind_to_code (LiaisonDayKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (day_kinds), NULL);
  return day_kinds[kind].code;
}

const char *
liaison_day_kind_label (LiaisonDayKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (day_kinds), NULL);
  return g_dgettext (GETTEXT_PACKAGE, day_kinds[kind].label);
}

/* The words Chinese notices and calendars use, whatever the user's
 * language: 休 and 班 as on a wall calendar, and the notices' own. */
static const struct {
  const char     *word;
  LiaisonDayKind  kind;
} day_kind_words[] = {
  { "节假日", LIAISON_DAY_KIND_HOLIDAY },
  { "休", LIAISON_DAY_KIND_HOLIDAY },
  { "放假", LIAISON_DAY_KIND_HOLIDAY },
  { "调休", LIAISON_DAY_KIND_WORKDAY },
  { "班", LIAISON_DAY_KIND_WORKDAY },
  { "上班", LIAISON_DAY_KIND_WORKDAY },
  { "补班", LIAISON_DAY_KIND_WORKDAY },
  { "调休上班日", LIAISON_DAY_KIND_WORKDAY },
};

gboolean
liaison_day_kind_from_code (const char     *code,
                            LiaisonDayKind *kind)
{
  if (code == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (day_kinds); i++)
    {
      if (g_ascii_strcasecmp (code, day_kinds[i].code) == 0)
        {
          *kind = (LiaisonDayKind) i;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (day_kind_words); i++)
    {
      if (strcmp (code, day_kind_words[i].word) == 0)
        {
          *kind = day_kind_words[i].kind;
          return TRUE;
        }
    }
  return FALSE;
}

/* The kind as a person writes it in the holiday list, in their language. */
static const char *
day_kind_word (LiaisonDayKind kind)
{
  /* Translators: a day off, in the holiday list's text ("2025-10-01,holiday,National Day");
   * the list also reads 节假日, 休 and 放假, so 休 is the short Chinese word */
  return kind == LIAISON_DAY_KIND_HOLIDAY ? C_("holiday list", "holiday")
  /* Translators: a make-up workday (调休上班) in the holiday list's text; the list also reads 调休, 班 and 上班 */
                                          : C_("holiday list", "workday");
}

gboolean
liaison_date_parse_iso (const char *text,
                        GDate      *date)
{
  guint y, m, d;
  char tail;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3)
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) d, (GDateMonth) m, (GDateYear) y);
  return TRUE;
}

char *
liaison_date_to_iso (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

LiaisonCalendar *
liaison_calendar_new (void)
{
  LiaisonCalendar *cal = g_new0 (LiaisonCalendar, 1);

  cal->holidays = g_array_new (FALSE, FALSE, sizeof (GDate));
  cal->workdays = g_array_new (FALSE, FALSE, sizeof (GDate));
  cal->names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  return cal;
}

void
liaison_calendar_free (LiaisonCalendar *cal)
{
  if (cal == NULL)
    return;
  g_array_unref (cal->holidays);
  g_array_unref (cal->workdays);
  g_hash_table_unref (cal->names);
  g_free (cal);
}

LiaisonCalendar *
liaison_calendar_copy (const LiaisonCalendar *cal)
{
  LiaisonCalendar *copy = liaison_calendar_new ();
  GHashTableIter iter;
  gpointer day, name;

  g_array_append_vals (copy->holidays, cal->holidays->data, cal->holidays->len);
  g_array_append_vals (copy->workdays, cal->workdays->data, cal->workdays->len);
  g_hash_table_iter_init (&iter, cal->names);
  while (g_hash_table_iter_next (&iter, &day, &name))
    g_hash_table_insert (copy->names, day, g_strdup (name));
  return copy;
}

/* Binary search; *index is where @date is or would go. */
static gboolean
dates_find (GArray      *dates,
            const GDate *date,
            guint       *index)
{
  guint lo = 0, hi = dates->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      int cmp = g_date_compare (&g_array_index (dates, GDate, mid), date);

      if (cmp == 0)
        {
          if (index != NULL)
            *index = mid;
          return TRUE;
        }
      if (cmp < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (index != NULL)
    *index = lo;
  return FALSE;
}

static gboolean
is_weekend (const GDate *date)
{
  GDateWeekday wd = g_date_get_weekday (date);

  return wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY;
}

gboolean
liaison_calendar_add_day (LiaisonCalendar *cal,
                          const GDate     *date,
                          LiaisonDayKind   kind,
                          GError         **error)
{
  g_autofree char *iso = NULL;
  GArray *list, *other;
  guint index;

  g_return_val_if_fail (cal != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail ((guint) kind < LIAISON_N_DAY_KINDS, FALSE);

  iso = liaison_date_to_iso (date);
  list = kind == LIAISON_DAY_KIND_HOLIDAY ? cal->holidays : cal->workdays;
  other = kind == LIAISON_DAY_KIND_HOLIDAY ? cal->workdays : cal->holidays;

  if (kind == LIAISON_DAY_KIND_WORKDAY && !is_weekend (date))
    {
      g_set_error (error, LIAISON_CALENDAR_ERROR, LIAISON_CALENDAR_ERROR_INVALID,
                   _("%s is a weekday; only a Saturday or Sunday can be a make-up workday."),
                   iso);
      return FALSE;
    }
  if (dates_find (other, date, NULL))
    {
      g_set_error (error, LIAISON_CALENDAR_ERROR, LIAISON_CALENDAR_ERROR_INVALID,
                   _("%s is listed both as a holiday and as a make-up workday."),
                   iso);
      return FALSE;
    }
  if (!dates_find (list, date, &index))
    g_array_insert_val (list, index, *date);
  return TRUE;
}

LiaisonCalendar *
liaison_calendar_parse (const char *text,
                        GError    **error)
{
  g_autoptr(LiaisonCalendar) cal = liaison_calendar_new ();
  g_autoptr(GString) problems = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;

  g_return_val_if_fail (text != NULL, NULL);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));
      g_auto(GStrv) fields = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *problem = NULL;
      LiaisonDayKind kind;
      GDate date;
      guint n_fields;

      if (line[0] == '\0' || line[0] == '#')
        continue;
      /* A byte-order mark at the very start is not part of the date. */
      if (i == 0 && g_str_has_prefix (line, "\xEF\xBB\xBF"))
        memmove (line, line + 3, strlen (line + 3) + 1);

      fields = g_strsplit (line, ",", 3);
      n_fields = g_strv_length (fields);
      for (guint f = 0; f < n_fields; f++)
        g_strstrip (fields[f]);

      if (n_fields < 2)
        problem = g_strdup_printf (_("expected a date and “holiday” or “workday” (节假日/休/放假 or 调休/班/上班), found “%s”."), line);
      else if (!liaison_date_parse_iso (fields[0], &date))
        problem = g_strdup_printf (_("“%s” is not a date in the form YYYY-MM-DD."), fields[0]);
      else if (!liaison_day_kind_from_code (fields[1], &kind))
        problem = g_strdup_printf (_("“%s” is neither “holiday” nor “workday” (节假日/休/放假 or 调休/班/上班)."), fields[1]);
      else if (!liaison_calendar_add_day (cal, &date, kind, &local_error))
        problem = g_strdup (local_error->message);
      else if (n_fields > 2 && fields[2][0] != '\0')
        g_hash_table_insert (cal->names, GUINT_TO_POINTER (g_date_get_julian (&date)), g_strdup (fields[2]));

      if (problem != NULL)
        {
          if (problems->len > 0)
            g_string_append_c (problems, '\n');
          /* Translators: "Line 3: “2025-13-01” is not a date..." */
          g_string_append_printf (problems, _("Line %u: %s"), i + 1, problem);
        }
    }

  if (problems->len > 0)
    {
      g_set_error_literal (error, LIAISON_CALENDAR_ERROR,
                           LIAISON_CALENDAR_ERROR_INVALID, problems->str);
      return NULL;
    }
  return g_steal_pointer (&cal);
}

static char *
calendar_text (const LiaisonCalendar *cal,
               gboolean               display)
{
  GString *text = g_string_new (NULL);
  guint h = 0, w = 0;

  while (h < cal->holidays->len || w < cal->workdays->len)
    {
      const GDate *date;
      LiaisonDayKind kind;
      const char *name;
      g_autofree char *iso = NULL;

      if (w >= cal->workdays->len ||
          (h < cal->holidays->len &&
           g_date_compare (&g_array_index (cal->holidays, GDate, h),
                           &g_array_index (cal->workdays, GDate, w)) < 0))
        {
          date = &g_array_index (cal->holidays, GDate, h++);
          kind = LIAISON_DAY_KIND_HOLIDAY;
        }
      else
        {
          date = &g_array_index (cal->workdays, GDate, w++);
          kind = LIAISON_DAY_KIND_WORKDAY;
        }
      iso = liaison_date_to_iso (date);
      g_string_append_printf (text, "%s,%s", iso,
                              display ? day_kind_word (kind) : liaison_day_kind_to_code (kind));
      name = liaison_calendar_get_name (cal, date);
      if (name != NULL)
        g_string_append_printf (text, ",%s", name);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}

char *
liaison_calendar_to_text (const LiaisonCalendar *cal)
{
  return calendar_text (cal, FALSE);
}

char *
liaison_calendar_to_display_text (const LiaisonCalendar *cal)
{
  return calendar_text (cal, TRUE);
}

const char *
liaison_calendar_get_name (const LiaisonCalendar *cal,
                           const GDate           *date)
{
  g_return_val_if_fail (cal != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_hash_table_lookup (cal->names, GUINT_TO_POINTER (g_date_get_julian (date)));
}

gboolean
liaison_calendar_is_working_day (const LiaisonCalendar *cal,
                                 const GDate           *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (cal != NULL && dates_find (cal->workdays, date, NULL))
    return TRUE;
  if (is_weekend (date))
    return FALSE;
  if (cal != NULL && dates_find (cal->holidays, date, NULL))
    return FALSE;
  return TRUE;
}

void
liaison_calendar_add_working_days (const LiaisonCalendar *cal,
                                   GDate                 *date,
                                   guint                  n)
{
  g_return_if_fail (date != NULL && g_date_valid (date));

  /* Day by day: limits are weeks, not years, and the lists are short. */
  while (n > 0)
    {
      g_date_add_days (date, 1);
      if (liaison_calendar_is_working_day (cal, date))
        n--;
    }
}

guint
liaison_calendar_working_days_between (const LiaisonCalendar *cal,
                                       const GDate           *from,
                                       const GDate           *to)
{
  GDate day;
  guint n = 0;

  g_return_val_if_fail (from != NULL && g_date_valid (from), 0);
  g_return_val_if_fail (to != NULL && g_date_valid (to), 0);

  day = *from;
  while (g_date_compare (&day, to) < 0)
    {
      g_date_add_days (&day, 1);
      if (liaison_calendar_is_working_day (cal, &day))
        n++;
    }
  return n;
}

void
liaison_calendar_due_date (const LiaisonCalendar  *cal,
                           const GDate            *referral_day,
                           const LiaisonTimeLimit *limit,
                           GDate                  *due)
{
  g_return_if_fail (referral_day != NULL && g_date_valid (referral_day));
  g_return_if_fail (limit != NULL && due != NULL);

  *due = *referral_day;
  if (limit->months > 0)
    g_date_add_months (due, limit->months);  /* clamps to the month's end */
  else
    liaison_calendar_add_working_days (cal, due, limit->working_days);
}

LiaisonDeadline
liaison_deadline_status (const GDate *due,
                         const GDate *today)
{
  LiaisonDeadline deadline = { LIAISON_DEADLINE_NONE, 0 };

  g_return_val_if_fail (today != NULL && g_date_valid (today), deadline);

  if (due == NULL || !g_date_valid (due))
    return deadline;

  deadline.days_left = g_date_days_between (today, due);
  if (deadline.days_left < 0)
    deadline.urgency = LIAISON_DEADLINE_OVERDUE;
  else if (deadline.days_left == 0)
    deadline.urgency = LIAISON_DEADLINE_DUE_TODAY;
  else if (deadline.days_left <= 3)
    deadline.urgency = LIAISON_DEADLINE_DUE_SOON;
  else
    deadline.urgency = LIAISON_DEADLINE_ON_TRACK;
  return deadline;
}

gboolean
liaison_deadline_is_due_soon (LiaisonDeadline deadline)
{
  return deadline.urgency == LIAISON_DEADLINE_DUE_TODAY ||
         deadline.urgency == LIAISON_DEADLINE_DUE_SOON;
}

char *
liaison_deadline_describe (LiaisonDeadline deadline)
{
  switch (deadline.urgency)
    {
    case LIAISON_DEADLINE_NONE:
      return g_strdup (_("No due date"));
    case LIAISON_DEADLINE_ON_TRACK:
    case LIAISON_DEADLINE_DUE_SOON:
      return g_strdup_printf (ngettext ("%d day left", "%d days left", deadline.days_left),
                              deadline.days_left);
    case LIAISON_DEADLINE_DUE_TODAY:
      return g_strdup (_("Due today"));
    case LIAISON_DEADLINE_OVERDUE:
      return g_strdup_printf (ngettext ("Overdue by %d day", "Overdue by %d days",
                                        -deadline.days_left),
                              -deadline.days_left);
    case LIAISON_N_DEADLINE_URGENCIES:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
liaison_deadline_urgency_to_code (LiaisonDeadlineUrgency urgency)
{
  static const char *const codes[] = { "none", "on_track", "due_soon", "due_today", "overdue" };

  g_return_val_if_fail ((guint) urgency < G_N_ELEMENTS (codes), NULL);
  return codes[urgency];
}

void
liaison_date_set_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_if_fail (date != NULL);

  g_date_clear (date, 1);
  g_date_set_dmy (date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

void
liaison_date_set_local (GDate     *date,
                        GDateTime *at)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (date != NULL);
  g_return_if_fail (at != NULL);

  local = g_date_time_to_local (at);
  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  (GDateDay) g_date_time_get_day_of_month (local),
                  (GDateMonth) g_date_time_get_month (local),
                  (GDateYear) g_date_time_get_year (local));
}

char *
liaison_time_limit_describe (const LiaisonTimeLimit *limit)
{
  g_return_val_if_fail (limit != NULL, NULL);

  if (limit->working_days > 0)
    return g_strdup_printf (ngettext ("%u working day", "%u working days", limit->working_days),
                            limit->working_days);
  return g_strdup_printf (ngettext ("%u month", "%u months", limit->months), limit->months);
}
