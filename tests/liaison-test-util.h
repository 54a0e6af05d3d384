/* liaison-test-util.h: temporary folders, test data and store fixtures
 * shared by the tests. Every helper asserts on failure. */
#pragma once

#include <gio/gio.h>
#include <glib.h>

#include "liaison-calendar.h"
#include "liaison-loop.h"
#include "liaison-store.h"

G_BEGIN_DECLS

/* Row counts of a reception and the rows that hang off it. */
typedef struct {
  gint64 receptions;
  gint64 visitors;
  gint64 deputies;
  gint64 suggestions;
} LiaisonTestCounts;

char              *liaison_test_make_tmp_dir      (const char         *tmpl);
void               liaison_test_remove_tree       (const char         *path);
char              *liaison_test_private_keys      (const char         *tmpl);
void               liaison_test_clear_store_dir   (LiaisonStore      **store,
                                                   char              **dir);
char              *liaison_test_data_path         (const char         *name);
char              *liaison_test_last_line         (const char         *text);
/* The names in @dir, sorted, space-separated: to see that a command left
 * nothing behind, not even a temporary file. */
char              *liaison_test_list_dir          (const char         *dir);
/* strcmp() for g_ptr_array_sort() of strings. */
int                liaison_test_compare_strings   (gconstpointer       a,
                                                   gconstpointer       b);
GString           *liaison_test_append_repeat     (GString            *out,
                                                   const char         *text,
                                                   guint               n);
char              *liaison_test_database_checksum (const char         *path);
GDate              liaison_test_date              (int                 year,
                                                   int                 month,
                                                   int                 day);
void               liaison_test_local_day         (GDateTime          *at,
                                                   GDate              *day);
/* 2025's public holidays and make-up workdays (国办发明电〔2024〕12号). */
LiaisonCalendar   *liaison_test_calendar_2025     (void);
gboolean           liaison_test_database_holds    (const char         *path,
                                                   const char         *needle);

LiaisonStore      *liaison_test_open_store        (const char         *path);
void               liaison_test_set_station       (LiaisonStore       *store,
                                                   const char         *name,
                                                   LiaisonStationKind  kind,
                                                   const char         *district);
LiaisonStore      *liaison_test_open_store_with_station (const char *path,
                                                         const char *station_name);
char              *liaison_test_deputy_uuid       (LiaisonStore       *store,
                                                   const char         *name);
char              *liaison_test_local_station_uuid (LiaisonStore      *store);
gint64             liaison_test_add_deputy        (LiaisonStore       *store,
                                                   const char         *name,
                                                   LiaisonDeputyLevel  level);

gint64             liaison_test_query_int         (LiaisonStore       *store,
                                                   const char         *sql);
char              *liaison_test_query_text        (LiaisonStore       *store,
                                                   const char         *sql);
gint64             liaison_test_count_rows        (LiaisonStore       *store,
                                                   const char         *table);
LiaisonTestCounts  liaison_test_count_receptions  (LiaisonStore       *store);
void               liaison_test_assert_counts     (LiaisonTestCounts   actual,
                                                   LiaisonTestCounts   expected);

/* Headquarters' handling unit, as a pull would leave it. */
void               liaison_test_add_unit          (LiaisonStore       *store,
                                                   const char         *uuid,
                                                   const char         *name,
                                                   const char         *kind);
/* This replica becomes a headquarters desktop's (its station stays). */
void               liaison_test_enroll_as_hq      (LiaisonStore       *store);

LiaisonLoopEvent  *liaison_test_event_new         (LiaisonLoopMove     move,
                                                   LiaisonLoopRole     role,
                                                   const char         *actor,
                                                   GDateTime          *at);
/* The PIN every test deputy is given (liaison_test_act_as_deputy()). */
#define LIAISON_TEST_PIN "246813"
void               liaison_test_act_as_deputy     (LiaisonStore       *store,
                                                   const char         *deputy_uuid);
void               liaison_test_act_as_deputy_id  (LiaisonStore       *store,
                                                   gint64              deputy_id);
gboolean           liaison_test_try_record_event  (LiaisonStore       *store,
                                                   gint64              suggestion_id,
                                                   LiaisonLoopEvent   *event,
                                                   GError            **error);
void               liaison_test_record_event      (LiaisonStore       *store,
                                                   gint64              suggestion_id,
                                                   LiaisonLoopEvent   *event);
void               liaison_test_add_event         (LiaisonStore       *store,
                                                   gint64              suggestion_id,
                                                   LiaisonLoopEvent   *event);
LiaisonSuggestion *liaison_test_get_suggestion    (LiaisonStore       *store,
                                                   gint64              id);
gint64             liaison_test_suggestion_id     (LiaisonStore       *store,
                                                   const char         *uuid);
char              *liaison_test_unit_uuid         (LiaisonStore       *store,
                                                   const char         *name);

/* Back to schema 8, before the duty record, to fake an older file. */
void               liaison_test_undo_station_address_schema (LiaisonStore *store);
void               liaison_test_undo_place_schema (LiaisonStore *store);
void               liaison_test_undo_deputy_pins_schema (LiaisonStore *store);
void               liaison_test_undo_access_log_schema (LiaisonStore *store);
void               liaison_test_undo_dashboard_schema (LiaisonStore *store);
void               liaison_test_undo_points_rules_schema (LiaisonStore *store);
void               liaison_test_undo_duty_schema  (LiaisonStore     *store);
/* Back to schema 6's search indexes, to fake an older file. */
void               liaison_test_undo_search_schema (LiaisonStore     *store);

/* A visitor of a party of one, who may be contacted when @phone is given. */
LiaisonVisitor *liaison_test_make_visitor (const char *name,
                                           const char *phone,
                                           const char *community);
/* @n walk-in receptions with the roster's 张伟; the last one's id. */
gint64          liaison_test_add_receptions (LiaisonStore *store,
                                             guint         n,
                                             const char   *prefix);

/* A launcher whose children die with the test: a failed assertion aborts
 * the test without teardown, and a server it started must not outlive it. */
GSubprocessLauncher *liaison_test_launcher_new (GSubprocessFlags flags);

G_END_DECLS
