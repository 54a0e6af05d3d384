/* liaison-cli-archive.c: `liaison archive`, a deputy's duty archive
 * (履职档案) as an A4 PDF:
 *
 *   liaison archive [--database PATH] --deputy NAME-or-UUID
 *                   [--year YYYY | --from DATE --to DATE] FILE.pdf
 *
 * Everything typed is checked before the database is opened, and the file
 * is written whole or not at all.
 */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli-private.h"
#include "liaison-duty-archive.h"
#include "liaison-duty-record.h"

gboolean
liaison_cli_is_pdf_path (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  return dot != NULL && dot != base && g_ascii_strcasecmp (dot, ".pdf") == 0;
}

/* A year of four digits, 1000 to 9999; 0 if @text is not one. */
static int
parse_year (const char *text)
{
  if (strlen (text) != 4 || !g_ascii_isdigit (text[0]) || text[0] == '0' ||
      !g_ascii_isdigit (text[1]) || !g_ascii_isdigit (text[2]) || !g_ascii_isdigit (text[3]))
    return 0;
  return (int) g_ascii_strtoll (text, NULL, 10);
}

gboolean
liaison_cli_read_period (const char  *year_text,
             const char  *from_text,
             const char  *to_text,
             char       **from,
             char       **to)
{
  if (year_text != NULL)
    {
      int year = parse_year (year_text);

      if (year == 0)
        {
          g_printerr (_("“%s” is not a year; write it as 2025.\n"), year_text);
          return FALSE;
        }
      *from = g_strdup_printf ("%04d-01-01", year);
      *to = g_strdup_printf ("%04d-12-31", year);
      return TRUE;
    }
  if (from_text != NULL)
    {
      *from = liaison_cli_date_only (from_text);
      *to = liaison_cli_date_only (to_text);
      if (*from == NULL || *to == NULL)
        {
          g_printerr (_("“%s” is not a date; write it as 2024-03-05.\n"), *from == NULL ? from_text : to_text);
          return FALSE;
        }
      if (strcmp (*from, *to) > 0)
        {
          g_printerr (_("The first day, %s, is after the last day, %s: nothing was written.\n"), *from, *to);
          return FALSE;
        }
      return TRUE;
    }
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    int year = g_date_time_get_year (now);

    *from = g_strdup_printf ("%04d-01-01", year);
    *to = g_strdup_printf ("%04d-12-31", year);
  }
  return TRUE;
}

int
liaison_cli_run_archive (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *deputy = NULL;
  g_autofree char *year = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database to take the record from (default: the app’s own)"), N_("PATH") },
    { "deputy", 'p', 0, G_OPTION_ARG_STRING, &deputy,
      N_("The deputy, by their name on the roster or their UUID"), N_("NAME-or-UUID") },
    { "year", 'y', 0, G_OPTION_ARG_STRING, &year,
      N_("The calendar year to archive, as 2025 (default: this year)"), N_("YYYY") },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text,
      N_("The first day to archive, as 2025-01-01, instead of a year"), N_("DATE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text,
      N_("The last day to archive, as 2025-06-30, with --from"), N_("DATE") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonDutyRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *uuid = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  const char *path;
  int status = 0;

  context = liaison_cli_option_context_new (N_("FILE.pdf"),
                             N_("Writes a deputy’s duty archive (履职档案) as an A4 PDF: the cover, a summary, the points per quarter "
                                "as a chart and a table, every point with the item and the rule that gave it, the suggestions taken up, "
                                "the motions and suggestions filed, the activities and the planned duty days not done."),
                             entries);
  if (!liaison_cli_parse_options (context, "archive", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return liaison_cli_usage_error ("archive", _("Name one archive file, FILE.pdf."));
  path = args[1];
  if (deputy == NULL || deputy[0] == '\0')
    return liaison_cli_usage_error ("archive", _("Name the deputy with --deputy, by their name or UUID."));
  if (year != NULL && (from_text != NULL || to_text != NULL))
    return liaison_cli_usage_error ("archive", _("Give either --year or --from and --to, not both."));
  if ((from_text == NULL) != (to_text == NULL))
    return liaison_cli_usage_error ("archive", _("Give both --from and --to, such as --from 2025-01-01 --to 2025-06-30."));

  /* Checked before the database is opened, so that nothing is written. */
  if (!liaison_cli_is_pdf_path (path))
    {
      g_autofree char *base = g_path_get_basename (path);

      g_printerr (_("“%s” is not a .pdf file: name the archive FILE.pdf.\n"), base);
      return LIAISON_CLI_EXIT_FAILED;
    }
  if (!liaison_cli_read_period (year, from_text, to_text, &from, &to))
    return LIAISON_CLI_EXIT_FAILED;
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return LIAISON_CLI_EXIT_FAILED;

  uuid = liaison_duty_record_find_deputy (store, deputy, &error);
  if (uuid != NULL)
    record = liaison_duty_record_build (store, uuid, from, to, &error);
  if (record == NULL || !liaison_duty_archive_write (record, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }

  g_print (_("Wrote the duty archive of %s (%s to %s) to %s.\n"), record->deputy->name, from, to, path);
  return 0;
}
