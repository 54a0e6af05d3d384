/* liaison-figure-card.c: one of the dashboard's six figures, as a card.
 *
 * A count card is its title, the number (a button) and the definition's
 * button. A rate card shows the rate, and under it the numerator and the
 * denominator as buttons: "12 / 18", or for the resolution rate, whose
 * denominator leaves the withdrawn out, "12 / (20 − 2)". Each button is
 * named for screen readers by its figure and number ("办结：12") and emits
 * "open" with its LiaisonFigure.
 */
#define G_LOG_DOMAIN "liaison-figure-card"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "liaison-figure-card.h"

/* A rate's parts: numerator, denominator, and what the denominator leaves
 * out (the withdrawn), or -1. */
typedef struct {
  LiaisonFigure numerator;
  LiaisonFigure denominator;
  int           minus;
} RateParts;

static const RateParts rate_parts[LIAISON_N_RATES] = {
  [LIAISON_RATE_RESOLUTION] = { LIAISON_FIGURE_RESOLVED, LIAISON_FIGURE_COLLECTED, LIAISON_FIGURE_WITHDRAWN },
  [LIAISON_RATE_SATISFACTION] = { LIAISON_FIGURE_SATISFIED, LIAISON_FIGURE_RATED, -1 },
  [LIAISON_RATE_IN_TIME] = { LIAISON_FIGURE_REPLIED_IN_TIME, LIAISON_FIGURE_REPLIED, -1 },
};

#define N_BUTTONS 3

struct _LiaisonFigureCard
{
  GtkWidget parent_instance;

  gboolean      is_rate;
  LiaisonFigure figure;  /* a count's */
  LiaisonRate   rate;    /* a rate's */

  /* borrowed: children */
  GtkLabel  *rate_label;                /* a rate's value */
  GtkWidget *parts_box;                 /* a rate's "12 / (20 − 2)" */
  GtkWidget *minus_widgets[3];          /* " − ", the button and ")": shown with withdrawn ones */
  GtkWidget *open_paren;
  GtkWidget *buttons[N_BUTTONS];        /* a count's one; a rate's numerator, denominator, minus */
  int        button_figures[N_BUTTONS];
};

G_DEFINE_FINAL_TYPE (LiaisonFigureCard, liaison_figure_card, GTK_TYPE_WIDGET)

enum {
  SIGNAL_OPEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * liaison_figure_card_format_count:
 *
 * Returns: @n with the locale's thousands separators, "20,195".
 */
char *
liaison_figure_card_format_count (guint n)
{
  return g_strdup_printf ("%'u", n);
}

static void
button_clicked_cb (GtkButton         *button,
                   LiaisonFigureCard *self)
{
  for (guint i = 0; i < N_BUTTONS; i++)
    if (self->buttons[i] == GTK_WIDGET (button))
      g_signal_emit (self, signals[SIGNAL_OPEN], 0, self->button_figures[i]);
}

static GtkWidget *
add_number_button (LiaisonFigureCard *self,
                   guint              index,
                   LiaisonFigure      figure,
                   GtkWidget         *parent,
                   const char        *css_class)
{
  GtkWidget *button = gtk_button_new_with_label ("—");

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "figure-link");
  gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), css_class);
  gtk_widget_add_css_class (gtk_button_get_child (GTK_BUTTON (button)), "numeric");
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Show these items"));
  g_signal_connect_object (button, "clicked", G_CALLBACK (button_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (parent), button);
  self->buttons[index] = button;
  self->button_figures[index] = figure;
  return button;
}

static void
set_number (LiaisonFigureCard    *self,
            guint                 index,
            const LiaisonFigures *figures)
{
  GtkWidget *button = self->buttons[index];
  LiaisonFigure figure = self->button_figures[index];
  g_autofree char *number = figures != NULL ? liaison_figure_card_format_count (liaison_figure_count (figure, figures))
                                            : g_strdup ("—");
  /* Translators: a figure's number as a screen reader says it: "办结：12" */
  g_autofree char *name = g_strdup_printf (_("%s: %s"), liaison_figure_label (figure), number);

  gtk_button_set_label (GTK_BUTTON (button), number);
  gtk_widget_set_sensitive (button, figures != NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/**
 * liaison_figure_card_set_figures:
 * @figures: (nullable): the period's figures, or %NULL while there are none
 */
void
liaison_figure_card_set_figures (LiaisonFigureCard    *self,
                                 const LiaisonFigures *figures)
{
  g_return_if_fail (LIAISON_IS_FIGURE_CARD (self));

  if (!self->is_rate)
    {
      set_number (self, 0, figures);
      return;
    }
  for (guint i = 0; i < N_BUTTONS; i++)
    if (self->buttons[i] != NULL)
      set_number (self, i, figures);

  if (figures != NULL)
    {
      const RateParts *parts = &rate_parts[self->rate];
      guint numerator = liaison_figure_count (parts->numerator, figures);
      guint denominator = liaison_figure_count (parts->denominator, figures);
      guint minus = parts->minus >= 0 ? liaison_figure_count (parts->minus, figures) : 0;
      g_autofree char *rate = liaison_figures_format_rate (numerator, denominator - MIN (minus, denominator));
      /* Translators: a rate as a screen reader says it: "办结率：66.7%" */
      g_autofree char *name = g_strdup_printf (_("%s: %s"), liaison_rate_label (self->rate), rate);

      gtk_label_set_text (self->rate_label, rate);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_label), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      /* "(20 − 0)" says nothing "20" does not. */
      for (guint i = 0; i < G_N_ELEMENTS (self->minus_widgets); i++)
        if (self->minus_widgets[i] != NULL)
          gtk_widget_set_visible (self->minus_widgets[i], minus > 0);
      if (self->open_paren != NULL)
        gtk_widget_set_visible (self->open_paren, minus > 0);
    }
  else
    gtk_label_set_text (self->rate_label, "—");
}

/* Building */

static GtkWidget *
make_operator (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return label;
}

static void
build (LiaisonFigureCard *self,
       const char        *title,
       const char        *definition)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *menu_button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *text = gtk_label_new (definition);
  /* Translators: the accessible name of the button that shows what a figure counts */
  g_autofree char *definition_name = g_strdup_printf (_("Definition of “%s”"), title);

  gtk_label_set_wrap (GTK_LABEL (title_label), TRUE);
  gtk_label_set_justify (GTK_LABEL (title_label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_hexpand (title_label, TRUE);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_box_append (GTK_BOX (header), title_label);

  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_xalign (GTK_LABEL (text), 0.0f);
  gtk_widget_set_margin_start (text, 6);
  gtk_widget_set_margin_end (text, 6);
  gtk_widget_set_margin_top (text, 6);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_popover_set_child (GTK_POPOVER (popover), text);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (menu_button), popover);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "dialog-information-symbolic");
  gtk_menu_button_set_has_frame (GTK_MENU_BUTTON (menu_button), FALSE);
  gtk_widget_set_tooltip_text (menu_button, definition_name);
  gtk_widget_set_valign (menu_button, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button), GTK_ACCESSIBLE_PROPERTY_LABEL, definition_name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, definition,
                                  -1);
  gtk_box_append (GTK_BOX (header), menu_button);
  gtk_widget_set_parent (header, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
}

GtkWidget *
liaison_figure_card_new_count (LiaisonFigure figure)
{
  LiaisonFigureCard *self = g_object_new (LIAISON_TYPE_FIGURE_CARD, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->figure = figure;
  build (self, liaison_figure_label (figure), liaison_figure_definition (figure));
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  add_number_button (self, 0, figure, box, "title-1");
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  liaison_figure_card_set_figures (self, NULL);
  return GTK_WIDGET (self);
}

GtkWidget *
liaison_figure_card_new_rate (LiaisonRate rate)
{
  LiaisonFigureCard *self = g_object_new (LIAISON_TYPE_FIGURE_CARD, NULL);
  const RateParts *parts = &rate_parts[rate];
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->is_rate = TRUE;
  self->rate = rate;
  build (self, liaison_rate_label (rate), liaison_rate_definition (rate));

  self->rate_label = GTK_LABEL (gtk_label_new ("—"));
  gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "title-1");
  gtk_widget_add_css_class (GTK_WIDGET (self->rate_label), "numeric");
  gtk_widget_set_parent (GTK_WIDGET (self->rate_label), GTK_WIDGET (self));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  add_number_button (self, 0, parts->numerator, box, "caption-heading");
  gtk_box_append (GTK_BOX (box), make_operator ("/"));
  if (parts->minus >= 0)
    {
      self->open_paren = make_operator ("(");
      gtk_box_append (GTK_BOX (box), self->open_paren);
    }
  add_number_button (self, 1, parts->denominator, box, "caption-heading");
  if (parts->minus >= 0)
    {
      self->minus_widgets[0] = make_operator ("−");
      gtk_box_append (GTK_BOX (box), self->minus_widgets[0]);
      self->minus_widgets[1] = add_number_button (self, 2, parts->minus, box, "caption-heading");
      self->minus_widgets[2] = make_operator (")");
      gtk_box_append (GTK_BOX (box), self->minus_widgets[2]);
    }
  self->parts_box = box;
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  liaison_figure_card_set_figures (self, NULL);
  return GTK_WIDGET (self);
}

/* GObject */

static void
liaison_figure_card_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (liaison_figure_card_parent_class)->dispose (object);
}

static void
liaison_figure_card_class_init (LiaisonFigureCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = liaison_figure_card_dispose;

  /**
   * LiaisonFigureCard::open:
   * @figure: the LiaisonFigure whose items to show
   */
  signals[SIGNAL_OPEN] = g_signal_new ("open",
                                       G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "figurecard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
liaison_figure_card_init (LiaisonFigureCard *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");
  gtk_widget_add_css_class (GTK_WIDGET (self), "figure-card");
}
