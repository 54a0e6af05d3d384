/* liaison-calendar.h: working days, due dates and how close a deadline is.
 *
 * A day is a working day when it is Monday to Friday and not a holiday, or
 * when it is a make-up workday (调休: a Saturday or Sunday worked in exchange
 * for a holiday). Headquarters maintains the holiday and make-up workday
 * lists; sync delivers them as text (see liaison_calendar_parse()).
 *
 * Rules (docs/closed-loop.md):
 * - n working days after a day: the n-th working day strictly after it; the
 *   day itself never counts, whether or not it is a working day.
 * - Deadline status is shown in calendar days ("3 days left", "overdue by
 *   2 days"), computed from the due date and today, never stored.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define LIAISON_CALENDAR_ERROR (liaison_calendar_error_quark ())
GQuark liaison_calendar_error_quark (void);

typedef enum {
  LIAISON_CALENDAR_ERROR_INVALID,  /* one or more lines are bad; the message lists them by line */
} LiaisonCalendarError;

typedef enum {
  LIAISON_DAY_KIND_HOLIDAY,  /* a Monday-Friday that is not worked (a weekend day may be listed too) */
  LIAISON_DAY_KIND_WORKDAY,  /* a Saturday or Sunday that is worked */
  LIAISON_N_DAY_KINDS
} LiaisonDayKind;

typedef struct {
  GArray     *holidays;  /* GDate, sorted, no repeats */
  GArray     *workdays;  /* GDate, sorted, no repeats; every one a Saturday or Sunday */
  GHashTable *names;     /* Julian day -> what the day is ("国庆节"), when the list names it */
} LiaisonCalendar;

/* A time limit: working days, or calendar months (clamped to the month's
 * end: 2025-11-30 + 3 months is 2026-02-28). Exactly one is non-zero. */
typedef struct {
  guint working_days;
  guint months;
} LiaisonTimeLimit;

typedef enum {
  LIAISON_DEADLINE_NONE,      /* no due date */
  LIAISON_DEADLINE_ON_TRACK,  /* more than 3 days left */
  LIAISON_DEADLINE_DUE_SOON,  /* 1 to 3 days left */
  LIAISON_DEADLINE_DUE_TODAY,
  LIAISON_DEADLINE_OVERDUE,
  LIAISON_N_DEADLINE_URGENCIES
} LiaisonDeadlineUrgency;

typedef struct {
  LiaisonDeadlineUrgency urgency;
  /* Calendar days from today to the due date: 3 is "3 days left", 0 is
   * "due today", -2 is "overdue by 2 days". 0 for LIAISON_DEADLINE_NONE. */
  int                    days_left;
} LiaisonDeadline;

const char      *liaison_day_kind_to_code         (LiaisonDayKind kind);
gboolean         liaison_day_kind_from_code       (const char *code, LiaisonDayKind *kind);
const char      *liaison_day_kind_label           (LiaisonDayKind kind);

LiaisonCalendar *liaison_calendar_new             (void);
void             liaison_calendar_free            (LiaisonCalendar *cal);
LiaisonCalendar *liaison_calendar_copy            (const LiaisonCalendar *cal);

/* Adds one day to a list. Fails (LIAISON_CALENDAR_ERROR_INVALID) for a
 * make-up workday that is not a Saturday or Sunday, or for a day already in
 * the other list. Adding a day twice to the same list is harmless. */
gboolean         liaison_calendar_add_day         (LiaisonCalendar *cal,
                                                   const GDate     *date,
                                                   LiaisonDayKind   kind,
                                                   GError         **error);

/* Reads "2025-10-01,holiday" / "2025-09-28,workday" lines. The kind may
 * be written in Chinese as the State Council's notices and wall calendars
 * do: 节假日, 休 or 放假 for a holiday, 调休, 班 or 上班 (补班, 调休上班日)
 * for a make-up workday. A third column names the day ("国庆节") and is
 * kept. Blank lines and lines starting with # are skipped. Every bad line
 * is reported, one per line of the message, "Line 3: ..."; NULL then. */
LiaisonCalendar *liaison_calendar_parse           (const char *text,
                                                   GError    **error);
/* The same form, sorted by date, with the English codes (holiday,
 * workday) that every version reads: what sync carries. Parses back to an
 * equal calendar. */
char            *liaison_calendar_to_text         (const LiaisonCalendar *cal);
/* The same, with the kinds in the user's language (休 and 班 in Chinese):
 * what a person edits. Parses back to an equal calendar too. */
char            *liaison_calendar_to_display_text (const LiaisonCalendar *cal);
/* The day's name from the list, or NULL. */
const char      *liaison_calendar_get_name        (const LiaisonCalendar *cal,
                                                   const GDate           *date);
/* The State Council's published holidays and make-up workdays (放假安排)
 * for the years the program ships with (resources/holidays-cn.txt): what
 * a new headquarters starts with. */
LiaisonCalendar *liaison_calendar_new_official    (void);

/* @cal may be NULL: weekends only. */
gboolean         liaison_calendar_is_working_day  (const LiaisonCalendar *cal,
                                                   const GDate           *date);
/* Moves @date forward to the @n-th working day after it (the day itself is
 * not counted). n == 0 leaves it alone. */
void             liaison_calendar_add_working_days (const LiaisonCalendar *cal,
                                                    GDate                 *date,
                                                    guint                  n);
/* The working days d with @from < d <= @to; 0 when @to is not after @from.
 * So add_working_days (from, n) lands on a day d with between (from, d) == n. */
guint            liaison_calendar_working_days_between (const LiaisonCalendar *cal,
                                                        const GDate           *from,
                                                        const GDate           *to);
/* The due date for a referral made on @referral_day under @limit. */
void             liaison_calendar_due_date        (const LiaisonCalendar  *cal,
                                                   const GDate            *referral_day,
                                                   const LiaisonTimeLimit *limit,
                                                   GDate                  *due);

/* Where @due stands on @today; @due may be NULL or invalid (no deadline). */
LiaisonDeadline  liaison_deadline_status          (const GDate *due,
                                                   const GDate *today);
/* "3 days left", "Due today", "Overdue by 2 days", "No due date". */
char            *liaison_deadline_describe        (LiaisonDeadline deadline);
const char      *liaison_deadline_urgency_to_code (LiaisonDeadlineUrgency urgency);
/* TRUE when due within 3 days, today included (the "due within 3 days" list). */
gboolean         liaison_deadline_is_due_soon     (LiaisonDeadline deadline);

/* Today, in local time (stations and headquarters run on China Standard
 * Time): the day deadlines are read against. */
void             liaison_date_set_today           (GDate *date);
/* The local calendar day of the instant @at: stations count in their own
 * days (a referral's dates, an online submission's due day). */
void             liaison_date_set_local           (GDate     *date,
                                                   GDateTime *at);
/* "15 working days", "3 months". */
char            *liaison_time_limit_describe      (const LiaisonTimeLimit *limit);

/* "YYYY-MM-DD" into @date; FALSE (and @date cleared) if not a real date. */
gboolean         liaison_date_parse_iso           (const char *text,
                                                   GDate      *date);
/* "YYYY-MM-DD"; "" for NULL or an invalid date. */
char            *liaison_date_to_iso              (const GDate *date);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonCalendar, liaison_calendar_free)

G_END_DECLS
