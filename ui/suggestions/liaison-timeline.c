/* liaison-timeline.c: a suggestion's moves as a vertical timeline, each
 * recorded here and not yet taken by headquarters with a note saying so;
 * a reply's files open from it once they are on this computer. */
#define G_LOG_DOMAIN "liaison-timeline"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "liaison-open-attachment.h"
#include "liaison-store-attachments.h"
#include "liaison-store-sync.h"
#include "liaison-timeline.h"
#include "liaison-tooltip.h"
#include "liaison-ui-util.h"

struct _LiaisonTimeline
{
  AdwBin parent_instance;

  /* owned */
  LiaisonStore *store;
  GHashTable   *unit_names;  /* uuid -> name, read once per set_events */

  guint n_events;

  /* children */
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (LiaisonTimeline, liaison_timeline, ADW_TYPE_BIN)

static const char *
unit_name (LiaisonTimeline *self,
           const char      *uuid)
{
  const char *name = NULL;

  if (uuid == NULL)
    return "";
  if (self->unit_names != NULL)
    name = g_hash_table_lookup (self->unit_names, uuid);
  /* A unit headquarters has since removed from the list. */
  return name != NULL ? name : _("Unknown unit");
}

static char *
deputy_name (LiaisonTimeline *self,
             const char      *uuid)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  gint64 id;

  if (uuid == NULL || self->store == NULL)
    return g_strdup ("");
  id = liaison_store_find_deputy_by_uuid (self->store, uuid);
  if (id != 0)
    deputy = liaison_store_get_deputy (self->store, id, NULL);
  if (deputy == NULL)
    return g_strdup (_("A deputy not on this roster"));
  return g_strdup (deputy->name);
}

static char *
join_units (LiaisonTimeline    *self,
            const char * const *uuids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      if (text->len > 0)
        /* Translators: between names in a list; zh_CN uses "、" */
        g_string_append (text, _(", "));
      g_string_append (text, unit_name (self, uuids[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
join_deputies (LiaisonTimeline    *self,
               const char * const *uuids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      g_autofree char *name = deputy_name (self, uuids[i]);

      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, name);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
add_line (GtkBox     *box,
          const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (box, label);
  return label;
}

/* "Lead unit: 市住建局": a field of the move and its value. */
static void
add_field (GtkBox     *box,
           const char *field,
           const char *value)
{
  /* Translators: a field of a move on the timeline and its value, "Lead unit: 市住建局" */
  g_autofree char *text = g_strdup_printf (_("%s: %s"), field, value);

  add_line (box, text, "timeline-field");
}

static void
open_attachment_cb (GtkButton *button)
{
  liaison_ui_open_attachment (GTK_WIDGET (button),
                              g_object_get_data (G_OBJECT (button), "path"),
                              g_object_get_data (G_OBJECT (button), "sha256"),
                              g_object_get_data (G_OBJECT (button), "name"));
}

/* One file of a reply: its name and size, and a button that opens it;
 * a file not here yet says when it comes instead. */
static void
add_attachment (LiaisonTimeline *self,
                GtkListBox      *list,
                const char      *sha256,
                const char      *name)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("text-x-generic-symbolic");
  GtkWidget *words = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *path = self->store != NULL ? liaison_store_get_attachment_path (self->store, sha256) : NULL;
  GtkWidget *label;
  GtkWidget *row;

  gtk_widget_add_css_class (line, "timeline-attachment");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "dim-label");
  gtk_box_append (GTK_BOX (line), icon);
  gtk_widget_set_hexpand (words, TRUE);
  gtk_box_append (GTK_BOX (line), words);
  add_line (GTK_BOX (words), name, "timeline-attachment-name");

  if (path != NULL)
    {
      gint64 size = liaison_store_get_attachment_size (self->store, sha256);
      g_autofree char *size_text = g_format_size (size > 0 ? (guint64) size : 0);
      GtkWidget *button = gtk_button_new_from_icon_name ("document-open-symbolic");
      /* Translators: a screen reader's words for the button that opens a reply's file, "Open 答复函.pdf" */
      g_autofree char *accessible = g_strdup_printf (_("Open %s"), name);

      label = add_line (GTK_BOX (words), size_text, "timeline-attachment-size");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_name (button, "open-attachment");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      /* Translators: the tooltip of the button that opens a reply's file */
      liaison_ui_set_tooltip (button, _("Open with the default app"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      g_object_set_data_full (G_OBJECT (button), "path", g_steal_pointer (&path), g_free);
      g_object_set_data_full (G_OBJECT (button), "sha256", g_strdup (sha256), g_free);
      g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (open_attachment_cb), NULL);
      gtk_box_append (GTK_BOX (line), button);
    }
  else
    {
      /* Pulled with its reply; the file itself comes with the next sync. */
      label = add_line (GTK_BOX (words), _("Arrives with the next sync"), "timeline-attachment-missing");
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_list_box_append (list, line);
  /* The row is only a frame: the focus goes to its button. */
  row = gtk_widget_get_parent (line);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
}

static void
add_attachments (LiaisonTimeline        *self,
                 GtkBox                 *box,
                 const LiaisonLoopEvent *event)
{
  guint n_attachments = event->attachments ? g_strv_length (event->attachments) : 0;
  guint n_names = event->attachment_names ? g_strv_length (event->attachment_names) : 0;
  g_autofree char *heading = NULL;
  GtkWidget *list;

  if (n_attachments == 0)
    return;
  heading = g_strdup_printf (ngettext ("%u attachment", "%u attachments", n_attachments), n_attachments);
  add_line (box, heading, "timeline-field");
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "timeline-attachments");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  gtk_box_append (box, list);
  for (guint i = 0; i < n_attachments; i++)
    {
      /* Translators: a reply's file whose name did not come with it, "Attachment 2" */
      g_autofree char *name = i < n_names ? g_strdup (event->attachment_names[i])
                                          : g_strdup_printf (_("Attachment %u"), i + 1);

      add_attachment (self, GTK_LIST_BOX (list), event->attachments[i], name);
    }
}

/* The move's own fields. */
static void
add_content (LiaisonTimeline        *self,
             GtkBox                 *box,
             const LiaisonLoopEvent *event)
{
  switch (event->move)
    {
    case LIAISON_LOOP_MOVE_REGISTER:
      if (event->kind == LIAISON_LOOP_KIND_DEPUTY_SUGGESTION)
        {
          g_autofree char *names = join_deputies (self, (const char * const *) event->co_signers);

          add_field (box, _("Kind"), liaison_loop_kind_label (event->kind));
          if (*names != '\0')
            add_field (box, _("Co-signers"), names);
        }
      break;

    case LIAISON_LOOP_MOVE_TAKE_UP:
    case LIAISON_LOOP_MOVE_ANSWER_ON_SPOT:
      {
        g_autofree char *name = deputy_name (self, event->deputy_uuid);

        /* Usually the deputy is the one who recorded it: say it once. */
        if (*name != '\0' && g_strcmp0 (name, event->actor_name) != 0)
          add_field (box, _("Deputy"), name);
        if (event->move == LIAISON_LOOP_MOVE_ANSWER_ON_SPOT && !liaison_loop_text_is_blank (event->answer))
          add_field (box, _("Answer"), event->answer);
      }
      break;

    case LIAISON_LOOP_MOVE_REFER:
      {
        g_autofree char *co_units = join_units (self, (const char * const *) event->co_unit_uuids);
        g_autofree char *due = liaison_date_to_iso (&event->due_date);

        add_field (box, _("Lead unit"), unit_name (self, event->lead_unit_uuid));
        if (*co_units != '\0')
          add_field (box, _("Co-units"), co_units);
        if (*due != '\0')
          add_field (box, _("Due date"), due);
      }
      break;

    case LIAISON_LOOP_MOVE_REPLY:
      {
        g_autofree char *date = liaison_date_to_iso (&event->reply_date);

        add_field (box, _("Replying unit"), unit_name (self, event->replying_unit_uuid));
        if (*date != '\0')
          add_field (box, _("Reply date"), date);
        if (!liaison_loop_text_is_blank (event->reply_text))
          add_line (box, event->reply_text, "timeline-text");
        add_attachments (self, box, event);
      }
      break;

    case LIAISON_LOOP_MOVE_RATE:
      /* The title says a citizen's own rating was made online. */
      if ((guint) event->asked < LIAISON_N_LOOP_ASKED && event->role != LIAISON_LOOP_ROLE_CITIZEN)
        add_field (box, _("Asked"), liaison_loop_asked_label (event->asked));
      if (!liaison_loop_text_is_blank (event->rated_by))
        add_field (box, _("Asked by"), event->rated_by);
      if (event->rating == LIAISON_LOOP_RATING_UNSATISFIED)
        add_line (box, _("The suggestion was reopened and awaits referral again."), "timeline-reopened");
      break;

    case LIAISON_LOOP_MOVE_WITHDRAW:
      if (!liaison_loop_text_is_blank (event->reason))
        add_field (box, _("Reason"), event->reason);
      break;

    case LIAISON_LOOP_MOVE_SUPERVISE:
      add_line (box, event->key_supervision ? _("Under key supervision") : _("Not under key supervision"),
                "timeline-field");
      break;

    case LIAISON_LOOP_MOVE_START:
    case LIAISON_LOOP_MOVE_CLOSE:
    case LIAISON_N_LOOP_MOVES:
    default:
      break;
    }
}

/* What a move recorded here and not yet sent is called: a station's wait
 * for headquarters; headquarters' own moves only wait for the server, and
 * a headquarters desk with no server never sends them at all (NULL). */
static const char *
waiting_note (LiaisonTimeline *self)
{
  if (self->store == NULL || liaison_store_get_sync_role (self->store) != LIAISON_SYNC_ROLE_HQ)
    return _("Not sent to headquarters yet");
  if (!liaison_store_is_enrolled (self->store))
    return NULL;
  return _("Not synced yet");
}

/* A move recorded here that headquarters has not taken yet: waiting to
 * be sent (@waiting), or refused with the server's reason. */
static void
add_sync_note (GtkBox     *box,
               GHashTable *unsent,
               const char *uuid,
               const char *waiting)
{
  const char *reason = NULL;
  GtkWidget *label;

  if (unsent == NULL || uuid == NULL ||
      !g_hash_table_lookup_extended (unsent, uuid, NULL, (gpointer *) &reason))
    return;
  if (reason == NULL && waiting == NULL)
    return;
  if (reason == NULL)
    {
      label = add_line (box, waiting, "timeline-unsent");
      gtk_widget_add_css_class (label, "dim-label");
    }
  else
    {
      /* Translators: %s is the server's reason, in its own words */
      g_autofree char *text = *reason != '\0' ? g_strdup_printf (_("Headquarters refused this step: %s"), reason)
                                               : g_strdup (_("Headquarters refused this step."));

      label = add_line (box, text, "timeline-refused");
      gtk_widget_add_css_class (label, "error");
    }
}

static GtkWidget *
make_row (LiaisonTimeline        *self,
          const LiaisonLoopEvent *event,
          gboolean                rejected,
          GHashTable             *unsent,
          const char             *waiting,
          gboolean                last)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *rail = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *title = liaison_loop_event_title (event);
  g_autofree char *when = liaison_ui_format_local (event->at);
  const char *role = liaison_loop_role_label (event->role);
  const char *who = event->actor_name;
  g_autofree char *meta = NULL;
  g_autofree char *accessible = NULL;

  /* A blind rating names nobody, on purpose (docs/closed-loop.md). */
  if (event->role == LIAISON_LOOP_ROLE_CITIZEN)
    /* Translators: who made a citizen's own rating on the public site, on the timeline */
    who = _("The public site");
  else if (liaison_loop_text_is_blank (who))
    who = event->move == LIAISON_LOOP_MOVE_RATE ? _("Rated without a name") : _("Unknown");

  gtk_widget_add_css_class (row, "timeline-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_name (row, liaison_loop_move_to_code (event->move));

  gtk_widget_add_css_class (rail, "timeline-rail");
  gtk_widget_add_css_class (dot, "timeline-dot");
  gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (line, "timeline-line");
  gtk_widget_set_halign (line, GTK_ALIGN_CENTER);
  gtk_widget_set_vexpand (line, TRUE);
  /* The line leads to the next move; the last has none. */
  gtk_widget_set_visible (line, !last);
  gtk_box_append (GTK_BOX (rail), dot);
  gtk_box_append (GTK_BOX (rail), line);
  gtk_box_append (GTK_BOX (outer), rail);

  gtk_widget_set_hexpand (body, TRUE);
  gtk_widget_set_margin_bottom (body, 12);
  add_line (GTK_BOX (body), title, "timeline-title");
  /* Translators: who made a move on the timeline, in which role, and when: "王建国 · Deputy · 2025-09-26 10:30" */
  meta = g_strdup_printf (_("%s · %s · %s"), who, role, when);
  add_line (GTK_BOX (body), meta, "timeline-meta");
  add_content (self, GTK_BOX (body), event);
  if (!liaison_loop_text_is_blank (event->note))
    add_line (GTK_BOX (body), event->note, "timeline-note");
  add_sync_note (GTK_BOX (body), unsent, event->uuid, waiting);
  if (rejected)
    {
      add_line (GTK_BOX (body), _("Not applied: another step was recorded first"), "timeline-rejected-note");
      gtk_widget_add_css_class (row, "rejected");
    }
  else if (last)
    gtk_widget_add_css_class (row, "current");
  gtk_box_append (GTK_BOX (outer), body);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), outer);

  if (rejected)
    /* Translators: a screen reader's words for a timeline entry that was not applied:
     * "Take up, 王建国 (Deputy), 2025-09-26 10:30, not applied" */
    accessible = g_strdup_printf (_("%s, %s (%s), %s, not applied"), title, who, role, when);
  else
    /* Translators: a screen reader's words for a timeline entry: "Take up, 王建国 (Deputy), 2025-09-26 10:30" */
    accessible = g_strdup_printf (_("%s, %s (%s), %s"), title, who, role, when);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return row;
}

static void
clear_rows (LiaisonTimeline *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  self->n_events = 0;
}

static void
load_unit_names (LiaisonTimeline *self)
{
  g_autoptr(GPtrArray) units = NULL;

  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  self->unit_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (self->store == NULL)
    return;
  units = liaison_store_list_units (self->store, NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      const LiaisonUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (self->unit_names, g_strdup (unit->meta.uuid), g_strdup (unit->name));
    }
}

static gboolean
is_rejected (const LiaisonLoopState *state,
             const char             *uuid)
{
  if (state == NULL || state->rejected == NULL || uuid == NULL)
    return FALSE;
  return g_ptr_array_find_with_equal_func (state->rejected, uuid, g_str_equal, NULL);
}

/**
 * liaison_timeline_set_events:
 * @events: (nullable) (element-type LiaisonLoopEvent): the timeline
 * @state: (nullable): the replay of @events
 * @unsent: (nullable): liaison_store_list_unsent_events() of the suggestion
 *
 * Shows @events, oldest first.
 */
void
liaison_timeline_set_events (LiaisonTimeline        *self,
                             GPtrArray              *events,
                             const LiaisonLoopState *state,
                             GHashTable             *unsent)
{
  const char *waiting;

  g_return_if_fail (LIAISON_IS_TIMELINE (self));

  clear_rows (self);
  if (events == NULL)
    return;

  load_unit_names (self);
  waiting = waiting_note (self);
  for (guint i = 0; i < events->len; i++)
    {
      const LiaisonLoopEvent *event = g_ptr_array_index (events, i);
      GtkWidget *row = make_row (self, event, is_rejected (state, event->uuid), unsent, waiting,
                                 i + 1 == events->len);

      gtk_list_box_append (self->list, row);
    }
  self->n_events = events->len;
}

/**
 * liaison_timeline_set_store:
 *
 * Sets where unit and deputy names, and replies' files, are read from.
 */
void
liaison_timeline_set_store (LiaisonTimeline *self,
                            LiaisonStore    *store)
{
  g_return_if_fail (LIAISON_IS_TIMELINE (self));
  g_return_if_fail (store == NULL || LIAISON_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * liaison_timeline_get_n_events:
 *
 * Returns: how many moves the timeline shows
 */
guint
liaison_timeline_get_n_events (LiaisonTimeline *self)
{
  g_return_val_if_fail (LIAISON_IS_TIMELINE (self), 0);
  return self->n_events;
}

/**
 * liaison_timeline_get_row:
 *
 * Returns: (transfer none) (nullable): the row of the @index-th move
 */
GtkWidget *
liaison_timeline_get_row (LiaisonTimeline *self,
                          guint            index)
{
  g_return_val_if_fail (LIAISON_IS_TIMELINE (self), NULL);

  if (index >= self->n_events)
    return NULL;
  return GTK_WIDGET (gtk_list_box_get_row_at_index (self->list, (int) index));
}

/**
 * liaison_timeline_new:
 *
 * Returns: (transfer floating): an empty timeline
 */
GtkWidget *
liaison_timeline_new (void)
{
  return g_object_new (LIAISON_TYPE_TIMELINE, NULL);
}

static void
liaison_timeline_dispose (GObject *object)
{
  LiaisonTimeline *self = LIAISON_TIMELINE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  self->list = NULL;
  g_clear_object (&self->store);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  G_OBJECT_CLASS (liaison_timeline_parent_class)->dispose (object);
}

static void
liaison_timeline_class_init (LiaisonTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_timeline_dispose;

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
liaison_timeline_init (LiaisonTimeline *self)
{
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "timeline-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Timeline"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->list));
}
