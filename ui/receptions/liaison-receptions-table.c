/* liaison-receptions-table.c: the receptions as a compact table.
 *
 * A GtkColumnView over the receptions page's own selection, so that the
 * table reads the same pages of the same paged model as the cards, keeps
 * the same selection, and never a row more. Every cell is a one-line
 * label; the summary takes the room that is left.
 */
#define G_LOG_DOMAIN "liaison-receptions-table"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-retention.h"
#include "liaison-reception-item.h"
#include "liaison-receptions-table.h"
#include "liaison-search.h"
#include "liaison-search-highlight.h"
#include "liaison-tooltip.h"

typedef enum {
  COLUMN_DATE,
  COLUMN_STATION,
  COLUMN_VISITORS,
  COLUMN_PHONE,
  COLUMN_COMMUNITY,
  COLUMN_DEPUTIES,
  COLUMN_CATEGORY,
  COLUMN_SUMMARY,
  COLUMN_SYNC,
  N_COLUMNS
} Column;

struct _LiaisonReceptionsTable
{
  AdwBin parent_instance;

  /* template children */
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];

  /* owned: every column, also while it is out of the view */
  GtkColumnViewColumn *owned[N_COLUMNS];
  gboolean             shows_sync;
  gboolean             shows_station;
};

G_DEFINE_FINAL_TYPE (LiaisonReceptionsTable, liaison_receptions_table, ADW_TYPE_BIN)

/* The template ids of the columns, in the order of Column. */
static const char * const column_ids[N_COLUMNS] = {
  "date_column",
  "station_column",
  "visitors_column",
  "phone_column",
  "community_column",
  "deputies_column",
  "category_column",
  "summary_column",
  "sync_column",
};

#define CELL_TOOLTIP_KEY "liaison-cell-tooltip"

/* Whether @column's cells have the whole text as a tooltip, in case the
 * column cuts it short. */
static gboolean
column_has_tooltip (Column column)
{
  return column == COLUMN_SUMMARY || column == COLUMN_COMMUNITY || column == COLUMN_DEPUTIES ||
         column == COLUMN_STATION;
}

static gboolean
cell_query_tooltip_cb (GtkWidget  *label,
                       int         x,
                       int         y,
                       gboolean    keyboard,
                       GtkTooltip *tooltip)
{
  const char *text = g_object_get_data (G_OBJECT (label), CELL_TOOLTIP_KEY);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, liaison_ui_tooltip_label_new (text));
  return TRUE;
}

/* The tooltip of a cell, as liaison_ui_set_tooltip() shows it and with
 * the same accessible description, but kept aside rather than as the
 * label's tooltip-text: GTK 4.8 asks the X server where the pointer is at
 * every new tooltip-text, and a table's first page binds some 800 such
 * cells (docs/benchmarks.md, "The app's start"). */
static void
set_cell_tooltip (GtkWidget  *label,
                  const char *text)
{
  g_object_set_data_full (G_OBJECT (label), CELL_TOOLTIP_KEY, g_strdup (text), g_free);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  if (column == COLUMN_SYNC)
    gtk_widget_add_css_class (label, "sync-state");
  else if (column == COLUMN_CATEGORY)
    gtk_widget_add_css_class (label, "category-label");
  if (column_has_tooltip (column))
    {
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
    }
  gtk_list_item_set_child (list_item, label);
}

/* The visitors' names: the list query reads the first visitor only. */
static char *
describe_visitors (const LiaisonReception *reception)
{
  const LiaisonVisitor *visitor;

  if (reception->visitors->len == 0)
    return g_strdup ("");
  visitor = g_ptr_array_index (reception->visitors, 0);
  return g_strdup (visitor->name != NULL && *visitor->name ? liaison_retention_shown_name (visitor->name)
                                                           : _("Anonymous"));
}

static char *
cell_text (const LiaisonReception *reception,
           Column                  column)
{
  const LiaisonVisitor *visitor = reception->visitors->len > 0 ? g_ptr_array_index (reception->visitors, 0) : NULL;
  char *text;

  switch (column)
    {
    case COLUMN_DATE:
      return g_strdup (reception->received_at);
    case COLUMN_STATION:
      return g_strdup (reception->station_name);
    case COLUMN_VISITORS:
      return describe_visitors (reception);
    case COLUMN_PHONE:
      return g_strdup (visitor != NULL ? visitor->phone : NULL);
    case COLUMN_COMMUNITY:
      return g_strdup (visitor != NULL ? visitor->community : NULL);
    case COLUMN_DEPUTIES:
      return g_strdup (reception->deputy_names);
    case COLUMN_CATEGORY:
      return g_strdup (reception->category_name);
    case COLUMN_SUMMARY:
      text = g_strdup (reception->summary);
      if (text != NULL)
        g_strdelimit (text, "\r\n\t", ' ');
      return text;
    case COLUMN_SYNC:
      /* As on the cards: a column of "Synced" says nothing. */
      return g_strdup (liaison_sync_state_note (reception->meta.sync_state));
    case N_COLUMNS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* GTK 4.8 gives a column view's rows no accessible name of their own: the
 * row widget, the cell's parent, is named after the visit here. */
static void
name_row (GtkWidget              *cell_child,
          const LiaisonReception *reception)
{
  GtkWidget *cell = gtk_widget_get_parent (cell_child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *visitors = NULL;
  g_autofree char *name = NULL;

  if (row == NULL)
    return;
  if (reception == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL);
      return;
    }
  visitors = describe_visitors (reception);
  /* Translators: a row of the receptions table, for screen readers:
   * the date, the visitor and the category, "2024-03-05 09:30 张三 城乡建设" */
  name = g_strdup_printf (_("%s %s %s"), reception->received_at, visitors,
                          reception->category_name ? reception->category_name : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  const LiaisonReception *reception = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autofree char *text = NULL;
  g_autofree char *markup = NULL;

  /* A row can vanish between the count and the read of its page. */
  if (item != NULL)
    {
      reception = liaison_reception_item_get_reception (LIAISON_RECEPTION_ITEM (item));
      text = cell_text (reception, column);
      terms = liaison_search_parse (liaison_reception_item_get_search (LIAISON_RECEPTION_ITEM (item)));
    }
  /* What a search matched is marked, as on the cards; a phone is masked
   * as everywhere in the lists, its matched digits marked. */
  if (text == NULL || *text == '\0' || column == COLUMN_SYNC)
    markup = g_markup_escape_text (text != NULL ? text : "", -1);
  else if (column == COLUMN_PHONE)
    markup = liaison_search_highlight_phone (text, terms);
  else
    {
      /* A long summary starts a little before its match, so it shows. */
      g_autofree char *shown = column == COLUMN_SUMMARY ? liaison_search_highlight_from_match (text, terms)
                                                        : g_strdup (text);

      g_strdelimit (shown, "\r\n\t", ' ');
      markup = liaison_search_highlight_text (shown, terms);
    }
  gtk_label_set_markup (GTK_LABEL (label), markup);
  /* Never the whole phone in a tooltip. */
  if (column == COLUMN_PHONE)
    g_clear_pointer (&text, g_free);
  /* The whole summary or community, when the column cuts it short. */
  if (column_has_tooltip (column))
    set_cell_tooltip (label, text != NULL && *text ? text : NULL);
  if (column == COLUMN_DATE)
    name_row (label, reception);
}

/**
 * liaison_receptions_table_set_model:
 *
 * Shows the receptions of @selection.
 */
void
liaison_receptions_table_set_model (LiaisonReceptionsTable *self,
                                    GtkSelectionModel      *selection)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_TABLE (self));
  g_return_if_fail (selection == NULL || GTK_IS_SELECTION_MODEL (selection));

  gtk_column_view_set_model (self->column_view, selection);
}

/**
 * liaison_receptions_table_set_shows_sync:
 *
 * Shows or hides the sync state column.
 */
static gboolean
column_wanted (LiaisonReceptionsTable *self,
               Column                  column)
{
  if (column == COLUMN_SYNC)
    return self->shows_sync;
  if (column == COLUMN_STATION)
    return self->shows_station;
  return TRUE;
}

/* Taken out rather than hidden: GTK 4.8 keeps a hidden column's width out
 * of the room it shares among the others. GTK 4.8 cannot insert a column
 * either, so the columns after a change are put back in order. */
static void
update_columns (LiaisonReceptionsTable *self)
{
  guint first_change = N_COLUMNS;

  for (guint i = 0; i < N_COLUMNS && first_change == N_COLUMNS; i++)
    if ((gtk_column_view_column_get_column_view (self->owned[i]) != NULL) != column_wanted (self, i))
      first_change = i;
  for (guint i = first_change; i < N_COLUMNS; i++)
    if (gtk_column_view_column_get_column_view (self->owned[i]) != NULL)
      gtk_column_view_remove_column (self->column_view, self->owned[i]);
  for (guint i = first_change; i < N_COLUMNS; i++)
    if (column_wanted (self, i))
      gtk_column_view_append_column (self->column_view, self->owned[i]);
}

void
liaison_receptions_table_set_shows_sync (LiaisonReceptionsTable *self,
                                         gboolean                shows_sync)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_TABLE (self));

  self->shows_sync = shows_sync;
  update_columns (self);
}

/**
 * liaison_receptions_table_set_shows_station:
 *
 * Shows or hides the station column: headquarters sees every station's.
 */
void
liaison_receptions_table_set_shows_station (LiaisonReceptionsTable *self,
                                            gboolean                shows_station)
{
  g_return_if_fail (LIAISON_IS_RECEPTIONS_TABLE (self));

  self->shows_station = shows_station;
  update_columns (self);
}

/**
 * liaison_receptions_table_get_column_view:
 *
 * Returns: (transfer none): the table's column view
 */
GtkColumnView *
liaison_receptions_table_get_column_view (LiaisonReceptionsTable *self)
{
  g_return_val_if_fail (LIAISON_IS_RECEPTIONS_TABLE (self), NULL);
  return self->column_view;
}

static void
liaison_receptions_table_dispose (GObject *object)
{
  LiaisonReceptionsTable *self = LIAISON_RECEPTIONS_TABLE (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), LIAISON_TYPE_RECEPTIONS_TABLE);
  for (guint i = 0; i < N_COLUMNS; i++)
    g_clear_object (&self->owned[i]);
  G_OBJECT_CLASS (liaison_receptions_table_parent_class)->dispose (object);
}

static void
liaison_receptions_table_class_init (LiaisonReceptionsTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_receptions_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/liaison/Liaison/liaison-receptions-table.ui");
  gtk_widget_class_bind_template_child (widget_class, LiaisonReceptionsTable, column_view);
  for (guint i = 0; i < N_COLUMNS; i++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[i], FALSE,
                                               G_STRUCT_OFFSET (LiaisonReceptionsTable, columns) +
                                               i * sizeof (GtkColumnViewColumn *));
}

static void
liaison_receptions_table_init (LiaisonReceptionsTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (i));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      gtk_column_view_column_set_factory (self->columns[i], factory);
    }
  for (guint i = 0; i < N_COLUMNS; i++)
    self->owned[i] = g_object_ref (self->columns[i]);
  self->shows_sync = TRUE;
  /* Only headquarters' desk has every station's receptions. */
  self->shows_station = FALSE;
  update_columns (self);
}
