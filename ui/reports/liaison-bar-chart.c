/* liaison-bar-chart.c: a horizontal bar chart drawn with GtkSnapshot.
 *
 * The labels take the left column (at most LABEL_SHARE of the width,
 * ellipsized past it), the bars the rest but for the widest value written
 * after them. The text is the widget's CSS colour and the bars the accent
 * colour of the style, so that a dark style gets light text and its own
 * accent; nothing here names a colour. A click on a row emits
 * "bar-activated" with its index.
 */
#define G_LOG_DOMAIN "liaison-bar-chart"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-bar-chart.h"

#define PADDING      6   /* around the chart */
#define GAP          8   /* between a label, its bar and its value */
#define ROW_SPACING  6
#define MIN_BAR_SIZE 18  /* a bar's thickness at least */
#define LABEL_SHARE  0.4 /* of the width, for the labels at most */
#define MAX_DESCRIBED 24 /* bars said one by one in the description */

struct _LiaisonBarChart
{
  GtkWidget parent_instance;

  /* owned */
  char      *title;
  GPtrArray *bars;  /* (element-type LiaisonChartBar) */
};

G_DEFINE_FINAL_TYPE (LiaisonBarChart, liaison_bar_chart, GTK_TYPE_WIDGET)

enum {
  SIGNAL_BAR_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

LiaisonChartBar *
liaison_chart_bar_new (const char *label,
                       double      value,
                       const char *value_text)
{
  LiaisonChartBar *bar = g_new0 (LiaisonChartBar, 1);

  bar->label = g_strdup (label != NULL ? label : "");
  bar->value = MAX (value, 0.0);
  bar->value_text = value_text != NULL ? g_strdup (value_text) : g_strdup_printf ("%g", value);
  return bar;
}

void
liaison_chart_bar_free (LiaisonChartBar *bar)
{
  if (bar == NULL)
    return;
  g_free (bar->label);
  g_free (bar->value_text);
  g_free (bar);
}

/* Layout */

typedef struct {
  int label_width;
  int value_width;
  int row_height;
} Metrics;

static PangoLayout *
make_layout (LiaisonBarChart *self,
             const char      *text)
{
  return gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
}

static void
measure_rows (LiaisonBarChart *self,
              Metrics         *metrics)
{
  metrics->label_width = 0;
  metrics->value_width = 0;
  metrics->row_height = MIN_BAR_SIZE;
  for (guint i = 0; i < self->bars->len; i++)
    {
      LiaisonChartBar *bar = g_ptr_array_index (self->bars, i);
      g_autoptr(PangoLayout) label = make_layout (self, bar->label);
      g_autoptr(PangoLayout) value = make_layout (self, bar->value_text);
      int width;
      int height;

      pango_layout_get_pixel_size (label, &width, &height);
      metrics->label_width = MAX (metrics->label_width, width);
      metrics->row_height = MAX (metrics->row_height, height + 4);
      pango_layout_get_pixel_size (value, &width, &height);
      metrics->value_width = MAX (metrics->value_width, width);
    }
}

static void
liaison_bar_chart_measure (GtkWidget      *widget,
                           GtkOrientation  orientation,
                           int             for_size,
                           int            *minimum,
                           int            *natural,
                           int            *minimum_baseline,
                           int            *natural_baseline)
{
  LiaisonBarChart *self = LIAISON_BAR_CHART (widget);
  Metrics metrics;

  measure_rows (self, &metrics);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 2 * PADDING + MIN (metrics.label_width, 80) + 2 * GAP + 40 + metrics.value_width;
      *natural = MAX (*minimum, 2 * PADDING + metrics.label_width + 2 * GAP + 240 + metrics.value_width);
    }
  else
    {
      guint n = MAX (self->bars->len, 1);

      *minimum = *natural = 2 * PADDING + n * metrics.row_height + (n - 1) * ROW_SPACING;
    }
}

/* The style's colours: the text's, and the accent for the bars. */
static void
get_colors (LiaisonBarChart *self,
            GdkRGBA         *text,
            GdkRGBA         *bar)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, text);
  if (!gtk_style_context_lookup_color (context, "accent_bg_color", bar) &&
      !gtk_style_context_lookup_color (context, "accent_color", bar))
    {
      *bar = *text;
      bar->alpha *= 0.6f;
    }
}

static void
liaison_bar_chart_snapshot (GtkWidget   *widget,
                            GtkSnapshot *snapshot)
{
  LiaisonBarChart *self = LIAISON_BAR_CHART (widget);
  int width = gtk_widget_get_width (widget);
  Metrics metrics;
  GdkRGBA text_color;
  GdkRGBA bar_color;
  GdkRGBA rule_color;
  double largest = 0.0;
  int label_width;
  int bar_space;

  if (self->bars->len == 0)
    return;
  measure_rows (self, &metrics);
  get_colors (self, &text_color, &bar_color);
  rule_color = text_color;
  rule_color.alpha *= 0.25f;

  label_width = MIN (metrics.label_width, (int) (width * LABEL_SHARE));
  bar_space = width - 2 * PADDING - label_width - 2 * GAP - metrics.value_width;
  bar_space = MAX (bar_space, 1);
  for (guint i = 0; i < self->bars->len; i++)
    largest = MAX (largest, ((LiaisonChartBar *) g_ptr_array_index (self->bars, i))->value);

  /* The axis the bars start from. */
  gtk_snapshot_append_color (snapshot, &rule_color,
                             &GRAPHENE_RECT_INIT (PADDING + label_width + GAP - 1, PADDING, 1,
                                                  self->bars->len * (metrics.row_height + ROW_SPACING) - ROW_SPACING));

  for (guint i = 0; i < self->bars->len; i++)
    {
      LiaisonChartBar *bar = g_ptr_array_index (self->bars, i);
      int y = PADDING + i * (metrics.row_height + ROW_SPACING);
      g_autoptr(PangoLayout) label = make_layout (self, bar->label);
      g_autoptr(PangoLayout) value = make_layout (self, bar->value_text);
      double length = largest > 0.0 ? bar_space * bar->value / largest : 0.0;
      int text_height;
      int text_width;

      pango_layout_set_width (label, label_width * PANGO_SCALE);
      pango_layout_set_ellipsize (label, PANGO_ELLIPSIZE_END);
      pango_layout_get_pixel_size (label, &text_width, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING + label_width - text_width,
                                                              y + (metrics.row_height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, label, &text_color);
      gtk_snapshot_restore (snapshot);

      /* A value above zero always shows a sliver. */
      if (bar->value > 0.0)
        length = MAX (length, 2.0);
      gtk_snapshot_append_color (snapshot, &bar_color,
                                 &GRAPHENE_RECT_INIT (PADDING + label_width + GAP, y + 2,
                                                      length, metrics.row_height - 4));

      pango_layout_get_pixel_size (value, NULL, &text_height);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PADDING + label_width + GAP + length + GAP,
                                                              y + (metrics.row_height - text_height) / 2));
      gtk_snapshot_append_layout (snapshot, value, &text_color);
      gtk_snapshot_restore (snapshot);
    }
}

/**
 * liaison_bar_chart_bar_at:
 * @y: a height in the widget's coordinates
 *
 * Returns: the index of the bar at @y, or -1.
 */
int
liaison_bar_chart_bar_at (LiaisonBarChart *self,
                          double           y)
{
  Metrics metrics;
  int index;

  g_return_val_if_fail (LIAISON_IS_BAR_CHART (self), -1);

  measure_rows (self, &metrics);
  if (y < PADDING)
    return -1;
  index = (int) ((y - PADDING) / (metrics.row_height + ROW_SPACING));
  return index < (int) self->bars->len ? index : -1;
}

static void
pressed_cb (GtkGestureClick *gesture,
            int              n_press,
            double           x,
            double           y,
            LiaisonBarChart *self)
{
  int index = liaison_bar_chart_bar_at (self, y);

  if (index >= 0)
    {
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      g_signal_emit (self, signals[SIGNAL_BAR_ACTIVATED], 0, (guint) index);
    }
}

/* Accessible */

/**
 * liaison_bar_chart_describe:
 *
 * Returns: the chart's numbers in words, "教育 12; 交通 8", for its
 * accessible description.
 */
char *
liaison_bar_chart_describe (LiaisonBarChart *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LIAISON_IS_BAR_CHART (self), NULL);

  if (self->bars->len == 0)
    {
      g_string_append (text, _("No data"));
      return g_string_free (text, FALSE);
    }
  for (guint i = 0; i < self->bars->len && i < MAX_DESCRIBED; i++)
    {
      LiaisonChartBar *bar = g_ptr_array_index (self->bars, i);

      if (i > 0)
        /* Translators: between the bars of a chart's description */
        g_string_append (text, C_("chart description", "; "));
      /* Translators: a bar of a chart, in its description: its label and value */
      g_string_append_printf (text, C_("chart description", "%s %s"), bar->label, bar->value_text);
    }
  if (self->bars->len > MAX_DESCRIBED)
    {
      guint more = self->bars->len - MAX_DESCRIBED;

      g_string_append (text, C_("chart description", "; "));
      /* Translators: at the end of a chart's description; the table view has them all */
      g_string_append_printf (text, ngettext ("and %u more in the table", "and %u more in the table", more), more);
    }
  return g_string_free (text, FALSE);
}

static void
update_accessible (LiaisonBarChart *self)
{
  g_autofree char *description = liaison_bar_chart_describe (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title != NULL ? self->title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

/* Public */

GtkWidget *
liaison_bar_chart_new (void)
{
  return g_object_new (LIAISON_TYPE_BAR_CHART, NULL);
}

void
liaison_bar_chart_set_title (LiaisonBarChart *self,
                             const char      *title)
{
  g_return_if_fail (LIAISON_IS_BAR_CHART (self));

  g_free (self->title);
  self->title = g_strdup (title);
  update_accessible (self);
}

/**
 * liaison_bar_chart_set_bars:
 * @bars: (element-type LiaisonChartBar) (transfer none): the bars, in order
 */
void
liaison_bar_chart_set_bars (LiaisonBarChart *self,
                            GPtrArray       *bars)
{
  g_return_if_fail (LIAISON_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->bars, 0);
  for (guint i = 0; bars != NULL && i < bars->len; i++)
    {
      LiaisonChartBar *bar = g_ptr_array_index (bars, i);

      g_ptr_array_add (self->bars, liaison_chart_bar_new (bar->label, bar->value, bar->value_text));
    }
  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
liaison_bar_chart_get_n_bars (LiaisonBarChart *self)
{
  g_return_val_if_fail (LIAISON_IS_BAR_CHART (self), 0);

  return self->bars->len;
}

/* GObject */

/* A new style (dark, high contrast) or font: other colours and sizes. */
static void
liaison_bar_chart_css_changed (GtkWidget         *widget,
                               GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (liaison_bar_chart_parent_class)->css_changed (widget, change);
  gtk_widget_queue_resize (widget);
}

static void
liaison_bar_chart_finalize (GObject *object)
{
  LiaisonBarChart *self = LIAISON_BAR_CHART (object);

  g_free (self->title);
  g_ptr_array_unref (self->bars);

  G_OBJECT_CLASS (liaison_bar_chart_parent_class)->finalize (object);
}

static void
liaison_bar_chart_class_init (LiaisonBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = liaison_bar_chart_finalize;
  widget_class->measure = liaison_bar_chart_measure;
  widget_class->snapshot = liaison_bar_chart_snapshot;
  widget_class->css_changed = liaison_bar_chart_css_changed;

  /**
   * LiaisonBarChart::bar-activated:
   * @index: the bar clicked
   */
  signals[SIGNAL_BAR_ACTIVATED] = g_signal_new ("bar-activated",
                                                G_TYPE_FROM_CLASS (klass),
                                                G_SIGNAL_RUN_LAST,
                                                0, NULL, NULL, NULL,
                                                G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_css_name (widget_class, "barchart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
liaison_bar_chart_init (LiaisonBarChart *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  self->bars = g_ptr_array_new_with_free_func ((GDestroyNotify) liaison_chart_bar_free);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "pointer");
  update_accessible (self);
}
