/* liaison-online-wait.c: how long an online submission waits (see the
 * header). */
#define G_LOG_DOMAIN "liaison-online-wait"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-online-wait.h"

void
liaison_online_due_day (const LiaisonCalendar *cal,
                        GDateTime             *submitted_at,
                        GDate                 *due)
{
  g_return_if_fail (submitted_at != NULL);
  g_return_if_fail (due != NULL);

  liaison_date_set_local (due, submitted_at);
  liaison_calendar_add_working_days (cal, due, LIAISON_ONLINE_ACCEPT_WORKING_DAYS);
}

LiaisonOnlineWait
liaison_online_wait (const LiaisonCalendar *cal,
                     GDateTime             *submitted_at,
                     GDateTime             *decided_at,
                     const GDate           *today)
{
  LiaisonOnlineWait wait = { 0, decided_at == NULL, FALSE };
  GDate from;
  GDate to;

  g_return_val_if_fail (submitted_at != NULL, wait);
  g_return_val_if_fail (decided_at != NULL || (today != NULL && g_date_valid (today)), wait);

  liaison_date_set_local (&from, submitted_at);
  if (decided_at != NULL)
    liaison_date_set_local (&to, decided_at);
  else
    to = *today;
  wait.working_days = liaison_calendar_working_days_between (cal, &from, &to);
  if (wait.pending)
    {
      GDate due;

      liaison_online_due_day (cal, submitted_at, &due);
      wait.overdue = g_date_compare (today, &due) > 0;
    }
  return wait;
}

char *
liaison_online_wait_describe (LiaisonOnlineWait wait)
{
  if (wait.working_days == 0)
    return g_strdup (wait.pending ? _("Waiting less than a working day")
                                  : _("Decided within a working day"));
  if (wait.pending)
    /* Translators: how long an online submission has waited for its station so far */
    return g_strdup_printf (ngettext ("Waiting %u working day", "Waiting %u working days", wait.working_days),
                            wait.working_days);
  /* Translators: how long an online submission waited before its station accepted or declined it */
  return g_strdup_printf (ngettext ("Waited %u working day", "Waited %u working days", wait.working_days),
                          wait.working_days);
}
