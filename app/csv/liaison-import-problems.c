/* liaison-import-problems.c: an import's problems, kept once each, and
 * written out as its error, for a clipboard or for a spreadsheet. */
#define G_LOG_DOMAIN "liaison-import-problems"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-csv.h"
#include "liaison-import-problems.h"

struct _LiaisonImportProblems
{
  GPtrArray  *items;  /* LiaisonImportProblem *, in the order added */
  GHashTable *seen;   /* "line\ncolumn\nreason", for repeats */
  GHashTable *lines;  /* GUINT_TO_POINTER (line) */
};

/* At most this many bad rows are listed in an error; the rest are counted. */

G_DEFINE_BOXED_TYPE (LiaisonImportProblems, liaison_import_problems,
                     liaison_import_problems_ref, liaison_import_problems_unref)

LiaisonImportProblem *
liaison_import_problem_new (guint       line,
                            const char *column,
                            const char *reason)
{
  LiaisonImportProblem *problem = g_new0 (LiaisonImportProblem, 1);

  problem->line = line;
  problem->column = g_strdup (column != NULL ? column : "");
  problem->reason = g_strdup (reason);
  return problem;
}

void
liaison_import_problem_free (LiaisonImportProblem *problem)
{
  if (problem == NULL)
    return;
  g_free (problem->column);
  g_free (problem->reason);
  g_free (problem);
}

static void
problems_finalize (LiaisonImportProblems *problems)
{
  g_ptr_array_unref (problems->items);
  g_hash_table_unref (problems->seen);
  g_hash_table_unref (problems->lines);
}

LiaisonImportProblems *
liaison_import_problems_new (void)
{
  LiaisonImportProblems *problems = g_rc_box_new0 (LiaisonImportProblems);

  problems->items = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_import_problem_free);
  problems->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  problems->lines = g_hash_table_new (NULL, NULL);
  return problems;
}

LiaisonImportProblems *
liaison_import_problems_ref (LiaisonImportProblems *problems)
{
  return g_rc_box_acquire (problems);
}

void
liaison_import_problems_unref (LiaisonImportProblems *problems)
{
  if (problems != NULL)
    g_rc_box_release_full (problems, (GDestroyNotify) problems_finalize);
}

void
liaison_import_problems_clear (LiaisonImportProblems *problems)
{
  g_return_if_fail (problems != NULL);

  g_ptr_array_set_size (problems->items, 0);
  g_hash_table_remove_all (problems->seen);
  g_hash_table_remove_all (problems->lines);
}

gboolean
liaison_import_problems_add (LiaisonImportProblems *problems,
                             guint                  line,
                             const char            *column,
                             const char            *reason)
{
  char *key;

  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (reason != NULL, FALSE);

  if (column == NULL)
    column = "";
  key = g_strdup_printf ("%u\n%s\n%s", line, column, reason);
  if (!g_hash_table_add (problems->seen, key))
    return FALSE;

  g_ptr_array_add (problems->items, liaison_import_problem_new (line, column, reason));
  g_hash_table_add (problems->lines, GUINT_TO_POINTER (line));
  return TRUE;
}

guint
liaison_import_problems_get_n (LiaisonImportProblems *problems)
{
  g_return_val_if_fail (problems != NULL, 0);
  return problems->items->len;
}

const LiaisonImportProblem *
liaison_import_problems_get (LiaisonImportProblems *problems,
                             guint                  i)
{
  g_return_val_if_fail (problems != NULL, NULL);
  g_return_val_if_fail (i < problems->items->len, NULL);
  return g_ptr_array_index (problems->items, i);
}

guint
liaison_import_problems_get_n_lines (LiaisonImportProblems *problems)
{
  g_return_val_if_fail (problems != NULL, 0);
  return g_hash_table_size (problems->lines);
}

GPtrArray *
liaison_import_reasons_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_import_problem_free);
}

void
liaison_import_reasons_add_valist (GPtrArray  *reasons,
                                   const char *column,
                                   const char *format,
                                   va_list     args)
{
  g_autofree char *reason = NULL;

  g_return_if_fail (reasons != NULL);
  g_return_if_fail (format != NULL);

  reason = g_strdup_vprintf (format, args);
  g_ptr_array_add (reasons, liaison_import_problem_new (0, column, reason));
}

void
liaison_import_reasons_add (GPtrArray  *reasons,
                            const char *column,
                            const char *format,
                            ...)
{
  va_list args;

  va_start (args, format);
  liaison_import_reasons_add_valist (reasons, column, format, args);
  va_end (args);
}

void
liaison_import_problems_add_row (LiaisonImportProblems *problems,
                                 guint                  line,
                                 GPtrArray             *reasons)
{
  g_return_if_fail (problems != NULL);
  g_return_if_fail (reasons != NULL);

  for (guint i = 0; i < reasons->len; i++)
    {
      const LiaisonImportProblem *reason = g_ptr_array_index (reasons, i);

      liaison_import_problems_add (problems, line, reason->column, reason->reason);
    }
}

gboolean
liaison_import_problems_check (LiaisonImportProblems  *problems,
                               GFile                  *file,
                               GQuark                  domain,
                               int                     code,
                               GError                **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GString) message = NULL;
  g_autoptr(GString) joined = NULL;
  guint n_bad, n;
  guint listed = 0;

  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  n = liaison_import_problems_get_n (problems);
  if (n == 0)
    return TRUE;

  name = g_file_get_parse_name (file);
  message = g_string_new (NULL);
  joined = g_string_new (NULL);
  n_bad = liaison_import_problems_get_n_lines (problems);
  g_string_append_printf (message,
                          ngettext ("Nothing was imported: %u row of “%s” has a problem. Correct it and import the file again.",
                                    "Nothing was imported: %u rows of “%s” have problems. Correct them and import the file again.",
                                    n_bad),
                          n_bad, name);
  /* One line of the message a row: a row's problems are added together. */
  for (guint i = 0; i < n && listed < LIAISON_IMPORT_MAX_LISTED_ROWS; i++)
    {
      const LiaisonImportProblem *problem = liaison_import_problems_get (problems, i);
      const LiaisonImportProblem *next = i + 1 < n ? liaison_import_problems_get (problems, i + 1) : NULL;

      if (joined->len > 0)
        /* Translators: between two problems of the same row */
        g_string_append (joined, _("; "));
      g_string_append (joined, problem->reason);
      if (next != NULL && next->line == problem->line)
        continue;
      g_string_append_c (message, '\n');
      /* Translators: "line 12: unknown deputy “王五”" */
      g_string_append_printf (message, _("line %u: %s"), problem->line, joined->str);
      g_string_truncate (joined, 0);
      listed++;
    }
  if (n_bad > listed)
    g_string_append_printf (message,
                            ngettext ("\n…and %u more row.", "\n…and %u more rows.", n_bad - listed),
                            n_bad - listed);
  g_set_error_literal (error, domain, code, message->str);
  return FALSE;
}

char *
liaison_import_problem_describe (const LiaisonImportProblem *problem)
{
  g_return_val_if_fail (problem != NULL, NULL);

  if (*problem->column == '\0')
    /* Translators: a problem of a whole row of an import, read by a screen reader */
    return g_strdup_printf (_("Line %u: %s"), problem->line, problem->reason);
  /* Translators: "Line 3, column 接待日期: “2024-02-30” is not a date…" */
  return g_strdup_printf (_("Line %u, column %s: %s"), problem->line, problem->column, problem->reason);
}

/* The three column titles, in the user's language. */
static void
titles (const char *out[3])
{
  /* Translators: the titles of the list of an import's problems, and of its CSV */
  out[0] = C_("import problems", "Line");
  out[1] = C_("import problems", "Column");
  out[2] = C_("import problems", "Problem");
}

/* A cell of tab-separated text: no tab or line break inside. */
static void
append_plain (GString    *out,
              const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

/* The titles and one row a problem, cells written by @append_cell and
 * separated by @separator, each row ended by @eol: the text and the CSV
 * differ only in these. */
static void
append_table (LiaisonImportProblems *problems,
              GString               *out,
              char                   separator,
              const char            *eol,
              void                 (*append_cell) (GString *out, const char *text))
{
  const char *head[3];

  titles (head);
  for (guint c = 0; c < 3; c++)
    {
      if (c > 0)
        g_string_append_c (out, separator);
      append_cell (out, head[c]);
    }
  g_string_append (out, eol);
  for (guint i = 0; i < problems->items->len; i++)
    {
      const LiaisonImportProblem *problem = g_ptr_array_index (problems->items, i);

      g_string_append_printf (out, "%u%c", problem->line, separator);
      append_cell (out, problem->column);
      g_string_append_c (out, separator);
      append_cell (out, problem->reason);
      g_string_append (out, eol);
    }
}

char *
liaison_import_problems_to_text (LiaisonImportProblems *problems)
{
  GString *out;

  g_return_val_if_fail (problems != NULL, NULL);

  out = g_string_new (NULL);
  append_table (problems, out, '\t', "\n", append_plain);
  return g_string_free (out, FALSE);
}

char *
liaison_import_problems_to_csv (LiaisonImportProblems *problems)
{
  GString *out;

  g_return_val_if_fail (problems != NULL, NULL);

  out = g_string_new ("\xEF\xBB\xBF");
  append_table (problems, out, ',', "\r\n", liaison_csv_append_field);
  return g_string_free (out, FALSE);
}

gboolean
liaison_import_problems_save_csv (LiaisonImportProblems  *problems,
                                  GFile                  *file,
                                  GError                **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (problems != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  csv = liaison_import_problems_to_csv (problems);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}
