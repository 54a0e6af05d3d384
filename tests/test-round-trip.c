/* test-round-trip.c: every value a user can store survives being opened
 * and saved unchanged, and a ledger export reads back as it was written.
 *
 * Each case fills every field with awkward values (Chinese, text at its
 * longest, newlines, commas and quotes, phones with leading zeros, empty
 * optional fields, boundary dates), saves it, opens it the way the app
 * does, saves it again untouched and compares the database rows column by
 * column. The editors whose load and save live only in widgets are driven
 * as real windows under Xvfb, each case in its own child process.
 *
 * What an untouched save may change: nothing. The reception form and the
 * reception editor write nothing when nothing changed (no new version, so
 * nothing is sent to headquarters again). The deputy editor writes every
 * time: its rows keep every value and only version, updated_at and the
 * sync state move.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "liaison-actor.h"
#include "liaison-deputy-editor.h"
#include "liaison-deputy-picker.h"
#include "liaison-ledger.h"
#include "liaison-loop-wire.h"
#include "liaison-motion-editor.h"
#include "liaison-move-dialog.h"
#include "liaison-reception-editor.h"
#include "liaison-reception-form.h"
#include "liaison-store-loop.h"
#include "liaison-test-rows.h"
#include "liaison-test-ui.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

#define STATION "相山区东山街道“幸福里”代表联络站"
/* The ledger names deputies; a name with · is as awkward as the roster has. */
#define DEPUTY_1 "买买提·艾力"
#define DEPUTY_2 "欧阳秀英"

typedef struct {
  char         *dir;
  char         *path;
  LiaisonStore *store;
  gint64        deputy_ids[2];
  gint64        categories[2];  /* the first and the last */
} Fixture;

/* @n copies of @unit: text at a field's longest. */
static char *
repeat (const char *unit,
        guint       n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, unit);
  return g_string_free (text, FALSE);
}

/* A deputy with every field filled in. */
static gint64
add_full_deputy (LiaisonStore *store,
                 const char   *name,
                 const char   *phone)
{
  g_autoptr(LiaisonDeputy) deputy = liaison_deputy_new ();
  g_autoptr(LiaisonStation) station = liaison_store_get_local_station (store);
  g_autoptr(GError) error = NULL;

  deputy->name = g_strdup (name);
  deputy->level = LIAISON_DEPUTY_LEVEL_TOWNSHIP;
  deputy->group_id = liaison_store_ensure_deputy_group (store, "第三代表小组（东山、西园）", &error);
  g_assert_no_error (error);
  deputy->station_id = station->meta.id;
  deputy->specialty = repeat ("城乡建设,“环保”\"", LIAISON_MAX_COMMUNITY_CHARS / 12);
  deputy->phone = g_strdup (phone);
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
  return deputy->meta.id;
}

static void
fixture_open (Fixture *fixture)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-round-trip-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, STATION);
  fixture->deputy_ids[0] = add_full_deputy (fixture->store, DEPUTY_1, "0561-3012345");
  fixture->deputy_ids[1] = add_full_deputy (fixture->store, DEPUTY_2, "010-62345678");

  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, >=, 2);
  fixture->categories[0] = ((LiaisonCategory *) g_ptr_array_index (categories, 0))->id;
  fixture->categories[1] = ((LiaisonCategory *) g_ptr_array_index (categories, categories->len - 1))->id;
}

static void
fixture_close (Fixture *fixture)
{
  g_free (fixture->path);
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture_open (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_close (fixture);
}

static LiaisonVisitor *
visitor_new (const char *name,
             const char *phone,
             const char *community,
             int         party_size,
             gboolean    consent)
{
  LiaisonVisitor *visitor = liaison_visitor_new ();

  visitor->name = g_strdup (name);
  visitor->phone = g_strdup (phone);
  visitor->community = g_strdup (community);
  visitor->party_size = party_size;
  visitor->consent = consent;
  return visitor;
}

static LiaisonSuggestion *
suggestion_new (const char *title,
                const char *content,
                gint64      category_id,
                const char *raised_by)
{
  LiaisonSuggestion *suggestion = liaison_suggestion_new ();

  suggestion->title = g_strdup (title);
  suggestion->content = g_strdup (content);
  suggestion->category_id = category_id;
  suggestion->raised_by = g_strdup (raised_by);
  /* Registered in the past, so that the loop's moves can follow it. */
  suggestion->created_at = g_strdup ("2024-03-01T00:30:00Z");
  return suggestion;
}

/* The summary at its longest: quotes, commas, blank lines, an indented
 * line and a tab, padded with Chinese to exactly the limit. */
static char *
longest_summary (void)
{
  const char *start = "反映“金色家园”小区停水三天，物业称\"管网问题\",供水公司称二次供水设备问题。\n\n"
                      "  二、居民诉求：\t尽快恢复供水；公开原因。\n";
  glong missing = LIAISON_MAX_SUMMARY_CHARS - g_utf8_strlen (start, -1);
  g_autofree char *padding = repeat ("水", (guint) missing);

  return g_strconcat (start, padding, NULL);
}

/* Every field of a reception filled in awkwardly; three visitors, two
 * deputies in the order the clerk chose them, two inline suggestions. */
static gint64
save_awkward_reception (Fixture *fixture)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = repeat ("龘", LIAISON_MAX_NAME_CHARS);
  g_autofree char *long_community = repeat ("幸福,里\"", LIAISON_MAX_COMMUNITY_CHARS / 5);
  g_autofree char *long_title = repeat ("“路\",", LIAISON_MAX_TITLE_CHARS / 4);

  reception->received_at = g_strdup ("2024-02-29 23:59");
  reception->channel = LIAISON_CHANNEL_MOBILE_DESK;
  reception->category_id = fixture->categories[1];
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[1]);
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  g_ptr_array_add (reception->visitors, visitor_new ("欧阳·娜娜", "0561-3012345", "东山社区\"幸福里\",3栋",
                                                     LIAISON_MAX_PARTY_SIZE, TRUE));
  g_ptr_array_add (reception->visitors, visitor_new (NULL, NULL, "西园村", 1, FALSE));
  g_ptr_array_add (reception->visitors, visitor_new (long_name, "13800001111", long_community, 3, TRUE));
  reception->summary = longest_summary ();
  reception->handled_on_spot = FALSE;
  reception->handling = g_strdup ("已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  g_ptr_array_add (reception->suggestions,
                   suggestion_new (long_title, "建议：\n1. 增设路灯,\n2. \"定期\"维护", fixture->categories[0], long_name));
  g_ptr_array_add (reception->suggestions,
                   suggestion_new ("修缮道路", "东山路路面破损，多处坑洼", fixture->categories[1], "欧阳·娜娜"));

  liaison_store_save_reception (fixture->store, reception, &error);
  g_assert_no_error (error);
  return reception->meta.id;
}

/* Every row of a reception: itself, its visitors, its deputies and its
 * suggestions, every column. */
typedef struct {
  GPtrArray *receptions;
  GPtrArray *visitors;
  GPtrArray *deputies;
  GPtrArray *suggestions;
} ReceptionRows;

static void
reception_rows_read (ReceptionRows *rows,
                     LiaisonStore  *store,
                     gint64         id)
{
  g_autofree char *reception = g_strdup_printf ("SELECT * FROM receptions WHERE id = %" G_GINT64_FORMAT, id);
  g_autofree char *visitors = g_strdup_printf ("SELECT * FROM reception_visitors WHERE reception_id = %"
                                               G_GINT64_FORMAT " ORDER BY position", id);
  g_autofree char *deputies = g_strdup_printf ("SELECT * FROM reception_deputies WHERE reception_id = %"
                                               G_GINT64_FORMAT " ORDER BY deputy_id", id);
  g_autofree char *suggestions = g_strdup_printf ("SELECT * FROM suggestions WHERE reception_id = %"
                                                  G_GINT64_FORMAT " ORDER BY id", id);

  rows->receptions = liaison_test_rows_read (store, reception);
  rows->visitors = liaison_test_rows_read (store, visitors);
  rows->deputies = liaison_test_rows_read (store, deputies);
  rows->suggestions = liaison_test_rows_read (store, suggestions);
  g_assert_cmpuint (rows->receptions->len, ==, 1);
}

static void
reception_rows_clear (ReceptionRows *rows)
{
  g_clear_pointer (&rows->receptions, g_ptr_array_unref);
  g_clear_pointer (&rows->visitors, g_ptr_array_unref);
  g_clear_pointer (&rows->deputies, g_ptr_array_unref);
  g_clear_pointer (&rows->suggestions, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReceptionRows, reception_rows_clear)

/* @may_change: columns of the reception and its suggestions that may
 * move; NULL for none. */
static void
reception_rows_assert (ReceptionRows      *before,
                       ReceptionRows      *after,
                       const char * const *may_change)
{
  liaison_test_rows_assert_only_changed (before->receptions, after->receptions, may_change);
  liaison_test_rows_assert_same (before->visitors, after->visitors);
  liaison_test_rows_assert_same (before->deputies, after->deputies);
  liaison_test_rows_assert_only_changed (before->suggestions, after->suggestions, may_change);
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
  g_auto(ReceptionRows) before = { NULL, };
  g_auto(ReceptionRows) forced = { NULL, };
  g_auto(ReceptionRows) after = { NULL, };
  gint64 id = save_awkward_reception (fixture);

  reception_rows_read (&before, fixture->store, id);
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
  reception_rows_read (&forced, fixture->store, id);
  reception_rows_assert (&before, &forced, meta);

  /* The form's own save of an untouched form writes nothing at all. */
  g_clear_pointer (&loaded, liaison_reception_free);
  loaded = liaison_store_get_reception (fixture->store, id, &error);
  g_assert_no_error (error);
  liaison_reception_form_load (form, loaded);
  g_assert_true (liaison_reception_form_save (form, fixture->store, &error));
  g_assert_no_error (error);
  reception_rows_read (&after, fixture->store, id);
  reception_rows_assert (&forced, &after, NULL);
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

  save_awkward_reception (fixture);
  /* The first minute of the range; an anonymous visitor alone; a summary
   * Excel would take for a formula; handled on the spot. */
  save_reception (fixture, "2024-01-01 00:00", LIAISON_CHANNEL_PHONE, "=1+2，-3 反映“噪音”", TRUE,
                  "代表当场解答。\n已告知投诉渠道", visitor_new (NULL, NULL, "东山社区", 1, FALSE), NULL);
  /* Two visitors as the ledger's one value says them: the first brought
   * one more person, the second came alone from the same community. */
  save_reception (fixture, "2024-06-30 12:00", LIAISON_CHANNEL_WALK_IN, "反映停车难", FALSE, NULL,
                  visitor_new ("张桂兰", "13812345678", "金海社区", 2, TRUE),
                  visitor_new ("李明", NULL, "金海社区", 1, FALSE), NULL);
  /* Two visitors who differ in everything, on the last minute. */
  save_reception (fixture, "2024-12-31 23:59", LIAISON_CHANNEL_ONLINE, "反映\n路面破损", FALSE,
                  "已转区城管局", visitor_new ("", "010-62345678", "西园村", 1, FALSE),
                  visitor_new ("王\"小\"明, Jr.", "0561-3012345", "东山社区", 4, TRUE), NULL);

  first_path = g_build_filename (fixture->dir, "ledger.csv", NULL);
  first = g_file_new_for_path (first_path);
  g_assert_true (liaison_ledger_export_receptions (fixture->store, "2024-01-01", "2024-12-31", first, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 4);

  fixture_open (&target);
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
  g_assert_true (liaison_ledger_export_receptions (target.store, "2024-01-01", "2024-12-31", second, &n, &error));
  g_assert_no_error (error);
  first_text = read_text (first_path);
  second_text = read_text (second_path);
  g_assert_cmpstr (first_text, ==, second_text);

  fixture_close (&target);
}

/* The moves of the loop: what the move dialogs gather is an event, which
 * the store keeps and the wire carries to the other replicas. */

#define LEAD_UNIT "9b2f6f0e-8a51-4c3e-9d55-1a2b3c4d5e01"
#define CO_UNIT   "9b2f6f0e-8a51-4c3e-9d55-1a2b3c4d5e02"

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

static LiaisonLoopEvent *
move_new (LiaisonLoopMove  move,
          LiaisonLoopRole  role,
          const char      *actor,
          const char      *at)
{
  LiaisonLoopEvent *event = liaison_test_event_new (move, role, actor, liaison_loop_parse_at (at));

  g_assert_nonnull (event->at);
  return event;
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
  g_autofree char *long_reply = repeat ("已更换“路灯”,\n\"复查\"。", 4000 / 13);
  gint64 reception_id = save_awkward_reception (fixture);
  gint64 suggestion_id;
  LiaisonLoopEvent *event;

  reception = liaison_store_get_reception (fixture->store, reception_id, &error);
  g_assert_no_error (error);
  suggestion_id = ((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id;
  liaison_test_add_unit (fixture->store, LEAD_UNIT, "市城市管理局（市政“设施”处）", "department");
  liaison_test_add_unit (fixture->store, CO_UNIT, "相山区人民政府,东山街道办事处", "government");

  event = move_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, DEPUTY_1, "2024-03-01T01:00:00Z");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture->store, DEPUTY_1);
  event->note = g_strdup ("领办，\n与“物业”沟通,\"下周\"回复");
  g_ptr_array_add (made, event);

  event = move_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-04T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  event->co_unit_uuids = g_strsplit (CO_UNIT, ",", -1);
  g_date_clear (&event->due_date, 1);
  g_date_set_dmy (&event->due_date, 29, G_DATE_FEBRUARY, 2028);
  g_ptr_array_add (made, event);

  event = move_new (LIAISON_LOOP_MOVE_SUPERVISE, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-05T02:00:00Z");
  event->key_supervision = TRUE;
  event->note = g_strdup ("群众反映强烈,列为“重点督办”");
  g_ptr_array_add (made, event);

  event = move_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委“办公室”", "2024-03-20T02:00:00Z");
  event->reply_text = g_strdup (long_reply);
  g_date_clear (&event->reply_date, 1);
  g_date_set_dmy (&event->reply_date, 20, G_DATE_MARCH, 2024);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  g_ptr_array_add (made, event);

  event = move_new (LIAISON_LOOP_MOVE_RATE, LIAISON_LOOP_ROLE_STATION, "欧阳·娜娜", "2024-03-21T02:00:00Z");
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

/* Widgets: each case runs in a child process (liaison_test_add_ui_case). */

static char *
text_view_text (GtkWidget *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
text_view_set (GtkWidget  *view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

/* Presents @window, presses its save action and waits until it closed. */
static void
save_and_wait (GtkWidget  *window,
               GType       type,
               const char *save_action)
{
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, window));
  g_assert_true (gtk_widget_activate_action (window, save_action, NULL));
  if (!liaison_test_wait_until_gone (type))
    {
      g_autofree char *text = liaison_test_text_under (window);

      g_error ("the window stayed open after saving; it says: %s", text);
    }
}

/* The real reception editor on the awkward reception: Edit, then Ctrl+S
 * with nothing touched writes nothing; Edit, change the summary, Ctrl+S
 * changes the summary and nothing else (issue 8's data loss). */
static void
run_reception_editor (void)
{
  const char * const edit[] = { "summary", "version", "updated_at", NULL };
  Fixture fixture = { NULL, };
  g_auto(ReceptionRows) before = { NULL, };
  g_auto(ReceptionRows) untouched = { NULL, };
  g_auto(ReceptionRows) edited = { NULL, };
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *handling = NULL;
  GtkWidget *editor;
  GtkWidget *handling_view;
  gint64 id;

  fixture_open (&fixture);
  id = save_awkward_reception (&fixture);
  reception_rows_read (&before, fixture.store, id);

  editor = liaison_reception_editor_new (NULL, fixture.store, id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  /* 办理情况 is on screen for a reception not handled on the spot. */
  handling_view = liaison_test_get_by_id (editor, "handling_view");
  g_assert_true (gtk_widget_is_visible (handling_view));
  handling = text_view_text (handling_view);
  g_assert_cmpstr (handling, ==, "已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (liaison_test_get_by_id (editor, "handled_switch"))));
  save_and_wait (editor, LIAISON_TYPE_RECEPTION_EDITOR, "editor.save");
  reception_rows_read (&untouched, fixture.store, id);
  reception_rows_assert (&before, &untouched, NULL);

  editor = liaison_reception_editor_new (NULL, fixture.store, id);
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  text_view_set (liaison_test_get_by_id (editor, "summary_view"), "反映金色家园小区停水三天。");
  save_and_wait (editor, LIAISON_TYPE_RECEPTION_EDITOR, "editor.save");
  reception_rows_read (&edited, fixture.store, id);
  liaison_test_rows_assert_only_changed (before.receptions, edited.receptions, edit);
  liaison_test_rows_assert_same (before.visitors, edited.visitors);
  liaison_test_rows_assert_same (before.deputies, edited.deputies);
  /* Inline suggestions are saved with their reception: only their meta moves. */
  liaison_test_rows_assert_only_changed (before.suggestions, edited.suggestions, edit + 1);

  reception = liaison_store_get_reception (fixture.store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reception->summary, ==, "反映金色家园小区停水三天。");
  g_assert_cmpstr (reception->handling, ==, "已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  g_assert_cmpint (reception->meta.version, ==, 2);
  fixture_close (&fixture);
}

/* The real deputy editor, opened on a deputy with every field filled in
 * and saved untouched: every value stays; it writes a new version. */
static void
run_deputy_editor (void)
{
  const char * const meta[] = { "version", "updated_at", "sync_state", NULL };
  Fixture fixture = { NULL, };
  g_autoptr(GPtrArray) deputies_before = NULL;
  g_autoptr(GPtrArray) groups_before = NULL;
  g_autoptr(GPtrArray) deputies_after = NULL;
  g_autoptr(GPtrArray) groups_after = NULL;
  g_autofree char *sql = NULL;
  GtkWidget *editor;

  fixture_open (&fixture);
  sql = g_strdup_printf ("SELECT * FROM deputies WHERE id = %" G_GINT64_FORMAT, fixture.deputy_ids[0]);
  deputies_before = liaison_test_rows_read (fixture.store, sql);
  groups_before = liaison_test_rows_read (fixture.store, "SELECT * FROM deputy_groups ORDER BY id");

  editor = liaison_deputy_editor_new (NULL, fixture.store, fixture.deputy_ids[0]);
  gtk_window_present (GTK_WINDOW (editor));
  save_and_wait (editor, LIAISON_TYPE_DEPUTY_EDITOR, "deputy.save");

  deputies_after = liaison_test_rows_read (fixture.store, sql);
  groups_after = liaison_test_rows_read (fixture.store, "SELECT * FROM deputy_groups ORDER BY id");
  liaison_test_rows_assert_only_changed (deputies_before, deputies_after, meta);
  liaison_test_rows_assert_same (groups_before, groups_after);
  fixture_close (&fixture);
}

/* The motion editor only files new suggestions: what is typed into it,
 * awkward as it is, is what the row holds. */
static void
run_motion_editor (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(LiaisonSuggestion) suggestion = NULL;
  g_autoptr(GArray) co_signers = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) categories = NULL;
  g_autofree char *title = repeat ("“议”,\"", LIAISON_MAX_TITLE_CHARS / 5);
  const char *content = "关于东山路“路灯”的建议：\n\n  1. 增设路灯,\t夜间照明；\n2. \"定期\"维护。";
  GtkWidget *editor;
  gint64 id;

  fixture_open (&fixture);
  categories = liaison_store_list_categories (fixture.store, NULL);
  g_array_append_val (co_signers, fixture.deputy_ids[1]);

  editor = GTK_WIDGET (liaison_motion_editor_new (NULL, fixture.store, fixture.deputy_ids[0]));
  gtk_window_present (GTK_WINDOW (editor));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, editor));
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (editor, "title_row")), title);
  /* "Choose…" comes first, then the categories in order: the last one. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (editor, "category_row")), categories->len);
  text_view_set (liaison_test_get_by_id (editor, "content_view"), content);
  liaison_deputy_picker_set_deputy_ids (LIAISON_DEPUTY_PICKER (liaison_test_get_by_id (editor, "co_signer_picker")),
                                        co_signers);
  save_and_wait (editor, LIAISON_TYPE_MOTION_EDITOR, "motion.save");

  id = liaison_test_query_int (fixture.store, "SELECT max(id) FROM suggestions");
  suggestion = liaison_test_get_suggestion (fixture.store, id);
  g_assert_cmpstr (suggestion->title, ==, title);
  g_assert_cmpstr (suggestion->content, ==, content);
  g_assert_cmpint (suggestion->category_id, ==, fixture.categories[1]);
  g_assert_cmpint (suggestion->kind, ==, LIAISON_LOOP_KIND_DEPUTY_SUGGESTION);
  g_assert_cmpint (suggestion->deputy_id, ==, fixture.deputy_ids[0]);
  g_assert_cmpstr (suggestion->raised_by, ==, DEPUTY_1);
  g_assert_cmpuint (suggestion->co_signer_ids->len, ==, 1);
  g_assert_cmpint (g_array_index (suggestion->co_signer_ids, gint64, 0), ==, fixture.deputy_ids[1]);
  fixture_close (&fixture);
}

/* The real rate dialog at the station, on a replied suggestion: what is
 * typed and chosen is what the move holds (the names trimmed, as the
 * dialog says it does). */
static void
run_rate_dialog (void)
{
  Fixture fixture = { NULL, };
  g_autoptr(LiaisonReception) reception = NULL;
  g_autoptr(GPtrArray) timeline = NULL;
  g_autoptr(GError) error = NULL;
  const LiaisonLoopEvent *rate;
  LiaisonLoopEvent *event;
  GtkWidget *dialog;
  gint64 suggestion_id;

  fixture_open (&fixture);
  reception = liaison_store_get_reception (fixture.store, save_awkward_reception (&fixture), &error);
  g_assert_no_error (error);
  suggestion_id = ((LiaisonSuggestion *) g_ptr_array_index (reception->suggestions, 0))->meta.id;
  liaison_test_add_unit (fixture.store, LEAD_UNIT, "市城市管理局（市政“设施”处）", "department");

  event = move_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, DEPUTY_1, "2024-03-01T01:00:00Z");
  event->deputy_uuid = liaison_test_deputy_uuid (fixture.store, DEPUTY_1);
  liaison_test_add_event (fixture.store, suggestion_id, event);
  event = move_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, "代表工委", "2024-03-04T02:00:00Z");
  event->lead_unit_uuid = g_strdup (LEAD_UNIT);
  g_date_clear (&event->due_date, 1);
  g_date_set_dmy (&event->due_date, 29, G_DATE_MARCH, 2024);
  liaison_test_add_event (fixture.store, suggestion_id, event);
  event = move_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, "代表工委", "2024-03-20T02:00:00Z");
  event->reply_text = g_strdup ("已更换路灯");
  g_date_clear (&event->reply_date, 1);
  g_date_set_dmy (&event->reply_date, 20, G_DATE_MARCH, 2024);
  event->replying_unit_uuid = g_strdup (LEAD_UNIT);
  liaison_test_add_event (fixture.store, suggestion_id, event);

  dialog = liaison_move_dialog_new (NULL, fixture.store, suggestion_id, LIAISON_LOOP_MOVE_RATE);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, dialog));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (liaison_test_get_by_id (dialog, "basically_check")), TRUE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (liaison_test_get_by_id (dialog, "asked_row")), LIAISON_LOOP_ASKED_PHONE);
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "rated_by_row")), "  站点“值班”员,小王 ");
  gtk_editable_set_text (GTK_EDITABLE (liaison_test_get_by_id (dialog, "note_row")), "回访：\"基本满意\",仍担心“复发”");
  save_and_wait (dialog, LIAISON_TYPE_MOVE_DIALOG, "move.save");

  timeline = liaison_store_list_suggestion_events (fixture.store, suggestion_id, &error);
  g_assert_no_error (error);
  rate = g_ptr_array_index (timeline, timeline->len - 1);
  g_assert_cmpint (rate->move, ==, LIAISON_LOOP_MOVE_RATE);
  g_assert_cmpint (rate->rating, ==, LIAISON_LOOP_RATING_BASICALLY_SATISFIED);
  g_assert_cmpint (rate->asked, ==, LIAISON_LOOP_ASKED_PHONE);
  g_assert_cmpstr (rate->rated_by, ==, "站点“值班”员,小王");
  g_assert_cmpstr (rate->note, ==, "回访：\"基本满意\",仍担心“复发”");
  fixture_close (&fixture);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/round-trip/reception-form", Fixture, NULL,
              fixture_set_up, test_reception_form, fixture_tear_down);
  g_test_add ("/round-trip/ledger", Fixture, NULL,
              fixture_set_up, test_ledger, fixture_tear_down);
  g_test_add ("/round-trip/loop-moves", Fixture, NULL,
              fixture_set_up, test_loop_moves, fixture_tear_down);
  liaison_test_add_ui_case ("/round-trip/ui/reception-editor", run_reception_editor);
  liaison_test_add_ui_case ("/round-trip/ui/deputy-editor", run_deputy_editor);
  liaison_test_add_ui_case ("/round-trip/ui/motion-editor", run_motion_editor);
  liaison_test_add_ui_case ("/round-trip/ui/rate-dialog", run_rate_dialog);

  return g_test_run ();
}
