/* liaison-cli-print.c: `liaison print`, what the window prints, written
 * as an A4 PDF with no display:
 *
 *   liaison print form   [--database PATH] --reception UUID FILE.pdf
 *   liaison print blank  [--database PATH] FILE.pdf
 *   liaison print ledger [--database PATH] --from DATE --to DATE FILE.pdf
 *
 * The form is the reception registration form (接待登记表), the blank one
 * is for days on paper, the ledger a period's receptions in a table. What
 * is typed is checked before the database is opened, and the file is
 * written whole or not at all.
 */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli-private.h"
#include "liaison-ledger.h"
#include "liaison-print-form.h"

typedef enum {
  PRINT_FORM,
  PRINT_BLANK,
  PRINT_LEDGER,
} PrintKind;

static gboolean
parse_kind (const char *text,
            PrintKind  *kind)
{
  static const char *const names[] = { [PRINT_FORM] = "form", [PRINT_BLANK] = "blank", [PRINT_LEDGER] = "ledger" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *kind = (PrintKind) i;
        return TRUE;
      }
  return FALSE;
}

int
liaison_cli_run_print (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *reception = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *reason_text = NULL;
  gboolean with_contacts = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database to print from (default: the app’s own)"), N_("PATH") },
    { "reception", 'r', 0, G_OPTION_ARG_STRING, &reception,
      N_("The reception whose form to print, by its UUID"), N_("UUID") },
    { "from", 'f', 0, G_OPTION_ARG_STRING, &from_text,
      N_("The ledger’s first day, as 2025-01-01"), N_("DATE") },
    { "to", 't', 0, G_OPTION_ARG_STRING, &to_text,
      N_("The ledger’s last day, as 2025-03-31"), N_("DATE") },
    LIAISON_CLI_CONTACTS_OPTIONS (&with_contacts, &reason_text),
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonPdf) pdf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  PrintKind kind;
  const char *path;
  const char *contacts_reason = NULL;
  guint n_rows = 0;
  int status = 0;

  context = liaison_cli_option_context_new (N_("form|blank|ledger FILE.pdf"),
                             N_("Writes what the window prints as an A4 PDF: a reception’s registration form (接待登记表) "
                                "with form --reception UUID, the blank form for days on paper with blank, or a period’s "
                                "ledger with ledger --from DATE --to DATE. Phones are printed masked (138****5678); with "
                                "--with-contacts --reason TEXT, a visitor who agreed to be contacted has theirs in full, "
                                "and the access log says why."),
                             entries);
  if (!liaison_cli_parse_options (context, "print", &args, &status))
    return status;
  if (g_strv_length (args) != 3 || !parse_kind (args[1], &kind))
    return liaison_cli_usage_error ("print", _("Say what to print, form, blank or ledger, then name one file, FILE.pdf."));
  path = args[2];
  if (kind == PRINT_FORM && (reception == NULL || reception[0] == '\0'))
    return liaison_cli_usage_error ("print", _("Name the reception whose form to print with --reception UUID."));
  if (kind != PRINT_FORM && reception != NULL)
    return liaison_cli_usage_error ("print", _("--reception names the reception of a form: print form --reception UUID."));
  if (kind == PRINT_LEDGER && (from_text == NULL || to_text == NULL))
    return liaison_cli_usage_error ("print", _("Give the ledger’s first and last day with --from and --to, such as --from 2025-01-01 --to 2025-03-31."));
  if (kind != PRINT_LEDGER && (from_text != NULL || to_text != NULL))
    return liaison_cli_usage_error ("print", _("--from and --to give the period of a ledger: print ledger --from DATE --to DATE."));

  if (!liaison_cli_contacts_reason ("print", with_contacts, reason_text, &contacts_reason, &status))
    return status;

  /* Checked before the database is opened, so that nothing is written. */
  if (!liaison_cli_is_pdf_path (path))
    {
      g_autofree char *base = g_path_get_basename (path);

      g_printerr (_("“%s” is not a .pdf file: name it FILE.pdf.\n"), base);
      return LIAISON_CLI_EXIT_FAILED;
    }
  if (kind == PRINT_LEDGER && !liaison_cli_read_period (NULL, from_text, to_text, &from, &to))
    return LIAISON_CLI_EXIT_FAILED;
  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return LIAISON_CLI_EXIT_FAILED;

  switch (kind)
    {
    case PRINT_FORM:
      pdf = liaison_print_form_for_uuid (store, reception, contacts_reason, &error);
      break;
    case PRINT_BLANK:
      pdf = liaison_print_blank_form_for (store);
      break;
    case PRINT_LEDGER:
    default:
      pdf = liaison_ledger_print_new (store, from, to, contacts_reason, &n_rows, &error);
      break;
    }
  if (pdf == NULL || !liaison_print_write_pdf (pdf, path, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }

  switch (kind)
    {
    case PRINT_FORM:
      g_print (_("Wrote the registration form of reception %s to %s.\n"), reception, path);
      break;
    case PRINT_BLANK:
      g_print (_("Wrote the blank registration form to %s.\n"), path);
      break;
    case PRINT_LEDGER:
    default:
      g_print (ngettext ("Wrote the ledger of %s to %s, %u reception, to %s.\n",
                         "Wrote the ledger of %s to %s, %u receptions, to %s.\n", n_rows),
               from, to, n_rows, path);
      break;
    }
  return 0;
}
