/* liaison-deputy-picker.c: choose the deputies on duty by typing names. */
#define G_LOG_DOMAIN "liaison-deputy-picker"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-deputy-picker.h"
#include "liaison-store-duty.h"
#include "liaison-store-watch.h"
#include "liaison-tooltip.h"
#include "liaison-ui-a11y.h"
#include "liaison-ui-util.h"

struct _LiaisonDeputyPicker
{
  AdwBin          parent_instance;

  /* owned */
  LiaisonStore   *store;
  GArray         *deputy_ids;    /* gint64, in the order chosen */
  GArray         *match_ids;     /* gint64, one per row of matches_list */
  gboolean        hide_chips;    /* the caller lists the chosen itself */

  /* template children */
  GtkFlowBox     *chips_box;
  GtkSearchEntry *search_entry;
  GtkListBox     *matches_list;
  GtkLabel       *no_match_label;
  GtkLabel       *empty_label;
};

G_DEFINE_FINAL_TYPE (LiaisonDeputyPicker, liaison_deputy_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_chosen (LiaisonDeputyPicker *self,
           gint64               deputy_id)
{
  for (guint i = 0; i < self->deputy_ids->len; i++)
    if (g_array_index (self->deputy_ids, gint64, i) == deputy_id)
      return TRUE;
  return FALSE;
}

static void
remove_all_matches (LiaisonDeputyPicker *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->matches_list))) != NULL)
    gtk_list_box_remove (self->matches_list, child);
  g_array_set_size (self->match_ids, 0);
}

static GtkWidget *
match_row_new (const LiaisonDeputy *deputy,
               gint64               here_id,
               gboolean             on_duty)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *name = gtk_label_new (deputy->name);
  GtkWidget *details;
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: a deputy in the picker is planned on duty here today (今日值班) */
  if (on_duty)
    g_string_append_printf (text, "%s · ", _("On duty today"));
  g_string_append (text, liaison_deputy_level_label (deputy->level));

  /* Another station's deputy says which: a city deputy may sit at any. */
  if (deputy->station_id != here_id && deputy->station_name != NULL && *deputy->station_name)
    g_string_append_printf (text, " · %s", deputy->station_name);
  if (deputy->group_name != NULL && *deputy->group_name)
    g_string_append_printf (text, " · %s", deputy->group_name);
  if (deputy->specialty != NULL && *deputy->specialty)
    g_string_append_printf (text, " · %s", deputy->specialty);
  details = gtk_label_new (text->str);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (details), 0);
  gtk_label_set_ellipsize (GTK_LABEL (details), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_add_css_class (details, "dim-label");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), details);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  liaison_ui_a11y_name_from_texts (row);
  return row;
}

static gboolean
is_on_duty (GPtrArray           *on_duty,
            const LiaisonDeputy *deputy)
{
  return on_duty != NULL && g_ptr_array_find_with_equal_func (on_duty, deputy->meta.uuid, g_str_equal, NULL);
}

/* Reorders @deputies in place, those in @on_duty (uuids) first. */
static void
on_duty_first (GPtrArray *deputies,
               GPtrArray *on_duty)
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  guint n = 0;

  for (guint i = 0; i < deputies->len; i++)
    {
      gpointer deputy = g_ptr_array_index (deputies, i);

      if (is_on_duty (on_duty, deputy))
        deputies->pdata[n++] = deputy;
      else
        g_ptr_array_add (rest, deputy);
    }
  for (guint i = 0; i < rest->len; i++)
    deputies->pdata[n++] = g_ptr_array_index (rest, i);
}

/* Keeps only the deputies in @on_duty. */
static void
keep_on_duty (GPtrArray *deputies,
              GPtrArray *on_duty)
{
  for (guint i = deputies->len; i > 0; i--)
    if (!is_on_duty (on_duty, g_ptr_array_index (deputies, i - 1)))
      g_ptr_array_remove_index (deputies, i - 1);
}

/* Fills matches_list from what is typed, leaving out deputies already
 * chosen; the deputies planned on duty here today come first, marked, and
 * with nothing typed they are offered alone. */
static void
refresh_matches (LiaisonDeputyPicker *self)
{
  g_autofree char *text = liaison_ui_editable_get_trimmed (GTK_EDITABLE (self->search_entry));
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) on_duty = NULL;
  g_autoptr(LiaisonStation) here = NULL;
  g_autoptr(GError) error = NULL;

  remove_all_matches (self);
  gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), FALSE);

  if (self->store == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
      return;
    }
  here = liaison_store_get_local_station (self->store);
  /* Headquarters has no station, and nobody on duty at it. */
  if (here != NULL)
    on_duty = liaison_store_list_on_duty (self->store, NULL, NULL, NULL);
  if (*text == '\0' && (on_duty == NULL || on_duty->len == 0))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
      return;
    }

  deputies = liaison_store_list_deputies (self->store, *text != '\0' ? text : NULL, &error);
  if (deputies == NULL)
    {
      gtk_label_set_label (self->no_match_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (self->matches_list), FALSE);
      return;
    }
  /* Those of this station first, as in every other list of deputies;
   * before them, those planned on duty today. */
  liaison_ui_deputies_here_first (self->store, deputies);
  if (*text == '\0')
    keep_on_duty (deputies, on_duty);
  on_duty_first (deputies, on_duty);

  for (guint i = 0; i < deputies->len && self->match_ids->len < LIAISON_DEPUTY_PICKER_MAX_MATCHES; i++)
    {
      const LiaisonDeputy *deputy = g_ptr_array_index (deputies, i);

      if (is_chosen (self, deputy->meta.id))
        continue;
      gtk_list_box_append (self->matches_list, match_row_new (deputy, here != NULL ? here->meta.id : 0,
                                                              is_on_duty (on_duty, deputy)));
      g_array_append_val (self->match_ids, deputy->meta.id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->matches_list), self->match_ids->len > 0);
  if (self->match_ids->len == 0 && *text != '\0')
    {
      g_autofree char *message = NULL;

      if (deputies->len > 0)
        /* Translators: %s is what the clerk typed to find a deputy */
        message = g_strdup_printf (_("Every deputy matching “%s” is already added."), text);
      else
        /* Translators: %s is what the clerk typed to find a deputy */
        message = g_strdup_printf (_("No deputy on the roster matches “%s”."), text);
      gtk_label_set_label (self->no_match_label, message);
      gtk_widget_set_visible (GTK_WIDGET (self->no_match_label), TRUE);
    }
}

static void
update_empty_hint (LiaisonDeputyPicker *self)
{
  g_autoptr(GPtrArray) deputies = NULL;
  gboolean empty = FALSE;

  if (self->store != NULL)
    {
      deputies = liaison_store_list_deputies (self->store, NULL, NULL);
      empty = deputies != NULL && deputies->len == 0;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->empty_label), empty);
}

static void
chip_clicked_cb (GtkButton           *button,
                 LiaisonDeputyPicker *self)
{
  const gint64 *deputy_id = g_object_get_data (G_OBJECT (button), "deputy-id");

  /* The chip goes away with the click: keep the focus in the picker. */
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  liaison_deputy_picker_remove_deputy (self, *deputy_id);
}

static GtkWidget *
chip_new (LiaisonDeputyPicker *self,
          gint64               deputy_id,
          const char          *name)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  /* Translators: %s is a deputy's name; the button takes them off the reception */
  g_autofree char *remove = g_strdup_printf (_("Remove %s"), name);

  gtk_box_append (GTK_BOX (box), gtk_label_new (name));
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  liaison_ui_set_tooltip (button, remove);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "deputy-id",
                          g_memdup2 (&deputy_id, sizeof deputy_id), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  return button;
}

/* Adds without telling: callers emit ::changed once. */
static gboolean
add_deputy (LiaisonDeputyPicker *self,
            gint64               deputy_id)
{
  g_autoptr(LiaisonDeputy) deputy = NULL;
  GtkWidget *chip;

  if (self->store == NULL || deputy_id <= 0 || is_chosen (self, deputy_id))
    return FALSE;
  deputy = liaison_store_get_deputy (self->store, deputy_id, NULL);
  if (deputy == NULL || deputy->meta.deleted)
    return FALSE;

  g_array_append_val (self->deputy_ids, deputy_id);
  chip = chip_new (self, deputy_id, deputy->name);
  gtk_flow_box_append (self->chips_box, chip);
  /* The chip's cell in the flow box, not only its remove button, says who. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (chip)),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, deputy->name, -1);
  /* The chip's button takes the focus, not the flow box's child. */
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), !self->hide_chips);
  return TRUE;
}

static void
add_match (LiaisonDeputyPicker *self,
           guint                index)
{
  gint64 deputy_id;

  if (index >= self->match_ids->len)
    return;
  deputy_id = g_array_index (self->match_ids, gint64, index);
  /* Clearing the text empties the matches: the clerk types the next name. */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (add_deputy (self, deputy_id))
    g_signal_emit (self, signals[CHANGED], 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (LiaisonDeputyPicker *self)
{
  refresh_matches (self);
}

static void
search_activate_cb (LiaisonDeputyPicker *self)
{
  /* Enter adds what was typed for, not an offer made to an empty entry. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    return;
  refresh_matches (self);
  add_match (self, 0);
}

static void
match_activated_cb (LiaisonDeputyPicker *self,
                    GtkListBoxRow       *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index >= 0)
    add_match (self, index);
}

/* Escape clears what was typed; on an empty entry it leaves the window,
 * as it would anywhere else in a dialog. */
static gboolean
search_key_pressed_cb (GtkEventControllerKey *controller,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       LiaisonDeputyPicker   *self)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return FALSE;
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  else
    gtk_widget_activate_action (GTK_WIDGET (self), "window.close", NULL);
  return TRUE;
}

static void
store_changed_cb (LiaisonDeputyPicker *self)
{
  update_empty_hint (self);
  refresh_matches (self);
}

static void
liaison_deputy_picker_dispose (GObject *object)
{
  LiaisonDeputyPicker *self = (LiaisonDeputyPicker *) object;

  liaison_ui_watch_store (&self->store, NULL, self, NULL);
  /* AdwBin holds its child; let it go before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LIAISON_TYPE_DEPUTY_PICKER);

  G_OBJECT_CLASS (liaison_deputy_picker_parent_class)->dispose (object);
}

static void
liaison_deputy_picker_finalize (GObject *object)
{
  LiaisonDeputyPicker *self = (LiaisonDeputyPicker *) object;

  g_array_unref (self->deputy_ids);
  g_array_unref (self->match_ids);

  G_OBJECT_CLASS (liaison_deputy_picker_parent_class)->finalize (object);
}

static void
liaison_deputy_picker_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  LiaisonDeputyPicker *self = LIAISON_DEPUTY_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_deputy_picker_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  LiaisonDeputyPicker *self = LIAISON_DEPUTY_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      liaison_deputy_picker_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
liaison_deputy_picker_class_init (LiaisonDeputyPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_deputy_picker_dispose;
  object_class->finalize = liaison_deputy_picker_finalize;
  object_class->get_property = liaison_deputy_picker_get_property;
  object_class->set_property = liaison_deputy_picker_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         LIAISON_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LiaisonDeputyPicker::changed:
   *
   * A deputy was added or removed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-deputy-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyPicker, chips_box);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyPicker, matches_list);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyPicker, no_match_label);
  gtk_widget_class_bind_template_child (widget_class, LiaisonDeputyPicker, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, match_activated_cb);
}

static void
liaison_deputy_picker_init (LiaisonDeputyPicker *self)
{
  GtkEventController *keys;

  self->deputy_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->match_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);
}

GtkWidget *
liaison_deputy_picker_new (LiaisonStore *store)
{
  return g_object_new (LIAISON_TYPE_DEPUTY_PICKER, "store", store, NULL);
}

LiaisonStore *
liaison_deputy_picker_get_store (LiaisonDeputyPicker *self)
{
  g_return_val_if_fail (LIAISON_IS_DEPUTY_PICKER (self), NULL);
  return self->store;
}

void
liaison_deputy_picker_set_store (LiaisonDeputyPicker *self,
                                 LiaisonStore        *store)
{
  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));
  g_return_if_fail (store == NULL || LIAISON_IS_STORE (store));

  if (self->store == store)
    return;

  liaison_ui_watch_store_detailed (&self->store, store, "changed::deputies", self, G_CALLBACK (store_changed_cb));
  /* The roster planned someone on duty today: offer them. */
  if (store != NULL)
    g_signal_connect_object (store, "changed::duty_shifts", G_CALLBACK (refresh_matches), self, G_CONNECT_SWAPPED);

  update_empty_hint (self);
  refresh_matches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * liaison_deputy_picker_get_deputy_ids:
 * @self: a picker
 *
 * Returns: (transfer full) (element-type gint64): the chosen deputies
 */
GArray *
liaison_deputy_picker_get_deputy_ids (LiaisonDeputyPicker *self)
{
  GArray *ids;

  g_return_val_if_fail (LIAISON_IS_DEPUTY_PICKER (self), NULL);

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), self->deputy_ids->len);
  g_array_append_vals (ids, self->deputy_ids->data, self->deputy_ids->len);
  return ids;
}

void
liaison_deputy_picker_set_deputy_ids (LiaisonDeputyPicker *self,
                                      const GArray        *deputy_ids)
{
  GtkWidget *child;

  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));

  g_array_set_size (self->deputy_ids, 0);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);

  if (deputy_ids != NULL)
    for (guint i = 0; i < deputy_ids->len; i++)
      add_deputy (self, g_array_index (deputy_ids, gint64, i));
  refresh_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

gboolean
liaison_deputy_picker_add_deputy (LiaisonDeputyPicker *self,
                                  gint64               deputy_id)
{
  g_return_val_if_fail (LIAISON_IS_DEPUTY_PICKER (self), FALSE);

  if (!add_deputy (self, deputy_id))
    return FALSE;
  refresh_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
  return TRUE;
}

void
liaison_deputy_picker_remove_deputy (LiaisonDeputyPicker *self,
                                     gint64               deputy_id)
{
  GtkWidget *child;
  guint i;

  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));

  for (i = 0; i < self->deputy_ids->len; i++)
    if (g_array_index (self->deputy_ids, gint64, i) == deputy_id)
      break;
  if (i == self->deputy_ids->len)
    return;
  g_array_remove_index (self->deputy_ids, i);

  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));
      const gint64 *chip_id = g_object_get_data (G_OBJECT (chip), "deputy-id");

      if (chip_id != NULL && *chip_id == deputy_id)
        {
          gtk_flow_box_remove (self->chips_box, child);
          break;
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), self->deputy_ids->len > 0 && !self->hide_chips);
  refresh_matches (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
liaison_deputy_picker_focus (LiaisonDeputyPicker *self)
{
  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Names the entry for what the deputies are chosen for, such as "Add a
 * deputy on duty" (the default, a reception's). */
void
liaison_deputy_picker_set_label (LiaisonDeputyPicker *self,
                                 const char          *label)
{
  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* For a caller that lists the chosen deputies itself (the activity
 * editor, with each one's attendance): no chips, and @label names the
 * entry. */
void
liaison_deputy_picker_set_lists_chosen (LiaisonDeputyPicker *self,
                                        const char          *label)
{
  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));

  self->hide_chips = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->chips_box), FALSE);
  liaison_deputy_picker_set_label (self, label);
}

/* The deputies planned on duty today changed (the roster): offer them. */
void
liaison_deputy_picker_refresh (LiaisonDeputyPicker *self)
{
  g_return_if_fail (LIAISON_IS_DEPUTY_PICKER (self));
  refresh_matches (self);
}
