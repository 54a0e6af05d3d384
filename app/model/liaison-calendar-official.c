/* liaison-calendar-official.c: the State Council's published holidays and
 * make-up workdays (放假安排), shipped with the program.
 *
 * The list is resources/holidays-cn.txt, in the form headquarters types
 * into its rules, compiled into the core library so that liaison-hq and
 * the desk app read the same days. Add a year there when its notice is
 * published (each November).
 */
#define G_LOG_DOMAIN "liaison-calendar-official"

#include "config.h"

#include <gio/gio.h>

#include "liaison-calendar.h"

#define OFFICIAL_PATH "/org/liaison/Liaison/data/holidays-cn.txt"

/* Generated from resources/liaison-data.gresource.xml. */
GResource *liaison_data_get_resource (void);

LiaisonCalendar *
liaison_calendar_new_official (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  LiaisonCalendar *cal;

  bytes = g_resource_lookup_data (liaison_data_get_resource (), OFFICIAL_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  /* Compiled in and checked by the tests: a failure is a broken build. */
  if (bytes == NULL)
    g_error ("%s: %s", OFFICIAL_PATH, error->message);
  text = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  cal = liaison_calendar_parse (text, &error);
  if (cal == NULL)
    g_error ("%s: %s", OFFICIAL_PATH, error->message);
  return cal;
}
