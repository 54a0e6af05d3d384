/* liaison-import-problems.h: what is wrong with an import's rows, one
 * problem per line, column and reason, for a person to read, copy or save.
 *
 * An import adds every problem it finds; the list keeps each (line,
 * column, reason) once, so that a sentence is never shown twice for the
 * same cell, in the order they were added.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most rows an import's message lists one by one; it says how many
 * more there are, and the problems list (or the CLI's count) keeps them all. */
#define LIAISON_IMPORT_MAX_LISTED_ROWS 50

typedef struct {
  guint  line;    /* the file's physical line, the header being 1 */
  char  *column;  /* the column as the file's header names it; "" for the row as a whole */
  char  *reason;
} LiaisonImportProblem;

typedef struct _LiaisonImportProblems LiaisonImportProblems;

/* One problem on its own: a row's reasons are gathered before its line is
 * added to the list. */
LiaisonImportProblem  *liaison_import_problem_new         (guint       line,
                                                           const char *column,
                                                           const char *reason);
void                   liaison_import_problem_free        (LiaisonImportProblem *problem);

GType                  liaison_import_problems_get_type   (void) G_GNUC_CONST;
#define LIAISON_TYPE_IMPORT_PROBLEMS (liaison_import_problems_get_type ())

LiaisonImportProblems *liaison_import_problems_new        (void);
LiaisonImportProblems *liaison_import_problems_ref        (LiaisonImportProblems *problems);
void                   liaison_import_problems_unref      (LiaisonImportProblems *problems);
/* Forgets every problem: an import starts from an empty list. */
void                   liaison_import_problems_clear      (LiaisonImportProblems *problems);

/* Adds a problem; FALSE (and nothing added) when the same line, column and
 * reason are already there. @column may be NULL for the whole row. */
gboolean               liaison_import_problems_add        (LiaisonImportProblems *problems,
                                                           guint                  line,
                                                           const char            *column,
                                                           const char            *reason);
guint                  liaison_import_problems_get_n      (LiaisonImportProblems *problems);
const LiaisonImportProblem *
                       liaison_import_problems_get        (LiaisonImportProblems *problems,
                                                           guint                  i);
/* How many different lines have a problem. */
guint                  liaison_import_problems_get_n_lines (LiaisonImportProblems *problems);

/* A row's reasons, gathered before its line is added to the list: problems
 * whose line is not set yet. @column may be NULL or "" for the whole row. */
GPtrArray             *liaison_import_reasons_new         (void);
void                   liaison_import_reasons_add         (GPtrArray             *reasons,
                                                           const char            *column,
                                                           const char            *format,
                                                           ...) G_GNUC_PRINTF (3, 4);
void                   liaison_import_reasons_add_valist  (GPtrArray             *reasons,
                                                           const char            *column,
                                                           const char            *format,
                                                           va_list                args) G_GNUC_PRINTF (3, 0);
/* Adds each of a row's @reasons at @line. */
void                   liaison_import_problems_add_row    (LiaisonImportProblems *problems,
                                                           guint                  line,
                                                           GPtrArray             *reasons);

/* TRUE when there is no problem. Otherwise FALSE, and @error (in @domain,
 * with @code) says that nothing of @file was imported, how many rows are
 * bad, and lists the first 50 of them, "line 12: reason; reason" a line,
 * counting the rest: the one message of every CSV import's bad rows. A
 * row's problems must have been added together. */
gboolean               liaison_import_problems_check      (LiaisonImportProblems *problems,
                                                           GFile                 *file,
                                                           GQuark                 domain,
                                                           int                    code,
                                                           GError               **error);

/* "Line 3, 接待日期: reason": the whole problem in one sentence, for a
 * screen reader. */
char                  *liaison_import_problem_describe    (const LiaisonImportProblem *problem);

/* A header row (Line, Column, Problem, in the user's language) and one row
 * a problem, tab-separated with LF line ends: what a spreadsheet pastes
 * into three columns. Tabs and line breaks inside a cell become spaces. */
char                  *liaison_import_problems_to_text    (LiaisonImportProblems *problems);
/* The same rows as CSV that Excel and WPS open: UTF-8 with a BOM, CRLF. */
char                  *liaison_import_problems_to_csv     (LiaisonImportProblems *problems);
gboolean               liaison_import_problems_save_csv   (LiaisonImportProblems *problems,
                                                           GFile                 *file,
                                                           GError               **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LiaisonImportProblems, liaison_import_problems_unref)

G_END_DECLS
