/* liaison-test-awkward.c: records with every field filled awkwardly. */
#define G_LOG_DOMAIN "liaison-test"
#include "config.h"

#include "liaison-loop-wire.h"
#include "liaison-test-awkward.h"
#include "liaison-test-rows.h"
#include "liaison-test-util.h"
#include "liaison-validate.h"

/* @n copies of @unit: text at a field's longest. */
char *
liaison_test_repeat (const char *unit,
                     guint       n)
{
  return g_string_free (liaison_test_append_repeat (g_string_new (NULL), unit, n), FALSE);
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
  deputy->specialty = liaison_test_repeat ("城乡建设,“环保”\"", LIAISON_MAX_COMMUNITY_CHARS / 12);
  deputy->phone = g_strdup (phone);
  g_assert_true (liaison_store_save_deputy (store, deputy, &error));
  g_assert_no_error (error);
  return deputy->meta.id;
}

void
liaison_test_awkward_open (LiaisonTestAwkward *fixture)
{
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = liaison_test_make_tmp_dir ("liaison-round-trip-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "station.db", NULL);
  fixture->store = liaison_test_open_store_with_station (fixture->path, LIAISON_AWKWARD_STATION);
  fixture->deputy_ids[0] = add_full_deputy (fixture->store, LIAISON_AWKWARD_DEPUTY_1, "0561-3012345");
  fixture->deputy_ids[1] = add_full_deputy (fixture->store, LIAISON_AWKWARD_DEPUTY_2, "010-62345678");

  categories = liaison_store_list_categories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (categories->len, >=, 2);
  fixture->categories[0] = ((LiaisonCategory *) g_ptr_array_index (categories, 0))->id;
  fixture->categories[1] = ((LiaisonCategory *) g_ptr_array_index (categories, categories->len - 1))->id;
}

void
liaison_test_awkward_close (LiaisonTestAwkward *fixture)
{
  g_free (fixture->path);
  liaison_test_clear_store_dir (&fixture->store, &fixture->dir);
}


LiaisonVisitor *
liaison_test_awkward_visitor (const char *name,
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
  g_autofree char *padding = liaison_test_repeat ("水", (guint) missing);

  return g_strconcat (start, padding, NULL);
}

/* Every field of a reception filled in awkwardly; three visitors, two
 * deputies in the order the clerk chose them, two inline suggestions. */
gint64
liaison_test_awkward_reception (LiaisonTestAwkward *fixture)
{
  g_autoptr(LiaisonReception) reception = liaison_reception_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *long_name = liaison_test_repeat ("龘", LIAISON_MAX_NAME_CHARS);
  g_autofree char *long_community = liaison_test_repeat ("幸福,里\"", LIAISON_MAX_COMMUNITY_CHARS / 5);
  g_autofree char *long_title = liaison_test_repeat ("“路\",", LIAISON_MAX_TITLE_CHARS / 4);
  /* The mobile desk's place at its longest, and an occasion with quotes. */
  g_autofree char *long_place = liaison_test_repeat ("渠沟镇“太平村”,\"", LIAISON_MAX_PLACE_CHARS / 10);

  reception->received_at = g_strdup ("2024-02-29 23:59");
  reception->channel = LIAISON_CHANNEL_MOBILE_DESK;
  reception->category_id = fixture->categories[1];
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[1]);
  g_array_append_val (reception->deputy_ids, fixture->deputy_ids[0]);
  g_ptr_array_add (reception->visitors, liaison_test_awkward_visitor ("欧阳·娜娜", "0561-3012345", "东山社区\"幸福里\",3栋",
                                                     LIAISON_MAX_PARTY_SIZE, TRUE));
  g_ptr_array_add (reception->visitors, liaison_test_awkward_visitor (NULL, NULL, "西园村", 1, FALSE));
  g_ptr_array_add (reception->visitors, liaison_test_awkward_visitor (long_name, "13800001111", long_community, 3, TRUE));
  reception->summary = longest_summary ();
  reception->handled_on_spot = FALSE;
  reception->handling = g_strdup ("已转物业和供水公司核实,\n“待回复”后\"再联系\"");
  reception->place = g_steal_pointer (&long_place);
  reception->occasion = g_strdup ("集市,\"逢五\"");
  g_ptr_array_add (reception->suggestions,
                   suggestion_new (long_title, "建议：\n1. 增设路灯,\n2. \"定期\"维护", fixture->categories[0], long_name));
  g_ptr_array_add (reception->suggestions,
                   suggestion_new ("修缮道路", "东山路路面破损，多处坑洼", fixture->categories[1], "欧阳·娜娜"));

  liaison_store_save_reception (fixture->store, reception, &error);
  g_assert_no_error (error);
  return reception->meta.id;
}

void
liaison_test_reception_rows_read (LiaisonTestReceptionRows *rows,
                                  LiaisonStore             *store,
                                  gint64                    id)
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

void
liaison_test_reception_rows_clear (LiaisonTestReceptionRows *rows)
{
  g_clear_pointer (&rows->receptions, g_ptr_array_unref);
  g_clear_pointer (&rows->visitors, g_ptr_array_unref);
  g_clear_pointer (&rows->deputies, g_ptr_array_unref);
  g_clear_pointer (&rows->suggestions, g_ptr_array_unref);
}

/* @may_change: columns of the reception and its suggestions that may
 * move; NULL for none. */
void
liaison_test_reception_rows_assert (LiaisonTestReceptionRows *before,
                                    LiaisonTestReceptionRows *after,
                                    const char * const       *may_change)
{
  liaison_test_rows_assert_only_changed (before->receptions, after->receptions, may_change);
  liaison_test_rows_assert_same (before->visitors, after->visitors);
  liaison_test_rows_assert_same (before->deputies, after->deputies);
  liaison_test_rows_assert_only_changed (before->suggestions, after->suggestions, may_change);
}

LiaisonLoopEvent *
liaison_test_awkward_move (LiaisonLoopMove  move,
                           LiaisonLoopRole  role,
                           const char      *actor,
                           const char      *at)
{
  LiaisonLoopEvent *event = liaison_test_event_new (move, role, actor, liaison_loop_parse_at (at));

  g_assert_nonnull (event->at);
  return event;
}
