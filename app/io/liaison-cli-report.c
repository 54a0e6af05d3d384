/* liaison-cli-report.c: `liaison report`, the dashboard's figures for a
 * period as an XLSX workbook or an A4 PDF (docs/reports.md):
 *
 *   liaison report [--database PATH] --period 2025-03|2025Q1|2025|FROM..TO FILE.xlsx|FILE.pdf
 *
 * Everything typed is checked before the database is opened, and the file
 * is written whole or not at all.
 */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli-private.h"
#include "liaison-report-files.h"

typedef enum {
  FORMAT_NONE,
  FORMAT_XLSX,
  FORMAT_PDF,
} Format;

static Format
format_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot == NULL || dot == base)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".xlsx") == 0)
    return FORMAT_XLSX;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

int
liaison_cli_run_report (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *period_text = NULL;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database to report from (default: the app’s own)"), N_("PATH") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &period_text,
      N_("The period: a month (2025-03), a quarter (2025Q1), a year (2025) or two dates (2025-01-05..2025-02-10)"),
      N_("PERIOD") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonDashboard) dashboard = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  LiaisonPeriod period;
  Format format;
  const char *path;
  int status = 0;
  gboolean written;

  context = liaison_cli_option_context_new (N_("FILE.xlsx|FILE.pdf"),
                             N_("Writes the dashboard’s figures for a period: collected, resolved, the satisfaction and in-time rates, "
                                "overdue, receptions and visitors, each with its definition, by category, month, channel and (at "
                                "headquarters) station. FILE.xlsx is a workbook for Excel and WPS; FILE.pdf is an A4 report with charts."),
                             entries);
  if (!liaison_cli_parse_options (context, "report", &args, &status))
    return status;
  if (g_strv_length (args) != 2)
    return liaison_cli_usage_error ("report", _("Name one report file, FILE.xlsx or FILE.pdf."));
  path = args[1];
  if (period_text == NULL)
    return liaison_cli_usage_error ("report", _("Give the period with --period, such as --period 2025Q1."));

  /* Checked before the database is opened, so that nothing is written. */
  format = format_of (path);
  if (format == FORMAT_NONE)
    {
      g_autofree char *base = g_path_get_basename (path);

      g_printerr (_("“%s” is neither a .xlsx nor a .pdf file: name the report FILE.xlsx or FILE.pdf.\n"), base);
      return LIAISON_CLI_EXIT_FAILED;
    }
  if (!liaison_period_parse (period_text, &period, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return LIAISON_CLI_EXIT_FAILED;

  dashboard = liaison_dashboard_compute (store, &period, NULL, &error);
  if (dashboard == NULL)
    written = FALSE;
  else if (format == FORMAT_XLSX)
    written = liaison_report_write_xlsx (dashboard, path, &error);
  else
    written = liaison_report_write_pdf (dashboard, path, &error);
  if (!written)
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }

  label = liaison_period_label (&period);
  g_print (_("Wrote the figures for %s to %s.\n"), label, path);
  return 0;
}
