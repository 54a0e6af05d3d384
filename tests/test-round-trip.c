/* test-round-trip.c: every value a user can store survives being opened
 * and saved unchanged, and a ledger export reads back as it was written.
 *
 * Each case fills every field with awkward values (liaison-test-awkward.h),
 * saves it, opens it the way the app does, saves it again untouched and
 * compares the database rows column by column (liaison-test-rows.h). The
 * editors, whose load and save live in widgets, are driven as real windows
 * in test-round-trip-ui.c.
 *
 * What an untouched save may change: nothing. The reception form writes
 * nothing when nothing changed (no new version, so nothing is sent to
 * headquarters again); what it would write if it did is checked too.
 */
#define G_LOG_DOMAIN "test-round-trip"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "liaison-ledger.h"
#include "liaison-loop-wire.h"
#include "liaison-reception-form.h"
#include "liaison-store-loop.h"
#include "liaison-test-awkward.h"
#include "liaison-test-rows.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

typedef LiaisonTestAwkward Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  liaison_test_awkward_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  liaison_test_awkward_close (fixture);
}

/* Runs `liaison import` on @csv, as a clerk would from a terminal. */
static void
run_liaison_import (const char *database,
                    const char *csv)
{
  const char *bin = g_getenv ("LIAISON_BIN");
  const char *argv[] = { bin, "import", "--database", database, csv, NULL };
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int wait_status = 0;

  g_assert_nonnull (bin);
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");
  env = g_environ_unsetenv (env, "G_DEBUG");
  env = g_environ_setenv (env, "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &wait_status, &error);
  g_assert_no_error (error);
  g_test_message ("liaison import: %s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (wait_status, NULL));
}

/* Issue 8: a ledger's 办理情况 on a row that was not handled on the spot
 * was dropped by the next edit. Import it with `liaison import`, open it
 * as the editor does, change the summary and save: nothing else moves. */
static void
test_edit_imported_reception (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autofree char *csv = liaison_test_data_path ("ledger-handling-gb18030.csv");
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(LiaisonReception) imported = NULL;
  g_autoptr(LiaisonReception) edited = NULL;
  g_auto(LiaisonTestReceptionRows) before = { NULL, };
  g_auto(LiaisonTestReceptionRows) after = { NULL, };
  g_autoptr(GError) error = NULL;
  const char * const may_change[] = { "summary", "version", "updated_at", NULL };
  gint64 id;

  /* The file is read by another process: let go of the database meanwhile. */
  g_clear_object (&fixture->store);
  run_liaison_import (fixture->path, csv);
  fixture->store = liaison_test_open_store (fixture->path);

  id = liaison_test_query_int (fixture->store, "SELECT id FROM receptions");
  liaison_test_reception_rows_read (&before, fixture->store, id);
  g_assert_cmpuint (before.visitors->len, ==, 2);
  g_assert_cmpuint (before.deputies->len, ==, 2);

  imported = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_false (imported->handled_on_spot);
  g_assert_cmpstr (imported->handling, ==, "已转物业和供水公司核实");

  /* As the editor's Edit does, then one change and Ctrl+S. */
  liaison_reception_form_load (form, imported);
  g_assert_cmpstr (liaison_reception_form_get_handling (form), ==, "已转物业和供水公司核实");
  liaison_reception_form_set_summary (form, "反映金色家园小区停水三天，物业与供水公司互相推诿。");
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);

  liaison_test_reception_rows_read (&after, fixture->store, id);
  liaison_test_reception_rows_assert (&before, &after, may_change);

  edited = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (edited->summary, ==, "反映金色家园小区停水三天，物业与供水公司互相推诿。");
  g_assert_cmpstr (edited->handling, ==, "已转物业和供水公司核实");
  g_assert_false (edited->handled_on_spot);
  g_assert_cmpint (edited->meta.version, ==, imported->meta.version + 1);
}

/* The reception form, as the editor uses it: loaded, then built and saved
 * untouched; and the form's own save, which writes nothing. */
static void
test_reception_form (Fixture       *fixture,
                     gconstpointer  data)
{
  const char * const meta[] = { "version", "updated_at", NULL };
  g_autoptr(LiaisonReceptionForm) form = liaison_reception_form_new ();
  g_autoptr(LiaisonReception) loaded = NULL;
  g_autoptr(LiaisonReception) built = NULL;
  g_autoptr(GPtrArray) field_errors = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(LiaisonTestReceptionRows) before = { NULL, };
  g_auto(LiaisonTestReceptionRows) forced = { NULL, };
  g_auto(LiaisonTestReceptionRows) after = { NULL, };
  gint64 id = liaison_test_awkward_reception (fixture);

  liaison_test_reception_rows_read (&before, fixture->store, id);
  g_assert_cmpuint (before.visitors->len, ==, 3);
  g_assert_cmpuint (before.deputies->len, ==, 2);
  g_assert_cmpuint (before.suggestions->len, ==, 2);

  loaded = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  liaison_reception_form_load (form, loaded);
  g_assert_false (liaison_reception_form_is_dirty (form));

  /* What the form makes of it, written as a dirty save would write it. */
  built = liaison_reception_form_build (form, NULL, &field_errors);
  g_assert_null (field_errors);
  g_assert_nonnull (built);
  g_assert_true (liaison_store_save_reception (fixture->store, built, &error));
  g_assert_no_error (error);
  liaison_test_reception_rows_read (&forced, fixture->store, id);
  liaison_test_reception_rows_assert (&before, &forced, meta);

  /* The form's own save of an untouched form writes nothing at all. */
  g_clear_pointer (&loaded, liaison_reception_free);
  loaded = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  liaison_reception_form_load (form, loaded);
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  liaison_test_reception_rows_read (&after, fixture->store, id);
  liaison_test_reception_rows_assert (&forced, &after, NULL);
}

/* A reception with the given visitors, for the ledger's cases. */
static void
save_reception (Fixture        *fixture,
                const char     *received_at,
                LiaisonChannel  channel,
                const char     *summary,
                gboolean        handled_on_spot,
                const char     *handling,
                LiaisonVisitor *first,
                ...)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  va_list args;

  reception->received_at = g_strdup (received_at);
  reception->channel = channel;
  reception->category_id = fixture->categories[0];
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  reception->summary = g_strdup (summary);
  reception->handled_on_spot = handled_on_spot;
  reception->handling = g_strdup (handling);
  va_start (args, first);
  for (LiaisonVisitor *visitor = first; visitor != NULL; visitor = va_arg (args, LiaisonVisitor *))
    g_ptr_array_add (reception->visitors, visitor);
  va_end (args);
  liaison_store_save_reception (fixture->store, reception, &error);
  g_assert_no_error (error);
}

/* What a ledger carries, with ids turned into what the file names. */
static const char ledger_receptions[] =
  "SELECT r.received_at, r.channel, c.code, r.summary, r.handled_on_spot, r.handling, r.visitors_text,"
  " r.place, r.occasion,"
  " (SELECT group_concat (name, '|') FROM (SELECT d.name FROM reception_deputies rd"
  "   JOIN deputies d ON d.id = rd.deputy_id WHERE rd.reception_id = r.id ORDER BY d.name))"
  " FROM receptions r JOIN categories c ON c.id = r.category_id ORDER BY r.received_at, r.id";
static const char ledger_visitors[] =
  "SELECT r.received_at, v.position, v.name, v.phone, v.community, v.party_size, v.consent"
  " FROM reception_visitors v JOIN receptions r ON r.id = v.reception_id"
  " ORDER BY r.received_at, r.id, v.position";

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  return text;
}

/* `liaison export` of a year, then import into a new database with the
 * same roster: every exported field comes back, and exporting that gives
 * the same file again. */
static void
test_ledger (Fixture       *fixture,
             gconstpointer  data)
{
  Fixture target = { NULL, };
  g_autofree char *first_path = NULL;
  g_autofree char *second_path = NULL;
  g_autofree char *first_text = NULL;
  g_autofree char *second_text = NULL;
  g_autoptr(GFile) first = NULL;
  g_autoptr(GFile) second = NULL;
  g_autoptr(GPtrArray) receptions_before = NULL;
  g_autoptr(GPtrArray) visitors_before = NULL;
  g_autoptr(GPtrArray) receptions_after = NULL;
  g_autoptr(GPtrArray) visitors_after = NULL;
  g_autoptr(GError) error = NULL;
  guint n = 0;

  liaison_test_awkward_reception (fixture);
  /* The first minute of the range; an anonymous visitor alone; a summary
   * Excel would take for a formula; handled on the spot. */
  save_reception (fixture, "2024-01-01 00:00", LIAISON_CHANNEL_PHONE, "=1+2，-3 反映“噪音”", TRUE,
                  "代表当场解答。\n已告知投诉渠道", liaison_test_awkward_visitor (NULL, NULL, "东山社区", 1, FALSE), NULL);
  /* Two visitors as the ledger's one value says them: the first brought
   * one more person, the second came alone from the same community. */
  save_reception (fixture, "2024-06-30 12:00", LIAISON_CHANNEL_WALK_IN, "反映停车难", FALSE, NULL,
                  liaison_test_awkward_visitor ("张桂兰", "13812345678", "金海社区", 2, TRUE),
                  liaison_test_awkward_visitor ("李明", NULL, "金海社区", 1, FALSE), NULL);
  /* Two visitors who differ in everything, on the last minute. */
  save_reception (fixture, "2024-12-31 23:59", LIAISON_CHANNEL_ONLINE, "反映\n路面破损", FALSE,
                  "已转区城管局", liaison_test_awkward_visitor ("", "010-62345678", "西园村", 1, TRUE),
                  liaison_test_awkward_visitor ("王\"小\"明, Jr.", "0561-3012345", "东山社区", 4, TRUE), NULL);

  first_path = g_build_filename (fixture->dir, "ledger.csv", NULL);
  first = g_file_new_for_path (first_path);
  /* With full contacts: every phone here is a consenting visitor's. */
  g_assert_true (liaison_ledger_export_receptions_as (fixture->store, "2024-01-01", "2024-12-31", first,
                                                      LIAISON_LEDGER_FORMAT_CSV, "往返测试", &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  liaison_test_awkward_open (&target);
  liaison_ledger_import_receptions (target.store, first, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  receptions_before = liaison_test_rows_read (fixture->store, ledger_receptions);
  visitors_before = liaison_test_rows_read (fixture->store, ledger_visitors);
  receptions_after = liaison_test_rows_read (target.store, ledger_receptions);
  visitors_after = liaison_test_rows_read (target.store, ledger_visitors);
  liaison_test_rows_assert_same (receptions_before, receptions_after);
  liaison_test_rows_assert_same (visitors_before, visitors_after);

  second_path = g_build_filename (fixture->dir, "again.csv", NULL);
  second = g_file_new_for_path (second_path);
  g_assert_true (liaison_ledger_export_receptions_as (target.store, "2024-01-01", "2024-12-31", second,
                                                      LIAISON_LEDGER_FORMAT_CSV, "往返测试", &n, &error));
  g_assert_no_error (error);
  first_text = read_text (first_path);
  second_text = read_text (second_path);
  g_assert_cmpstr (first_text, ==, second_text);

  liaison_test_awkward_close (&target);
}

/* The moves of the loop: what the move dialogs gather is an event, which
 * the store keeps and the wire carries to the other replicas. */

static void
assert_same_strv (GStrv a,
                  GStrv b)
{
  guint n = a != NULL ? g_strv_length (a) : 0;

  g_assert_cmpuint (n, ==, b != NULL ? g_strv_length (b) : 0);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (a[i], ==, b[i]);
}

static void
assert_same_date (const GDate *a,
                  const GDate *b)
{
  g_assert_cmpint (g_date_valid (a), ==, g_date_valid (b));
  if (g_date_valid (a))
    g_assert_cmpint (g_date_compare (a, b), ==, 0);
}

/* Every field of two moves. */
static void
assert_same_event (const LiaisonLoopEvent *a,
                   const LiaisonLoopEvent *b)
{
  g_autofree char *at_a = liaison_loop_format_at (a->at);
  g_autofree char *at_b = liaison_loop_format_at (b->at);

  g_assert_cmpstr (a->uuid, ==, b->uuid);
  g_assert_cmpstr (a->suggestion_uuid, ==, b->suggestion_uuid);
  g_assert_cmpint (a->move, ==, b->move);
  g_assert_cmpint (a->role, ==, b->role);
  g_assert_cmpstr (a->actor_name, ==, b->actor_name);
  g_assert_cmpstr (at_a, ==, at_b);
  g_assert_cmpstr (a->note, ==, b->note);
  g_assert_cmpint (a->kind, ==, b->kind);
  assert_same_strv (a->co_signers, b->co_signers);
  g_assert_cmpstr (a->deputy_uuid, ==, b->deputy_uuid);
  g_assert_cmpstr (a->answer, ==, b->answer);
  g_assert_cmpstr (a->lead_unit_uuid, ==, b->lead_unit_uuid);
  assert_same_strv (a->co_unit_uuids, b->co_unit_uuids);
  assert_same_date (&a->due_date, &b->due_date);
  g_assert_cmpstr (a->reply_text, ==, b->reply_text);
  assert_same_date (&a->reply_date, &b->reply_date);
  g_assert_cmpstr (a->replying_unit_uuid, ==, b->replying_unit_uuid);
  assert_same_strv (a->attachments, b->attachments);
  assert_same_strv (a->attachment_names, b->attachment_names);
  g_assert_cmpint (a->rating, ==, b->rating);
  g_assert_cmpint (a->asked, ==, b->asked);
  g_assert_cmpstr (a->rated_by, ==, b->rated_by);
  g_assert_cmpstr (a->reason, ==, b->reason);
  g_assert_cmpint (a->key_supervision, ==, b->key_supervision);
}

/* Take-up, referral, supervision, reply and rating, each with its fields
 * filled awkwardly, as the move dialogs gather them: the timeline the
 * store reads back, and each move through the wire, hold every value. */
static void
test_loop_moves (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) made = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_loop_event_free);
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_reply = liaison_test_repeat ("已更换“路灯”,\n\"复查\"。", 4000 / 13);
  gint64 reception_id = liaison_test_awkward_reception (fixture);
  gint64 suggestion_id;
  LiaisonLoopEvent *event;

  reception = liaison_store_get_reception (fixture->store, reception_id, &error);
  g_assert_no_error (error);
  suggestion_id = ((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id;
  liaison_test_add_unit (fixture->store, LIAISON_AWKWARD_LEAD_UNIT, "市城市管理局（市政“设施”处）", "department");
  liaison_test_add_unit (fixture->store, LIAISON_AWKWARD_CO_UNIT, "相山区人民政府,东山街道办事处", "government");

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, LIAISON_AWKWARD_DEPUTY_1, "2024-03-01T01:00:00Z");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture->store, LIAISON_AWKWARD_DEPUTY_1);
  event->note = g_strdup ("领办，\n与“物业”沟通,\"下周\"回复");
  g_ptr_array_add (made, event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-04T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LIAISON_AWKWARD_LEAD_UNIT);
  event->co_unit_uuids = g_strsplit (LIAISON_AWKWARD_CO_UNIT, ",", -1);
  g_date_clear (&event->due_date, 1);
  g_date_set_dmy (&event->due_date, 29, G_DATE_FEBRUARY, 2028);
  g_ptr_array_add (made, event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-05T02:00:00Z");
  event->key_supervision = TRUE;
  event->note = g_strdup ("群众反映强烈,列为“重点督办”");
  g_ptr_array_add (made, event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-20T02:00:00Z");
  event->reply_text = g_strdup (long_reply);
  g_date_clear (&event->reply_date, 1);
  g_date_set_dmy (&event->reply_date, 20, G_DATE_MARCH, 2024);
  event->replying_unit_uuid = g_strdup (LIAISON_AWKWARD_LEAD_UNIT);
  g_ptr_array_add (made, event);

  event = liaison_test_awkward_move (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "欧阳·娜娜", "2024-03-21T02:00:00Z");
  event->rating = LIAISON_LOOP_RATING_BASICALLY_SATISFIED;
  event->asked = LIAISON_LOOP_ASKED_PHONE;
  event->rated_by = g_strdup ("站点“值班”员,小王");
  g_ptr_array_add (made, event);

  for (guint i = 0; i < made->len; i++)
    liaison_test_record_event (fixture->store, suggestion_id, g_ptr_array_index (made, i));

  timeline = liaison_store_list_suggestion_events (fixture->store, suggestion_id, &error);
  g_assert_no_error (error);
  /* The register move, which saving the suggestion made, comes first. */
  g_assert_cmpuint (timeline->len, ==, made->len + 1);
  for (guint i = 0; i < made->len; i++)
    {
      const LiaisonLoopEvent *stored = g_ptr_array_index (timeline, i + 1);
      g_autoptr(JsonObject) wire = liaison_loop_event_to_json (stored);
      g_autoptr(LiaisonLoopEvent) carried = liaison_loop_event_from_json (stored->uuid, wire, &error);

      assert_same_event (g_ptr_array_index (made, i), stored);
      g_assert_no_error (error);
      /* The wire does not carry what its record says around it. */
      carried->suggestion_uuid = g_strdup (stored->suggestion_uuid);
      assert_same_event (stored, carried);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/round-trip/edit-imported-reception", Fixture, NULL,
              fixture_set_up, test_edit_imported_reception, fixture_tear_down);
  g_test_add ("/round-trip/reception-form", Fixture, NULL,
              fixture_set_up, test_reception_form, fixture_tear_down);
  g_test_add ("/round-trip/ledger", Fixture, NULL,
              fixture_set_up, test_ledger, fixture_tear_down);
  g_test_add ("/round-trip/loop-moves", Fixture, NULL,
              fixture_set_up, test_loop_moves, fixture_tear_down);

  return g_test_run ();
}
