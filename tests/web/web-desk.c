/* web-desk.c: the desks' moves in the public site's browser test
 * (tests/web/test-online-browser.py). The station's `liaison` command
 * enrolls, syncs and decides online submissions, but no command makes a
 * loop move: a clerk or headquarters makes those on the suggestion's page.
 * This program makes them through the store API the page calls, on a real
 * store file, and the browser test syncs the file with `liaison sync`.
 *
 *   web-desk take-up DB SUGGESTION DEPUTY     a deputy of the station takes it up (after the PIN)
 *   web-desk refer DB SUGGESTION UNIT         headquarters refers it to UNIT, due by its rules
 *   web-desk reply DB SUGGESTION UNIT TEXT    headquarters records UNIT's reply
 *   web-desk state DB SUGGESTION              its state, then its timeline, one line each
 *
 * `state` prints, tab-separated:
 *   state  STATUS  ROUND  DESCRIBED  LAST-RATING
 *   event  MOVE  ROLE  ASKED  RATING  ACTOR  NOTE
 * Any failure aborts with the store's or the loop's message (exit non-zero).
 */
#define G_LOG_DOMAIN "web-desk"

#include <locale.h>
#include <string.h>

#include "liaison-store-loop.h"
#include "liaison-store-sync.h"
#include "liaison-store.h"
#include "liaison-test-util.h"

#define HQ_ACTOR "代表工委王芳"

/* The loop's enum codes, or "-" for the zero value a move does not use. */
static const char *
or_dash (const char *text)
{
  return text != NULL && *text != '\0' ? text : "-";
}

static int
print_state (LiaisonStore *store,
             gint64        id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) events = liaison_store_list_suggestion_events (store, id, &error);
  g_autoptr(LiaisonLoopState) state = NULL;

  g_assert_no_error (error);
  state = liaison_store_replay_timeline (store, events);
  g_print ("state\t%s\t%u\t%s\t%s\n", liaison_loop_status_to_code (state->status), state->round,
           liaison_loop_state_describe (state),
           state->rated ? liaison_loop_rating_to_code (state->last_rating) : "-");
  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (events, i);
      gboolean rate = event->move == LIAISON_LOOP_MOVE_RATE;

      g_print ("event\t%s\t%s\t%s\t%s\t%s\t%s\n", liaison_loop_move_to_code (event->move),
               liaison_loop_role_to_code (event->role),
               rate ? or_dash (liaison_loop_asked_to_code (event->asked)) : "-",
               rate ? or_dash (liaison_loop_rating_to_code (event->rating)) : "-",
               or_dash (event->actor_name), or_dash (event->note));
    }
  return 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(LiaisonLoopEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  const char *command;
  gint64 id;

  setlocale (LC_ALL, "");
  if (argc < 4)
    {
      g_printerr ("usage: web-desk take-up|refer|reply|state DB SUGGESTION [DEPUTY|UNIT [TEXT]]\n");
      return 2;
    }
  command = argv[1];
  store = liaison_store_open (argv[2], &error);
  g_assert_no_error (error);
  id = liaison_test_suggestion_id (store, argv[3]);
  if (id <= 0)
    {
      g_printerr ("web-desk: no suggestion %s in %s\n", argv[3], argv[2]);
      return 1;
    }

  if (strcmp (command, "state") == 0)
    return print_state (store, id);

  if (strcmp (command, "take-up") == 0 && argc == 5)
    {
      event = liaison_test_event_new (LIAISON_LOOP_MOVE_TAKE_UP, LIAISON_LOOP_ROLE_DEPUTY, argv[4],
                                      g_date_time_new_now_utc ());
      event->deputy_uuid = liaison_test_deputy_uuid (store, argv[4]);
    }
  else if (strcmp (command, "refer") == 0 && argc == 5)
    {
      GDate day;

      event = liaison_test_event_new (LIAISON_LOOP_MOVE_REFER, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR,
                                      g_date_time_new_now_utc ());
      liaison_test_local_day (event->at, &day);
      event->lead_unit_uuid = liaison_test_unit_uuid (store, argv[4]);
      liaison_store_default_due_date (store, LIAISON_LOOP_KIND_PUBLIC_OPINION, &day, &event->due_date);
    }
  else if (strcmp (command, "reply") == 0 && argc == 6)
    {
      event = liaison_test_event_new (LIAISON_LOOP_MOVE_REPLY, LIAISON_LOOP_ROLE_HQ, HQ_ACTOR,
                                      g_date_time_new_now_utc ());
      event->replying_unit_uuid = liaison_test_unit_uuid (store, argv[4]);
      event->reply_text = g_strdup (argv[5]);
      liaison_test_local_day (event->at, &event->reply_date);
    }
  else
    {
      g_printerr ("web-desk: unknown command or wrong arguments: %s\n", command);
      return 2;
    }

  liaison_test_record_event (store, id, event);
  g_print ("%s\n", event->uuid);
  return 0;
}
