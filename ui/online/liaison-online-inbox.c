/* liaison-online-inbox.c: the Online inbox window (see the header).
 *
 * One row a pending submission, newest first: its title, category, when it
 * came in and how long it has waited in working days on the loop's
 * calendar, and the citizen's name and masked phone (a list shows a phone
 * masked; once accepted, the reception's own page shows it as its rules
 * say, app/privacy). Each row has 受理 (Accept), which makes the reception
 * and its suggestion in one step and then offers to open it, and 不予受理
 * (Decline…), which asks why. The list is read again whenever the store
 * says the submissions changed (a pull, or another window's decision).
 */
#define G_LOG_DOMAIN "liaison-online-inbox"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-actor.h"
#include "liaison-online-decline.h"
#include "liaison-online-inbox.h"
#include "liaison-online-row.h"
#include "liaison-store-loop.h"
#include "liaison-store-online.h"
#include "liaison-store-watch.h"
#include "liaison-ui-util.h"

struct _LiaisonOnlineInbox
{
  AdwWindow     parent_instance;

  LiaisonStore *store;       /* owned */
  GtkStack     *stack;       /* "list", "empty" */
  GtkListBox   *list;
  GtkLabel     *count_label;
  GtkLabel     *error_label;
};

G_DEFINE_FINAL_TYPE (LiaisonOnlineInbox, liaison_online_inbox, ADW_TYPE_WINDOW)

enum {
  OPEN_RECEPTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void refresh (LiaisonOnlineInbox *self);

static void
show_error (LiaisonOnlineInbox *self,
            const char         *heading,
            const GError       *error)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading,
                                                                         error->message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Accept */

static void
accepted_response_cb (AdwMessageDialog   *dialog,
                      const char         *response,
                      LiaisonOnlineInbox *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "reception");
  gint64 id;

  if (g_strcmp0 (response, "open") != 0 || self->store == NULL)
    return;
  id = liaison_store_find_reception_by_uuid (self->store, uuid);
  if (id == 0)
    return;
  g_signal_emit (self, signals[OPEN_RECEPTION], 0, id);
  /* Not now: the dialog, transient for this window, is still answering. */
  liaison_ui_close_when_idle (GTK_WINDOW (self));
}

static void
accept_clicked_cb (GtkButton          *button,
                   LiaisonOnlineInbox *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "uuid");
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  g_autoptr(LiaisonActor) actor = liaison_actor_get_current (self->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *reception = NULL;
  g_autofree char *suggestion = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (!liaison_store_accept_online_submission (self->store, uuid, actor->name, &reception, &suggestion, &error))
    {
      show_error (self, _("The Online Submission Could Not Be Accepted"), error);
      refresh (self);
      return;
    }
  /* Translators: after accepting an online submission; %s is its title */
  body = g_strdup_printf (_("“%s” is now a reception on the Receptions page, with its suggestion registered."),
                          title);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Accepted"), body));
  gtk_widget_set_name (GTK_WIDGET (dialog), "accepted_dialog");
  adw_message_dialog_add_responses (dialog,
                                    "close", _("_Close"),
                                    "open", _("_Open Reception"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "open");
  adw_message_dialog_set_close_response (dialog, "close");
  g_object_set_data_full (G_OBJECT (dialog), "reception", g_steal_pointer (&reception), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (accepted_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Decline */

static void
decline_response_cb (AdwMessageDialog   *dialog,
                     const char         *response,
                     LiaisonOnlineInbox *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (dialog), "uuid");
  LiaisonOnlineDeclineReason reason;
  g_autoptr(LiaisonActor) actor = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;

  if (g_strcmp0 (response, "decline") != 0 || self->store == NULL)
    return;
  /* The response is off until a reason is chosen; this is the same rule. */
  if (!liaison_online_decline_get_reason (dialog, &reason))
    return;
  note = liaison_online_decline_dup_note (dialog);
  actor = liaison_actor_get_current (self->store);
  if (!liaison_store_decline_online_submission (self->store, uuid, reason, note, actor->name, &error))
    show_error (self, _("The Online Submission Could Not Be Declined"), error);
  refresh (self);
}

static void
decline_clicked_cb (GtkButton          *button,
                    LiaisonOnlineInbox *self)
{
  const char *title = g_object_get_data (G_OBJECT (button), "title");
  AdwMessageDialog *dialog = liaison_online_decline_new (GTK_WINDOW (self), title);

  g_object_set_data_full (G_OBJECT (dialog), "uuid", g_strdup (g_object_get_data (G_OBJECT (button), "uuid")),
                          g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (decline_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The list */

static GtkWidget *
row_button (const char                    *label,
            const char                    *name,
            const LiaisonOnlineSubmission *submission,
            GCallback                      clicked_cb,
            LiaisonOnlineInbox            *self)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  /* Two rows' buttons are told apart by the title they act on. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data_full (G_OBJECT (button), "uuid", g_strdup (submission->uuid), g_free);
  g_object_set_data_full (G_OBJECT (button), "title", g_strdup (submission->title), g_free);
  g_signal_connect_object (button, "clicked", clicked_cb, self, 0);
  return button;
}

static GtkWidget *
submission_row (LiaisonOnlineInbox            *self,
                const LiaisonOnlineSubmission *submission,
                const LiaisonCalendar         *cal,
                const GDate                   *today)
{
  LiaisonOnlineWait wait = liaison_online_row_wait (submission, cal, today);
  g_autofree char *submitted = liaison_ui_format_utc (submission->submitted_at);
  g_autofree char *waited = liaison_online_wait_describe (wait);
  g_autofree char *citizen = liaison_online_row_citizen (submission);
  g_autofree char *when = NULL;
  g_autofree char *content = NULL;
  const char *category = submission->category_name != NULL ? submission->category_name : submission->category;
  const char *lines[5] = { NULL };
  GtkWidget *row;
  GtkWidget *box;
  GtkWidget *buttons;
  GtkWidget *accept;
  g_autofree char *accept_name = NULL;
  g_autofree char *decline_name = NULL;

  /* Translators: an online submission's category, when it came in and how long it has waited,
   * "城乡建设 · 2026-12-01 10:30 · 已等待 2 个工作日" */
  when = g_strdup_printf (_("%s · %s · %s"), category != NULL ? category : "", submitted, waited);
  content = g_strdup (submission->content != NULL ? submission->content : "");
  g_strdelimit (content, "\r\n\t", ' ');
  lines[0] = when;
  lines[1] = citizen;
  lines[2] = content;
  row = liaison_online_row_new (submission->title, lines);
  if (wait.overdue)
    liaison_online_row_mark_overdue (row);

  box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  /* Translators: the accessible name of an inbox row's Accept button; %s is the submission's title */
  accept_name = g_strdup_printf (_("Accept “%s”"), submission->title);
  /* Translators: the accessible name of an inbox row's Decline button; %s is the submission's title */
  decline_name = g_strdup_printf (_("Decline “%s”…"), submission->title);
  accept = row_button (_("Accept"), accept_name, submission, G_CALLBACK (accept_clicked_cb), self);
  gtk_widget_add_css_class (accept, "suggested-action");
  gtk_box_append (GTK_BOX (buttons),
                  row_button (_("Decline…"), decline_name, submission, G_CALLBACK (decline_clicked_cb), self));
  gtk_box_append (GTK_BOX (buttons), accept);
  gtk_box_append (GTK_BOX (box), buttons);
  return row;
}

static void
refresh (LiaisonOnlineInbox *self)
{
  g_autoptr(LiaisonStation) here = NULL;
  g_autoptr(LiaisonLoopRules) rules = NULL;
  g_autoptr(GPtrArray) pending = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  GtkWidget *child;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL)
    return;

  here = liaison_store_get_local_station (self->store);
  pending = liaison_store_list_online_submissions (self->store, here != NULL ? here->meta.uuid : NULL, TRUE, &error);
  liaison_ui_show_message (self->error_label, NULL, error != NULL ? error->message : NULL);
  rules = liaison_store_get_loop_rules (self->store, NULL);
  liaison_date_set_today (&today);
  for (guint i = 0; pending != NULL && i < pending->len; i++)
    gtk_list_box_append (self->list, submission_row (self, g_ptr_array_index (pending, i),
                                                     rules != NULL ? rules->calendar : NULL, &today));

  count = g_strdup_printf (ngettext ("%u online submission waits to be accepted or declined.",
                                     "%u online submissions wait to be accepted or declined.",
                                     pending != NULL ? pending->len : 0),
                           pending != NULL ? pending->len : 0);
  gtk_label_set_text (self->count_label, count);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, count, -1);
  gtk_stack_set_visible_child_name (self->stack, pending != NULL && pending->len > 0 ? "list" : "empty");
}

static void
store_changed_cb (LiaisonOnlineInbox *self,
                  const char         *table)
{
  if (liaison_online_row_is_change (table))
    refresh (self);
}

LiaisonOnlineInbox *
liaison_online_inbox_new (GtkWindow    *parent,
                          LiaisonStore *store)
{
  LiaisonOnlineInbox *self = g_object_new (LIAISON_TYPE_ONLINE_INBOX,
                                           "transient-for", parent,
                                           NULL);

  liaison_ui_watch_store (&self->store, store, self, G_CALLBACK (store_changed_cb));
  refresh (self);
  return self;
}

static void
liaison_online_inbox_dispose (GObject *object)
{
  LiaisonOnlineInbox *self = LIAISON_ONLINE_INBOX (object);

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  G_OBJECT_CLASS (liaison_online_inbox_parent_class)->dispose (object);
}

static void
liaison_online_inbox_class_init (LiaisonOnlineInboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_online_inbox_dispose;
  signals[OPEN_RECEPTION] = g_signal_new ("open-reception", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
liaison_online_inbox_init (LiaisonOnlineInbox *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Online Inbox"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 600);
  gtk_box_append (GTK_BOX (toolbar), header);

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_label_set_wrap (self->count_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Online Inbox"), -1);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 760);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "mail-read-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Online Submissions Waiting"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty),
                                   _("What citizens submit for this station on the public site comes here at the next sync."));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, scrolled, "list");
  gtk_stack_add_named (self->stack, empty, "empty");
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), toolbar);
}
