/* test-follow-up-export.c: `liaison export --list NAME` of a Follow-up
 * list, run as the real program on a demo city at headquarters (made by
 * `liaison demo --hq`), read back with a real reader (openpyxl, from
 * /usr/bin/python3): one sheet named for the list, its header bold and
 * frozen, the columns, every row equal to the store's list
 * (liaison_store_list_loop(), read here) in its order, the registration
 * time and due date datetimes, the days overdue a number, every phone
 * masked; the CSV with its BOM holds the same; bad input (an unknown list,
 * --list with dates, a .txt file) writes nothing. */
#define G_LOG_DOMAIN "test-follow-up-export"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-privacy.h"
#include "liaison-records.h"
#include "liaison-store-loop.h"
#include "liaison-store.h"
#include "liaison-test-cli.h"
#include "liaison-test-util.h"

typedef struct {
  char *dir;
  char *database;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(LiaisonTestCliResult) result = { 0 };

  fixture->dir = liaison_test_make_tmp_dir ("liaison-follow-up-export-XXXXXX");
  fixture->database = g_build_filename (fixture->dir, "hq.db", NULL);
  liaison_test_run_liaison (&result, "demo", "--hq", "--database", fixture->database,
                            "--receptions", "300", NULL);
  g_assert_cmpint (result.status, ==, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  LiaisonStore *none = NULL;

  g_free (fixture->database);
  liaison_test_clear_store_dir (&none, &fixture->dir);
}

/* The workbook as openpyxl reads it: "sheet NAME frozen CELL bold BOOL",
 * the header, then each row, its cells as text (a datetime as YYYY-MM-DD
 * HH:MM, a date as YYYY-MM-DD, a number as its digits, none as "") joined
 * by tabs, then the types of its columns 1, 9 and 10. */
static const char reader[] =
  "import datetime, sys, openpyxl\n"
  "sys.stdout.reconfigure(encoding='utf-8')\n"
  "book = openpyxl.load_workbook(sys.argv[1])\n"
  "sheet = book.active\n"
  "print('sheet', '|'.join(book.sheetnames), 'frozen', sheet.freeze_panes, 'bold', all(c.font.b for c in sheet[1]))\n"
  "def text(v):\n"
  "    if v is None: return ''\n"
  "    if isinstance(v, datetime.datetime):\n"
  "        return v.strftime('%Y-%m-%d %H:%M') if (v.hour, v.minute) != (0, 0) else v.strftime('%Y-%m-%d')\n"
  "    if isinstance(v, (int, float)): return '%g' % v\n"
  "    return v.replace('\\t', ' ').replace('\\n', ' ')\n"
  "for i, row in enumerate(sheet.iter_rows(values_only=True)):\n"
  "    types = '' if i == 0 else ' ' + ','.join(type(row[c]).__name__ for c in (0, 8, 9))\n"
  "    print('\\t'.join(text(v) for v in row) + types)\n";

static GStrv
read_back (const char *xlsx)
{
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "/usr/bin/python3", "-c", reader, xlsx, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int wait_status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &wait_status, &error));
  g_assert_no_error (error);
  g_test_message ("openpyxl: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
  g_strchomp (out);
  return g_strsplit (out, "\n", -1);
}

/* "张三 13812345678" → "张三 138****5678", as the export must write it. */
static char *
masked_contact (const char *contact)
{
  const char *space;

  if (contact == NULL || *contact == '\0')
    return g_strdup ("");
  space = strrchr (contact, ' ');
  if (space == NULL)
    return strpbrk (contact, "0123456789") != NULL ? liaison_privacy_mask_phone (contact) : g_strdup (contact);
  {
    g_autofree char *name = g_strndup (contact, space - contact + 1);
    g_autofree char *phone = liaison_privacy_mask_phone (space + 1);

    return g_strconcat (name, phone, NULL);
  }
}

/* The store's @list as the rows the workbook must hold: registered,
 * title, station, …, as read_back() prints them, with the types. */
static GPtrArray *
expected_rows (const char      *database,
               LiaisonLoopList  list)
{
  g_autoptr(LiaisonStore) store = liaison_test_open_store (database);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) suggestions = liaison_store_list_loop (store, list, 0, NULL, 0, &error);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);
  GDate today;

  g_assert_no_error (error);
  liaison_date_set_today (&today);
  for (guint i = 0; i < suggestions->len; i++)
    {
      LiaisonSuggestion *s = g_ptr_array_index (suggestions, i);
      g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (s->created_at, NULL);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);
      g_autofree char *registered = g_date_time_format (local, "%Y-%m-%d %H:%M");
      g_autofree char *due = g_date_valid (&s->due_date) ? liaison_date_to_iso (&s->due_date) : g_strdup ("");
      int late = g_date_valid (&s->due_date) ? g_date_days_between (&s->due_date, &today) : 0;
      g_autofree char *days = late > 0 ? g_strdup_printf ("%d", late) : g_strdup ("");
      g_autofree char *contact = masked_contact (s->contact);

      g_ptr_array_add (rows, g_strdup_printf ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s %s",
                                              registered, s->title, s->station_name, s->category_name,
                                              due, days, s->key_supervision ? "Yes" : "", contact,
                                              late > 0 ? "datetime,datetime,int"
                                              : *due != '\0' ? "datetime,datetime,NoneType"
                                              : "datetime,NoneType,NoneType"));
    }
  return rows;
}

/* A row as read_back() printed it, without the columns the expected rows
 * leave out (status, taken up by, filed by, lead unit). */
static char *
compared_columns (const char *line)
{
  g_auto(GStrv) cells = g_strsplit (line, "\t", -1);

  g_assert_cmpuint (g_strv_length (cells), ==, 12);
  return g_strjoin ("\t", cells[0], cells[1], cells[2], cells[3], cells[8], cells[9], cells[10], cells[11], NULL);
}

static void
check_list (Fixture         *fixture,
            const char      *name,
            LiaisonLoopList  list,
            const char      *sheet)
{
  g_autofree char *file = g_strconcat (name, ".xlsx", NULL);
  g_autofree char *xlsx = g_build_filename (fixture->dir, file, NULL);
  g_auto(LiaisonTestCliResult) result = { 0 };
  g_autoptr(GPtrArray) expected = expected_rows (fixture->database, list);
  g_auto(GStrv) lines = NULL;
  g_autofree char *first = NULL;
  guint masked = 0;

  liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--list", name, xlsx, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "Exported"));
  lines = read_back (xlsx);
  first = g_strdup_printf ("sheet %s frozen A2 bold True", sheet);
  g_assert_cmpstr (lines[0], ==, first);
  g_assert_cmpstr (lines[1], ==, "Registered\tTitle\tStation\tCategory\tStatus\tTaken up by\tFiled by\t"
                                 "Lead unit\tDue date\tDays overdue\tKey supervision\tContact");
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 2);
  g_assert_cmpuint (expected->len, >, 0);
  for (guint i = 0; i < expected->len; i++)
    {
      g_autofree char *got = compared_columns (lines[i + 2]);

      g_assert_cmpstr (got, ==, g_ptr_array_index (expected, i));
      masked += strstr (got, "****") != NULL;
      /* No phone is written whole. */
      g_assert_false (g_regex_match_simple ("[0-9]{11}", lines[i + 2], 0, 0));
    }
  g_test_message ("%s: %u rows, %u contacts masked", name, expected->len, masked);
}

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  check_list (fixture, "overdue", LIAISON_LOOP_LIST_OVERDUE, "Overdue");
}

/* The list with the visitors' contacts. */
static void
test_tell_citizen (Fixture       *fixture,
                   gconstpointer  data)
{
  check_list (fixture, "tell-citizen", LIAISON_LOOP_LIST_TELL_CITIZEN, "Tell the Citizen");
}

/* The same list as CSV: UTF-8 with a BOM, CRLF, the workbook's cells. */
static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "逾期.csv", NULL);
  g_auto(LiaisonTestCliResult) result = { 0 };
  g_autoptr(GPtrArray) expected = expected_rows (fixture->database, LIAISON_LOOP_LIST_OVERDUE);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  liaison_test_run_liaison_in (&result, "zh_CN", "export", "--database", fixture->database, "--list", "overdue",
                               csv, NULL);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "\xEF\xBB\xBF登记时间,标题,联络站,类别,状态,领办代表,提出代表,主办单位,办理期限,逾期天数,重点督办,联系人\r\n"));
  lines = g_strsplit (contents, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, expected->len + 2);  /* and "" after the last CRLF */
  g_assert_false (g_regex_match_simple ("[0-9]{11}", contents, 0, 0));
}

/* @result failed saying @expected, and nothing but the database is in the
 * folder. */
static void
assert_refused (Fixture              *fixture,
                LiaisonTestCliResult *result,
                const char           *expected)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_test_message ("%s", result->err);
  g_assert_cmpint (result->status, !=, 0);
  g_assert_nonnull (strstr (result->err, expected));
  while ((name = g_dir_read_name (dir)) != NULL)
    n += g_str_has_prefix (name, "hq.db") ? 0 : 1;
  g_assert_cmpuint (n, ==, 0);
}

static void
test_bad_input (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *xlsx = g_build_filename (fixture->dir, "out.xlsx", NULL);
  g_autofree char *txt = g_build_filename (fixture->dir, "out.txt", NULL);
  g_auto(LiaisonTestCliResult) result = { 0 };

  liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--list", "late", xlsx, NULL);
  assert_refused (fixture, &result, "“late” is not a list of the Follow-up page");
  liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--list", "overdue",
                            "--from", "2025-01-01", xlsx, NULL);
  assert_refused (fixture, &result, "give --list without --from and --to");
  liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--list", "overdue", txt, NULL);
  assert_refused (fixture, &result, "is not an .xlsx or .csv file");
  liaison_test_run_liaison (&result, "export", "--database", fixture->database, "--list", "overdue",
                            "--format", "csv", xlsx, NULL);
  assert_refused (fixture, &result, "does not end in .csv");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/follow-up-export/overdue", Fixture, NULL, fixture_set_up, test_overdue, fixture_tear_down);
  g_test_add ("/follow-up-export/tell-citizen", Fixture, NULL, fixture_set_up, test_tell_citizen, fixture_tear_down);
  g_test_add ("/follow-up-export/csv", Fixture, NULL, fixture_set_up, test_csv, fixture_tear_down);
  g_test_add ("/follow-up-export/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);

  return g_test_run ();
}
