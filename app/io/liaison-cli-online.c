/* liaison-cli-online.c: `liaison online`, the Online inbox without the
 * window (docs/online.md, "The Online inbox"):
 *
 *   liaison online list    [--database PATH] [--all]
 *   liaison online accept  [--database PATH] [--actor NAME] UUID
 *   liaison online decline [--database PATH] --reason spam|duplicate|out_of_remit [--note TEXT] [--actor NAME] UUID
 *
 * `list` prints one line a submission, tab-separated: its UUID, state,
 * time (local), category, title, and the citizen's name and phone, the
 * phone masked (app/privacy). What is typed is checked before the
 * database is opened; a refusal writes nothing.
 */
#define G_LOG_DOMAIN "liaison-cli"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "liaison-cli-private.h"
#include "liaison-loop-wire.h"
#include "liaison-privacy.h"
#include "liaison-store-desk.h"
#include "liaison-store-online.h"
#include "liaison-store-sync.h"

typedef enum {
  ONLINE_LIST,
  ONLINE_ACCEPT,
  ONLINE_DECLINE,
} OnlineAction;

static gboolean
parse_action (const char   *text,
              OnlineAction *action)
{
  static const char *const names[] = { [ONLINE_LIST] = "list", [ONLINE_ACCEPT] = "accept",
                                       [ONLINE_DECLINE] = "decline" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *action = (OnlineAction) i;
        return TRUE;
      }
  return FALSE;
}

static const char *
state_word (LiaisonOnlineState state)
{
  switch (state)
    {
    case LIAISON_ONLINE_ACCEPTED:
      return C_("online submission", "accepted");
    case LIAISON_ONLINE_DECLINED:
      return C_("online submission", "declined");
    case LIAISON_ONLINE_PENDING:
    default:
      return C_("online submission", "waiting");
    }
}

/* A field of a tab-separated line: its tabs and line breaks as spaces. */
static void
append_field (GString    *line,
              const char *text)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');
  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    g_string_append_c (line, *p == '\t' || *p == '\n' || *p == '\r' ? ' ' : *p);
}

static int
list (LiaisonStore *store,
      gboolean      all)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) submissions = NULL;
  g_autofree char *station = NULL;

  /* A station's desk lists its own station's; headquarters' every one. */
  if (liaison_store_get_sync_role (store) != LIAISON_SYNC_ROLE_HQ)
    {
      g_autoptr(LiaisonStation) here = liaison_store_get_local_station (store);

      station = g_strdup (here != NULL ? here->meta.uuid : "");
    }
  submissions = liaison_store_list_online_submissions (store, station, !all, &error);
  if (submissions == NULL)
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }
  for (guint i = 0; i < submissions->len; i++)
    {
      const LiaisonOnlineSubmission *submission = g_ptr_array_index (submissions, i);
      g_autoptr(GString) line = g_string_new (NULL);
      g_autoptr(GDateTime) utc = liaison_loop_parse_at (submission->submitted_at);
      g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
      g_autofree char *when = local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M")
                                            : g_strdup (submission->submitted_at);
      g_autofree char *phone = submission->phone != NULL ? liaison_privacy_mask_phone (submission->phone) : NULL;

      append_field (line, submission->uuid);
      append_field (line, state_word (submission->state));
      append_field (line, when);
      append_field (line, submission->category_name);
      append_field (line, submission->title);
      append_field (line, submission->name);
      append_field (line, phone);
      g_print ("%s\n", line->str);
    }
  if (submissions->len == 0)
    g_printerr (all ? _("No online submissions.\n") : _("No online submissions wait for a decision.\n"));
  return 0;
}

int
liaison_cli_run_online (char **argv)
{
  g_autofree char *database = NULL;
  g_autofree char *reason_text = NULL;
  g_autofree char *note = NULL;
  g_autofree char *actor = NULL;
  gboolean all = FALSE;
  const GOptionEntry entries[] = {
    { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database,
      N_("The database of the desk (default: the app’s own)"), N_("PATH") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all,
      N_("List the submissions decided on too, not only those waiting"), NULL },
    { "reason", 'r', 0, G_OPTION_ARG_STRING, &reason_text,
      N_("Why the submission is declined: spam, duplicate or out_of_remit"), N_("REASON") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note,
      N_("A note kept with the decline"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &actor,
      N_("Who decides (default: the person at the desk)"), N_("NAME") },
    { NULL }
  };
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LiaisonStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reception = NULL;
  g_autofree char *suggestion = NULL;
  g_auto(GStrv) args = g_strdupv (argv);
  LiaisonOnlineDeclineReason reason = LIAISON_ONLINE_DECLINE_SPAM;
  OnlineAction action;
  const char *uuid = NULL;
  int status = 0;
  guint n_args;

  context = liaison_cli_option_context_new (N_("list|accept|decline [UUID]"),
                             N_("The Online inbox: lists the matters citizens sent this station online, accepts one "
                                "(a reception of channel online and a registered suggestion) or declines one with a "
                                "reason. The decision goes to headquarters at the next sync."),
                             entries);
  if (!liaison_cli_parse_options (context, "online", &args, &status))
    return status;
  n_args = g_strv_length (args);
  if (n_args < 2 || !parse_action (args[1], &action))
    return liaison_cli_usage_error ("online", _("Say what to do: list, accept UUID or decline UUID."));
  if (action == ONLINE_LIST)
    {
      if (n_args != 2)
        return liaison_cli_usage_error ("online", _("“online list” takes no UUID."));
      if (reason_text != NULL || note != NULL || actor != NULL)
        return liaison_cli_usage_error ("online", _("--reason, --note and --actor go with accept or decline."));
    }
  else
    {
      if (n_args != 3)
        return liaison_cli_usage_error ("online", _("Name one online submission by its UUID."));
      uuid = args[2];
      if (!g_uuid_string_is_valid (uuid))
        return liaison_cli_usage_error ("online", _("The online submission is named by its UUID, as “online list” prints it."));
      if (all)
        return liaison_cli_usage_error ("online", _("--all goes with list."));
    }
  if (action == ONLINE_ACCEPT && (reason_text != NULL || note != NULL))
    return liaison_cli_usage_error ("online", _("An accepted submission takes no --reason or --note."));
  if (action == ONLINE_DECLINE)
    {
      if (reason_text == NULL)
        return liaison_cli_usage_error ("online", _("Say why it is declined with --reason spam, duplicate or out_of_remit."));
      if (!liaison_online_decline_reason_from_code (reason_text, &reason))
        {
          g_autofree char *message = g_strdup_printf (_("“%s” is not a reason to decline: give spam, duplicate or out_of_remit."),
                                                      reason_text);

          return liaison_cli_usage_error ("online", message);
        }
    }

  store = liaison_cli_open_existing_store (&database);
  if (store == NULL)
    return LIAISON_CLI_EXIT_FAILED;
  if (action == ONLINE_LIST)
    return list (store, all);
  if (actor == NULL)
    actor = liaison_store_get_desk_setting (store, "name");

  if (action == ONLINE_ACCEPT)
    {
      if (!liaison_store_accept_online_submission (store, uuid, actor, &reception, &suggestion, &error))
        {
          g_printerr ("%s\n", error->message);
          return LIAISON_CLI_EXIT_FAILED;
        }
      /* Translators: the first %s is the online submission's UUID, the others the new records' */
      g_print (_("Accepted %s: reception %s, suggestion %s.\n"), uuid, reception, suggestion);
      return 0;
    }
  if (!liaison_store_decline_online_submission (store, uuid, reason, note, actor, &error))
    {
      g_printerr ("%s\n", error->message);
      return LIAISON_CLI_EXIT_FAILED;
    }
  /* Translators: %s is the online submission's UUID, then the reason in words */
  g_print (_("Declined %s: %s.\n"), uuid, liaison_online_decline_reason_label (reason));
  return 0;
}
