/* liaison-hq-migrate.c: `liaison-hq migrate`, an SQLite headquarters
 * moved into PostgreSQL (liaison-hq-migrate.h). */
#define G_LOG_DOMAIN "liaison-hq-migrate"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>

#include "liaison-hq-migrate.h"
#include "liaison-hq-migrate-copy.h"
#include "liaison-hq-serving.h"
#include "liaison-hq-store.h"
#include "liaison-hq-usage.h"
#include "liaison-wire-schema.h"

typedef struct {
  char  *from;
  char  *to;
  char **rest;
} Options;

static void
options_clear (Options *options)
{
  g_free (options->from);
  g_free (options->to);
  g_strfreev (options->rest);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Options, options_clear)

static gboolean
parse (int       argc,
       char    **argv,
       Options  *options,
       GError  **error)
{
  GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &options->from, N_("The data directory of the SQLite headquarters"),
      N_("DIR") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options->to, N_("The empty PostgreSQL database to copy it into"),
      N_("postgresql://…") },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_STRING_ARRAY, &options->rest, NULL, NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = liaison_hq_command_context ("migrate");
  g_auto(GStrv) args = liaison_hq_command_args ("migrate", argc, argv, 1);

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  return g_option_context_parse_strv (context, &args, error);
}

/* Refuses with "Nothing was changed.", as every refusal of migrate. */
static gboolean G_GNUC_PRINTF (2, 3)
refuse (GError     **error,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_INVALID,
               /* Translators: a reason, then that nothing was changed */
               _("%s Nothing was changed."), message);
  return FALSE;
}

/* DIR/hq.db, to read only; NULL, with @error, unless DIR is an SQLite
 * headquarters' data directory. */
static LiaisonHqDb *
open_source (const char  *dir,
             GError     **error)
{
  g_autofree char *path = g_build_filename (dir, "hq.db", NULL);
  g_autofree char *database_file = g_build_filename (dir, LIAISON_HQ_STORE_DATABASE_FILE, NULL);
  g_autoptr(LiaisonHqDb) db = NULL;
  g_autoptr(LiaisonHqStmt) stmt = NULL;
  g_autoptr(GError) local = NULL;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    return (refuse (error, _("“%s” is not a folder: give the data directory of an SQLite headquarters "
                             "(the folder that holds hq.db)."), dir), NULL);
  if (g_file_test (database_file, G_FILE_TEST_EXISTS))
    return (refuse (error, _("The headquarters in “%s” is already on PostgreSQL (%s names its database): "
                             "there is nothing to migrate."), dir, database_file), NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return (refuse (error, _("There is no headquarters database hq.db in “%s”: give the data directory "
                             "of an SQLite headquarters."), dir), NULL);
  db = liaison_hq_db_open_sqlite_read_only (path, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                                            _("The SQLite headquarters could not be opened"), error);
  if (db == NULL)
    return NULL;
  stmt = liaison_hq_db_prepare (db, "SELECT value FROM meta WHERE key = 'server_id'", "", &local);
  if (stmt == NULL || liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    return (refuse (error, _("“%s” is not a headquarters database."), path), NULL);
  return g_steal_pointer (&db);
}

/* The one number @sql reads from @db; -1, with @error, if it fails. */
static gint64
number (LiaisonHqDb  *db,
        const char   *sql,
        GError      **error)
{
  const char *failed = _("The PostgreSQL database could not be read");
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (db, sql, failed, error);

  if (stmt == NULL)
    return -1;
  if (liaison_hq_stmt_step (stmt) != LIAISON_HQ_DB_ROW)
    {
      liaison_hq_db_set_error (db, error, failed);
      return -1;
    }
  return liaison_hq_stmt_column_int64 (stmt, 0);
}

/* "table codes, 1 row", to say what a target holds. */
static char *
rows_text (gint64      rows,
           const char *table)
{
  g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, rows);

  return g_strdup_printf (ngettext ("table %s, %s row", "table %s, %s rows", (gulong) CLAMP (rows, 0, G_MAXINT)),
                          table, n);
}

/* "120 rows, digest 1a2b3c4d5e6f". */
static char *
tally_text (const LiaisonHqDbTally *tally)
{
  g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, tally->rows);
  g_autofree char *digest = liaison_hq_db_tally_digest (tally);

  return g_strdup_printf (ngettext ("%s row, digest %s", "%s rows, digest %s",
                                    (gulong) CLAMP (tally->rows, 0, G_MAXINT)), n, digest);
}

static gboolean
has_name (GPtrArray  *names,
          const char *name)
{
  return g_ptr_array_find_with_equal_func (names, name, g_str_equal, NULL);
}

/* Whether @target may take the copy: it holds none of the source's
 * tables, or it holds a store as `liaison-hq init` made it and nothing
 * since (no token, no enrollment code, no other row, and only the
 * categories and time limits init wrote, each never changed). Such a
 * store's rows are deleted, in the open transaction, for the source's. */
static gboolean
prepare_target (LiaisonHqDb  *target,
                GPtrArray    *tables,
                const char   *shown,
                GError      **error)
{
  const char *failed = _("The PostgreSQL database could not be read");
  g_autoptr(GPtrArray) existing = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(LiaisonHqStmt) stmt = liaison_hq_db_prepare (target,
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema ()"
    " AND table_type = 'BASE TABLE' ORDER BY table_name", failed, error);
  gint64 changed;

  if (stmt == NULL || !liaison_hq_db_step_rows (stmt, liaison_hq_db_row_add_text, existing, failed, error))
    return FALSE;
  if (!has_name (existing, "meta"))
    {
      for (guint i = 0; i < tables->len; i++)
        {
          LiaisonHqDbTable *table = g_ptr_array_index (tables, i);

          if (has_name (existing, table->name))
            return refuse (error, _("%s already holds a table “%s”, but no headquarters: migrate into an "
                                    "empty database."), shown, table->name);
        }
      return TRUE;
    }
  for (guint i = 0; i < existing->len; i++)
    {
      const char *name = g_ptr_array_index (existing, i);
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT (*) FROM \"%s\"", name);
      gint64 rows;

      if (g_str_equal (name, "meta") || g_str_equal (name, "records"))
        continue;
      rows = number (target, sql, error);
      if (rows < 0)
        return FALSE;
      if (rows > 0)
        {
          g_autofree char *held = rows_text (rows, name);

          return refuse (error, _("%s already holds a headquarters with data (%s): migrate into an empty "
                                  "database, or one that “liaison-hq init” made and nothing has changed "
                                  "since."), shown, held);
        }
    }
  changed = number (target,
                    "SELECT COUNT (*) FILTER (WHERE kind NOT IN ('" LIAISON_KIND_CATEGORY "', '"
                    LIAISON_KIND_LOOP_RULES "') OR origin_station IS NOT NULL)"
                    " + (CASE WHEN COALESCE (MAX (seq), 0) = COUNT (*) THEN 0 ELSE 1 END) FROM records", error);
  if (changed < 0)
    return FALSE;
  if (changed > 0)
    return refuse (error, _("%s already holds a headquarters whose records changed after “liaison-hq init”: "
                            "migrate into an empty database, or one that “liaison-hq init” made and nothing "
                            "has changed since."), shown);
  return liaison_hq_db_exec (target, "DELETE FROM records; DELETE FROM meta",
                             _("The PostgreSQL database could not be written"), error);
}

static const LiaisonHqDbTally *
tally_named (GPtrArray  *tallies,
             const char *name)
{
  for (guint i = 0; i < tallies->len; i++)
    {
      const LiaisonHqDbTally *tally = g_ptr_array_index (tallies, i);

      if (g_str_equal (tally->name, name))
        return tally;
    }
  return NULL;
}

static void
say_difference (const char                  *name,
                const LiaisonHqDbTally *in_source,
                const LiaisonHqDbTally *in_target)
{
  g_autofree char *in_sqlite = tally_text (in_source);
  g_autofree char *in_postgresql = tally_text (in_target);

  fprintf (stderr, _("liaison-hq: %s: %s in SQLite, but %s in PostgreSQL.\n"), name, in_sqlite, in_postgresql);
}

/* Says, on stderr, every table or kind whose count or digest differs
 * between @source and @target, or that only one of them has; FALSE if
 * any does. */
static gboolean
report_differences (GPtrArray *source,
                    GPtrArray *target)
{
  static const LiaisonHqDbTally none = { .name = (char *) "" };
  gboolean same = TRUE;

  for (guint i = 0; i < source->len; i++)
    {
      const LiaisonHqDbTally *tally = g_ptr_array_index (source, i);
      const LiaisonHqDbTally *copied = tally_named (target, tally->name);

      if (liaison_hq_db_tally_equal (tally, copied))
        continue;
      same = FALSE;
      say_difference (tally->name, tally, copied != NULL ? copied : &none);
    }
  for (guint i = 0; i < target->len; i++)
    {
      const LiaisonHqDbTally *tally = g_ptr_array_index (target, i);

      if (tally_named (source, tally->name) != NULL)
        continue;
      same = FALSE;
      say_difference (tally->name, &none, tally);
    }
  return same;
}

static void
print_summary (GPtrArray  *tallies,
               const char *path,
               const char *shown)
{
  printf (_("Copied the SQLite headquarters %s into %s, and checked it:\n"), path, shown);
  for (guint i = 0; i < tallies->len; i++)
    {
      const LiaisonHqDbTally *tally = g_ptr_array_index (tallies, i);
      g_autofree char *text = tally_text (tally);

      /* Translators: "  records (reception): 120 rows, digest 1a2b3c4d5e6f; the same in PostgreSQL" */
      printf (_("  %s: %s; the same in PostgreSQL\n"), tally->name, text);
    }
}

/* Copies, checks and commits; the summary on stdout. FALSE, with @error
 * or having said what differs, when nothing was committed. */
static gboolean
migrate (LiaisonHqDb  *source,
         LiaisonHqDb  *target,
         const char   *path,
         const char   *shown,
         gint64       *feed_end,
         GError      **error)
{
  const char *write_failed = _("The PostgreSQL database could not be written");
  g_autoptr(GPtrArray) tables = NULL;
  g_autoptr(GPtrArray) source_tallies = NULL;
  g_autoptr(GPtrArray) target_tallies = NULL;

  g_autoptr(GError) served = NULL;

  /* One snapshot of the source; one transaction on the target, under the
   * lock every writing server takes first, and with no server serving it:
   * one would go on with what it read at its start. */
  if (!liaison_hq_db_begin_read (source, _("The SQLite headquarters could not be read"), error) ||
      !liaison_hq_db_begin (target, write_failed, error))
    return FALSE;
  if (!liaison_hq_serving_lock_db (target, shown, &served))
    return refuse (error, "%s", served->message);
  tables = liaison_hq_migrate_tables (source, error);
  if (tables == NULL || !prepare_target (target, tables, shown, error) ||
      !liaison_hq_migrate_make_schema (source, target, error))
    return FALSE;
  for (guint i = 0; i < tables->len; i++)
    if (!liaison_hq_migrate_copy_table (source, target, g_ptr_array_index (tables, i), error))
      return FALSE;
  /* Both sides read back through the same code, before the commit: what
   * does not match is rolled back. */
  source_tallies = liaison_hq_db_tally (source, tables, _("The SQLite headquarters could not be read"), error);
  target_tallies = source_tallies != NULL ? liaison_hq_db_tally (target, tables, write_failed, error) : NULL;
  if (target_tallies == NULL)
    return FALSE;
  if (!report_differences (source_tallies, target_tallies))
    {
      g_set_error (error, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                   _("The copy in %s does not match %s, so it was rolled back: the PostgreSQL database is as it "
                     "was, and the headquarters still uses hq.db."), shown, path);
      return FALSE;
    }
  *feed_end = number (target, "SELECT COALESCE (MAX (seq), 0) FROM records", error);
  if (*feed_end < 0 || !liaison_hq_db_commit (target, write_failed, error))
    return FALSE;
  liaison_hq_db_rollback (source);
  print_summary (source_tallies, path, shown);
  return TRUE;
}

int
liaison_hq_migrate_command (int    argc,
                            char **argv)
{
  g_auto(Options) options = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(LiaisonHqDb) source = NULL;
  g_autoptr(LiaisonHqDb) target = NULL;
  g_autoptr(LiaisonHqServing) held = NULL;
  g_autoptr(GError) served = NULL;
  g_autofree char *path = NULL;
  g_autofree char *shown = NULL;
  const char *env;
  gint64 feed_end = 0;

  if (!parse (argc, argv, &options, &error))
    return liaison_hq_usage_error ("%s", error->message);
  if (options.rest != NULL && options.rest[0] != NULL)
    return liaison_hq_usage_error (_("“liaison-hq migrate” takes no argument “%s”."), options.rest[0]);
  if (options.from == NULL || options.to == NULL)
    return liaison_hq_usage_error (_("“liaison-hq migrate” needs --from DIR and --to postgresql://…"));
  if (!liaison_hq_db_location_is_postgresql (options.to))
    return liaison_hq_usage_error (_("“%s” is not a PostgreSQL database: give a postgresql:// address."),
                                   options.to);

  path = g_build_filename (options.from, "hq.db", NULL);
  shown = liaison_hq_store_shown_database (options.to);
  source = open_source (options.from, &error);
  if (source == NULL)
    return liaison_hq_fail (error);
  /* Held to the end: a server serving DIR would write what the copy
   * misses, and one starting now would find it held and not start. */
  held = liaison_hq_serving_lock_dir (options.from, &served);
  if (held == NULL)
    {
      refuse (&error, "%s", served->message);
      return liaison_hq_fail (error);
    }
  target = liaison_hq_db_open_postgresql (options.to, LIAISON_HQ_STORE_ERROR, LIAISON_HQ_STORE_ERROR_FAILED,
                                          _("The PostgreSQL database could not be opened"), &error);
  if (target == NULL)
    return liaison_hq_fail (error);
  if (!migrate (source, target, path, shown, &feed_end, &error))
    {
      liaison_hq_db_rollback (target);
      return liaison_hq_fail (error);
    }

  {
    g_autofree char *next = g_strdup_printf ("%" G_GINT64_FORMAT, feed_end + 1);

    printf (_("The change feed goes on from seq %s: stations pull on where they were, with their tokens.\n"),
            next);
  }
  if (!liaison_hq_store_write_database_file (options.from, options.to, &error))
    {
      g_autoptr(GError) wrapped = g_error_new (error->domain, error->code,
                                               _("The copy is committed, but %s could not be written (%s): "
                                                 "start the server with “liaison-hq serve --data-dir %s "
                                                 "--database …” until it is."),
                                               LIAISON_HQ_STORE_DATABASE_FILE, error->message, options.from);
      return liaison_hq_fail (wrapped);
    }
  printf (_("From now on “liaison-hq serve --data-dir %s” uses %s (named in %s/%s). %s is kept as it was, "
            "no longer used; the attachments stay in %s.\n"),
          options.from, shown, options.from, LIAISON_HQ_STORE_DATABASE_FILE, path, options.from);
  env = g_getenv ("LIAISON_HQ_DATABASE");
  if (env != NULL && *env != '\0' && g_strcmp0 (env, options.to) != 0)
    {
      g_autofree char *env_shown = liaison_hq_store_shown_database (env);

      printf (_("But $LIAISON_HQ_DATABASE is set to %s, which “serve” uses before %s: change it.\n"),
              env_shown, LIAISON_HQ_STORE_DATABASE_FILE);
    }
  return EXIT_SUCCESS;
}
