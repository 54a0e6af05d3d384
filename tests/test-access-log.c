/* test-access-log.c: the access log in the store (liaison-store-access-log.h,
 * docs/privacy.md, "The access log"): an entry kept with who, when, which
 * desk, what and why, filled in from the desk when the caller leaves them
 * out, pending push; a blank or missing reason refused with nothing
 * written; an entry never changed or deleted whatever SQL tries, while its
 * sync bookkeeping moves; the list newest first, by local days (China
 * Standard Time) and by kind. */
#define G_LOG_DOMAIN "test-access-log"

#include "config.h"

#include <string.h>

#include "liaison-store-access-log.h"
#include "liaison-store-desk.h"
#include "liaison-store-private.h"
#include "liaison-store-sync.h"
#include "liaison-test-util.h"

typedef struct {
  char         *dir;
  LiaisonStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  f->dir = liaison_test_make_tmp_dir ("liaison-access-log-XXXXXX");
  path = g_build_filename (f->dir, "station.db", NULL);
  f->store = liaison_test_open_store_with_station (path, "相山区东山街道代表联络站");
  g_assert_true (liaison_store_set_desk_actor (f->store, "station", "刘芳", NULL, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->store);
  liaison_test_remove_tree (f->dir);
  g_free (f->dir);
}

static void
log_entry (LiaisonStore      *store,
           LiaisonAccessKind  kind,
           const char        *at,
           const char        *what)
{
  LiaisonAccessEntry entry = { .kind = kind, .at = (char *) at, .what = (char *) what,
                               .n_contacts = 3, .reason = (char *) "核实回访" };
  g_autoptr(GError) error = NULL;

  g_assert_true (liaison_store_log_access (store, &entry, &error));
  g_assert_no_error (error);
}

static char *
entry_text (LiaisonAccessEntry *entry)
{
  return g_strdup_printf ("%s|%s|%s|%s|%s|%s|%u|%s", liaison_access_kind_to_code (entry->kind), entry->at,
                          entry->role, entry->actor_name, entry->desk_uuid, entry->what, entry->n_contacts,
                          entry->reason);
}

/* Kept as given, the rest from the desk, pending push; read back alike. */
static void
test_insert (Fixture       *f,
             gconstpointer  data)
{
  LiaisonAccessEntry entry = { .kind = LIAISON_ACCESS_EXPORT_CONTACTS, .what = (char *) "2025-03-01..2025-03-31",
                               .n_contacts = 12, .reason = (char *) "  街道核对回访名单\n" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(LiaisonAccessEntry) again = NULL;
  g_autofree char *station = liaison_test_local_station_uuid (f->store);
  g_autofree char *now = liaison_store_now_utc ();
  LiaisonAccessEntry *read;
  LiaisonAccessKind kind;

  g_assert_true (liaison_store_log_access (f->store, &entry, &error));
  g_assert_no_error (error);
  entries = liaison_store_list_access_log (f->store, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  read = g_ptr_array_index (entries, 0);
  g_assert_true (g_uuid_string_is_valid (read->uuid));
  g_assert_cmpint (read->kind, ==, LIAISON_ACCESS_EXPORT_CONTACTS);
  g_assert_cmpint (strncmp (read->at, now, 10), ==, 0);
  g_assert_cmpuint (strlen (read->at), ==, 20);
  g_assert_cmpstr (read->role, ==, "station");
  g_assert_cmpstr (read->actor_name, ==, "刘芳");
  g_assert_cmpstr (read->desk_uuid, ==, station);
  g_assert_cmpstr (read->what, ==, "2025-03-01..2025-03-31");
  g_assert_cmpuint (read->n_contacts, ==, 12);
  g_assert_cmpstr (read->reason, ==, "街道核对回访名单");
  g_assert_cmpint (liaison_test_query_int (f->store, "SELECT sync_state FROM access_log"), ==,
                   LIAISON_SYNC_STATE_PENDING);

  again = liaison_store_get_access_entry (f->store, read->uuid, &error);
  g_assert_no_error (error);
  {
    g_autofree char *a = entry_text (read);
    g_autofree char *b = entry_text (again);

    g_assert_cmpstr (a, ==, b);
  }
  g_assert_null (liaison_store_get_access_entry (f->store, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_NOT_FOUND);

  for (guint i = 0; i < LIAISON_N_ACCESS_KINDS; i++)
    {
      g_assert_true (liaison_access_kind_from_code (liaison_access_kind_to_code (i), &kind));
      g_assert_cmpint (kind, ==, i);
      g_assert_nonnull (liaison_access_kind_label (i));
    }
  g_assert_false (liaison_access_kind_from_code ("look", &kind));
}

/* A blank reason, none, or one too long: refused, nothing written. */
static void
test_reason_required (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *long_reason = NULL;
  const char *reasons[] = { NULL, "", "   ", " \t\n　" };

  for (guint i = 0; i < G_N_ELEMENTS (reasons) + 1; i++)
    {
      LiaisonAccessEntry entry = { .kind = LIAISON_ACCESS_PRINT_CONTACTS, .what = (char *) "x", .n_contacts = 1 };
      g_autoptr(GError) error = NULL;
      GString *text;

      if (i < G_N_ELEMENTS (reasons))
        entry.reason = (char *) reasons[i];
      else
        {
          text = g_string_new (NULL);
          for (guint n = 0; n <= LIAISON_ACCESS_MAX_REASON_CHARS; n++)
            g_string_append (text, "查");
          long_reason = g_string_free (text, FALSE);
          entry.reason = long_reason;
        }
      g_assert_false (liaison_store_log_access (f->store, &entry, &error));
      g_assert_error (error, LIAISON_STORE_ERROR, LIAISON_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
    }
  g_assert_cmpint (liaison_test_count_rows (f->store, "access_log"), ==, 0);
  g_assert_null (liaison_store_get_setting (f->store, "access_desk_uuid"));
}

/* Whatever SQL tries, an entry stays byte for byte; its bookkeeping moves. */
static void
test_never_changed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autofree char *before_text = NULL;
  g_autofree char *after_text = NULL;
  const char *refused[] = {
    "UPDATE access_log SET reason = '随便看看'",
    "UPDATE access_log SET n_contacts = 0",
    "UPDATE access_log SET actor_name = '别人'",
    "UPDATE access_log SET at = '2020-01-01T00:00:00Z'",
    "UPDATE access_log SET kind = 'purge'",
    "UPDATE access_log SET what = ''",
    "UPDATE access_log SET desk_uuid = 'x'",
    "UPDATE access_log SET role = 'hq'",
    "UPDATE access_log SET uuid = 'x'",
    "UPDATE access_log SET deleted = 1",
    "DELETE FROM access_log",
  };

  log_entry (f->store, LIAISON_ACCESS_EXPORT_CONTACTS, NULL, "2025-03-01..2025-03-31");
  before = liaison_store_list_access_log (f->store, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  before_text = entry_text (g_ptr_array_index (before, 0));
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) sql_error = NULL;

      g_assert_false (liaison_store_exec (f->store, refused[i], &sql_error));
      g_test_message ("%s: %s", refused[i], sql_error->message);
      g_assert_nonnull (strstr (sql_error->message, "an access log entry is never"));
    }
  g_assert_true (liaison_store_exec (f->store, "UPDATE access_log SET sync_state = 0, server_version = 1,"
                                               " sync_error = NULL", &error));
  g_assert_no_error (error);
  after = liaison_store_list_access_log (f->store, NULL, NULL, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, 1);
  after_text = entry_text (g_ptr_array_index (after, 0));
  g_assert_cmpstr (after_text, ==, before_text);
}

/* Newest first; by local day, its edges included; by kind. */
static void
test_list_filters (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GDate from, to;
  struct {
    int         kind;
    gboolean    dated;
    const char *expected;
  } cases[] = {
    { -1, FALSE, "april,march-end,march-2-print,march-2,march-1" },
    { -1, TRUE, "march-end,march-2-print,march-2" },
    { LIAISON_ACCESS_PRINT_CONTACTS, TRUE, "march-2-print" },
    { LIAISON_ACCESS_EXPORT_CONTACTS, FALSE, "april,march-end,march-2,march-1" },
    { LIAISON_ACCESS_PURGE, FALSE, "" },
  };

  /* 1 March 23:59:59 in Beijing; 2 March 00:00; 31 March 23:59:59; 1 April 00:00. */
  log_entry (f->store, LIAISON_ACCESS_EXPORT_CONTACTS, "2025-03-01T15:59:59Z", "march-1");
  log_entry (f->store, LIAISON_ACCESS_EXPORT_CONTACTS, "2025-03-01T16:00:00Z", "march-2");
  log_entry (f->store, LIAISON_ACCESS_PRINT_CONTACTS, "2025-03-02T01:00:00Z", "march-2-print");
  log_entry (f->store, LIAISON_ACCESS_EXPORT_CONTACTS, "2025-03-31T15:59:59Z", "march-end");
  log_entry (f->store, LIAISON_ACCESS_EXPORT_CONTACTS, "2025-03-31T16:00:00Z", "april");
  g_date_clear (&from, 1);
  g_date_clear (&to, 1);
  g_date_set_dmy (&from, 2, G_DATE_MARCH, 2025);
  g_date_set_dmy (&to, 31, G_DATE_MARCH, 2025);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) entries = liaison_store_list_access_log (f->store, cases[i].dated ? &from : NULL,
                                                                    cases[i].dated ? &to : NULL,
                                                                    cases[i].kind, &error);
      g_autoptr(GString) got = g_string_new (NULL);

      g_assert_no_error (error);
      for (guint n = 0; n < entries->len; n++)
        g_string_append_printf (got, "%s%s", n > 0 ? "," : "",
                                ((LiaisonAccessEntry *) g_ptr_array_index (entries, n))->what);
      g_assert_cmpstr (got->str, ==, cases[i].expected);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Asia/Shanghai", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/access-log/insert", Fixture, NULL, fixture_set_up, test_insert, fixture_tear_down);
  g_test_add ("/access-log/reason-required", Fixture, NULL, fixture_set_up, test_reason_required, fixture_tear_down);
  g_test_add ("/access-log/never-changed", Fixture, NULL, fixture_set_up, test_never_changed, fixture_tear_down);
  g_test_add ("/access-log/list-filters", Fixture, NULL, fixture_set_up, test_list_filters, fixture_tear_down);
  return g_test_run ();
}
