/* liaison-hq-audit.c: `liaison-hq audit --data-dir DIR [--from DATE --to
 * DATE] FILE.csv` writes the access log entries the server holds, from
 * every desk, oldest first, as a CSV file that Excel and WPS open (UTF-8
 * with a BOM, CRLF), whole or not at all (liaison-hq-audit.h). */
#define G_LOG_DOMAIN "liaison-hq"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "liaison-access-kind.h"
#include "liaison-calendar.h"
#include "liaison-csv.h"
#include "liaison-hq-audit.h"
#include "liaison-hq-store.h"
#include "liaison-hq-store-private.h"
#include "liaison-hq-usage.h"
#include "liaison-validate.h"
#include "liaison-whole-file.h"
#include "liaison-wire-schema.h"

typedef struct {
  char  *data_dir;
  char  *from;
  char  *to;
  char **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->data_dir);
  g_free (options->from);
  g_free (options->to);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

/* The file's columns, under the Chinese names the city's records use. */
static const char *const columns[] = {
  "时间", "类别", "站点", "工作台", "角色", "姓名", "内容", "联系方式数", "事由", "编号",
};

/* @text (any spelling liaison_normalize_datetime () takes) as a day. */
static gboolean
parse_day (const char *text,
           GDate      *date)
{
  g_autofree char *normalized = liaison_normalize_datetime (text);

  if (normalized == NULL)
    return FALSE;
  normalized[10] = '\0';
  return liaison_date_parse_iso (normalized, date);
}

/* "2025-03-31T16:00:00Z" as the local "2025-04-01 00:00:00"; as it is if
 * it does not read. */
static char *
local_time (const char *at)
{
  g_autoptr(GDateTime) utc = at != NULL ? g_date_time_new_from_iso8601 (at, NULL) : NULL;
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup (at != NULL ? at : "");
  return g_date_time_format (local, "%Y-%m-%d %H:%M:%S");
}

static void
append_row (GString      *out,
            LiaisonHqStmt *stmt)
{
  const char *code = liaison_hq_stmt_column_text (stmt, 1);
  const char *station = liaison_hq_stmt_column_text (stmt, 9);
  g_autofree char *when = local_time (liaison_hq_stmt_column_text (stmt, 0));
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) liaison_hq_stmt_column_int64 (stmt, 6));
  LiaisonAccessKind kind;
  const char *cells[G_N_ELEMENTS (columns)] = {
    when,
    liaison_access_kind_from_code (code, &kind) ? liaison_access_kind_label (kind) : code,
    station != NULL ? station : _("Headquarters"),
    liaison_hq_stmt_column_text (stmt, 4),
    liaison_hq_stmt_column_text (stmt, 2),
    liaison_hq_stmt_column_text (stmt, 3),
    liaison_hq_stmt_column_text (stmt, 5),
    count,
    liaison_hq_stmt_column_text (stmt, 7),
    liaison_hq_stmt_column_text (stmt, 8),
  };

  for (guint c = 0; c < G_N_ELEMENTS (cells); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      liaison_csv_append_field (out, cells[c] != NULL ? cells[c] : "");
    }
  g_string_append (out, "\r\n");
}

/* The CSV text of the entries from @from to @to (UTC instants, NULL for
 * no bound), or NULL with @error; @n_entries gets their number. */
static GString *
audit_csv (LiaisonHqStore  *store,
           const char      *from,
           const char      *to,
           guint           *n_entries,
           GError         **error)
{
  g_autoptr(GString) out = g_string_new ("\xEF\xBB\xBF");
  LiaisonHqStmt *stmt;
  int rc;

  *n_entries = 0;
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      if (c > 0)
        g_string_append_c (out, ',');
      liaison_csv_append_field (out, columns[c]);
    }
  g_string_append (out, "\r\n");

  stmt = liaison_hq_store_prepare (store,
    "SELECT json_extract (r.data, '$.at'), json_extract (r.data, '$.kind'), json_extract (r.data, '$.role'),"
    " json_extract (r.data, '$.actor'), json_extract (r.data, '$.desk'), json_extract (r.data, '$.what'),"
    " json_extract (r.data, '$.n_contacts'), json_extract (r.data, '$.reason'), r.uuid,"
    " json_extract (s.data, '$.name')"
    " FROM records r LEFT JOIN records s ON s.kind = '" LIAISON_KIND_STATION "' AND s.uuid = r.origin_station"
    " WHERE r.kind = '" LIAISON_KIND_ACCESS_LOG "' AND r.deleted = 0"
    " AND (CAST (?1 AS TEXT) IS NULL OR json_extract (r.data, '$.at') >= ?1)"
    " AND (CAST (?2 AS TEXT) IS NULL OR json_extract (r.data, '$.at') < ?2)"
    " ORDER BY json_extract (r.data, '$.at'), r.seq", error);
  if (stmt == NULL)
    return NULL;
  if (from != NULL)
    liaison_hq_stmt_bind_text (stmt, 1, from);
  if (to != NULL)
    liaison_hq_stmt_bind_text (stmt, 2, to);
  while ((rc = liaison_hq_stmt_step (stmt)) == LIAISON_HQ_DB_ROW)
    {
      append_row (out, stmt);
      (*n_entries)++;
    }
  if (rc != LIAISON_HQ_DB_DONE)
    liaison_hq_store_db_error (store, error, _("The records could not be read"));
  liaison_hq_stmt_free (stmt);
  if (rc != LIAISON_HQ_DB_DONE)
    return NULL;
  return g_steal_pointer (&out);
}

static gboolean
write_csv (const char  *temporary,
           gpointer     user_data,
           GError     **error)
{
  GString *csv = user_data;

  return g_file_set_contents (temporary, csv->str, csv->len, error);
}

static gboolean
parse (int       argc,
       char    **argv,
       Options  *options,
       GError  **error)
{
  GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, &options->data_dir, N_("The server's data folder"), N_("DIR") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options->from, N_("The first day, as 2025-01-01"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("The last day, as 2025-03-31"), N_("DATE") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, error))
    return FALSE;
  if (options->data_dir == NULL)
    options->data_dir = g_strdup (g_getenv ("LIAISON_HQ_DATA_DIR"));
  if (options->data_dir == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Which data folder? Give --data-dir DIR."));
      return FALSE;
    }
  return TRUE;
}

int
liaison_hq_audit_command (int    argc,
                          char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqStore) store = NULL;
  g_autoptr(GString) csv = NULL;
  g_autofree char *from_at = NULL;
  g_autofree char *to_at = NULL;
  GDate from, to;
  guint n_entries;

  if (!parse (argc, argv, &options, &error))
    return liaison_hq_usage_error ("%s", error->message);
  if (options.rest == NULL || g_strv_length (options.rest) != 1)
    return liaison_hq_usage_error (_("“liaison-hq audit” needs the CSV file to write, such as audit.csv."));
  if (options.from != NULL && !parse_day (options.from, &from))
    {
      fprintf (stderr, "liaison-hq: ");
      fprintf (stderr, _("“%s” is not a date; write it as 2024-03-05.\n"), options.from);
      return EXIT_FAILURE;
    }
  if (options.to != NULL && !parse_day (options.to, &to))
    {
      fprintf (stderr, "liaison-hq: ");
      fprintf (stderr, _("“%s” is not a date; write it as 2024-03-05.\n"), options.to);
      return EXIT_FAILURE;
    }
  if (options.from != NULL && options.to != NULL && g_date_compare (&from, &to) > 0)
    {
      g_autofree char *first = liaison_date_to_iso (&from);
      g_autofree char *last = liaison_date_to_iso (&to);

      fprintf (stderr, "liaison-hq: ");
      fprintf (stderr, _("The first day, %s, is after the last day, %s: nothing was written.\n"), first, last);
      return EXIT_FAILURE;
    }
  if (options.from != NULL)
    from_at = liaison_access_day_start_utc (&from, 0);
  if (options.to != NULL)
    to_at = liaison_access_day_start_utc (&to, 1);

  store = liaison_hq_store_open (options.data_dir, &error);
  if (store == NULL)
    goto failed;
  csv = audit_csv (store, from_at, to_at, &n_entries, &error);
  if (csv == NULL)
    goto failed;
  /* liaison_write_whole_file () says which file and why. */
  if (!liaison_write_whole_file (options.rest[0], write_csv, csv, &error))
    goto failed;
  printf (ngettext ("Wrote %u access log entry to %s.\n", "Wrote %u access log entries to %s.\n", n_entries),
          n_entries, options.rest[0]);
  return EXIT_SUCCESS;

failed:
  fprintf (stderr, "liaison-hq: %s\n", error->message);
  return EXIT_FAILURE;
}
