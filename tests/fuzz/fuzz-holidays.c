/* fuzz-holidays.c: the holiday and make-up workday list.
 *
 * The input is a file that liaison-hq holidays import reads, or text
 * typed into the rules dialog: loaded like a CSV (UTF-8 or GB18030),
 * parsed, and when it parses, written in both forms, each of which must
 * parse back to the same calendar.
 */
#define G_LOG_DOMAIN "liaison-fuzz"

#include "fuzz-common.h"

#include "liaison-calendar.h"
#include "liaison-csv.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_init ("holidays");
  return 0;
}

static void
assert_round_trip (const LiaisonCalendar *calendar,
                   const char            *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonCalendar) again = liaison_calendar_parse (text, &error);
  g_autofree char *first = liaison_calendar_to_text (calendar);
  g_autofree char *second = NULL;

  g_assert_no_error (error);
  second = liaison_calendar_to_text (again);
  g_assert_cmpstr (first, ==, second);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GFile) file = fuzz_write_file ("holidays.txt", data, size);
  g_autoptr(LiaisonCalendar) calendar = NULL;
  g_autofree char *text = NULL;
  g_autofree char *plain = NULL;
  g_autofree char *display = NULL;
  gsize length = 0;

  text = liaison_csv_load_text (file, &length, NULL);
  if (text == NULL)
    return 0;
  calendar = liaison_calendar_parse (text, NULL);
  if (calendar == NULL)
    return 0;
  plain = liaison_calendar_to_text (calendar);
  display = liaison_calendar_to_display_text (calendar);
  assert_round_trip (calendar, plain);
  assert_round_trip (calendar, display);
  return 0;
}
