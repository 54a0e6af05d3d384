/* liaison-tooltip.c: tooltips that wrap at a reading width.
 *
 * GTK's own tooltip label wraps but sets no width of its own: by the
 * screen's right edge (the main menu's button) its window is shrunk to
 * fit and "主菜单" stands one character a line. This one sets
 * width-chars, so the window slides instead: a short tooltip is one
 * line, unwrapped; a long one wraps at MAX_CHARS.
 */
#define G_LOG_DOMAIN "liaison-tooltip"

#include "config.h"

#include "liaison-tooltip.h"

/* In columns of the font's average character: a Chinese character is
 * two, so a line holds about 20 of them, or 40 Latin letters. */
#define MAX_CHARS 40

#define HANDLED_KEY "liaison-tooltip"

/* Columns of @text's longest line, a wide character counting two. */
static int
longest_line (const char *text)
{
  int longest = 0;
  int line = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        line = 0;
      else
        line += g_unichar_iswide (c) ? 2 : 1;
      longest = MAX (longest, line);
    }
  return longest;
}

/**
 * liaison_ui_tooltip_label_new:
 * @text: the tooltip's text
 *
 * Returns: (transfer floating): a label that shows @text as a tooltip
 *   should, for gtk_tooltip_set_custom()
 */
GtkWidget *
liaison_ui_tooltip_label_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A short one does not wrap at all: a wrapping label's tooltip window
   * may be given less than its width-chars, and "同意联系" tooltips of 14
   * characters came out 7 a line. */
  if (longest_line (text) <= MAX_CHARS)
    return label;
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (GTK_LABEL (label), MAX_CHARS);
  gtk_label_set_max_width_chars (GTK_LABEL (label), MAX_CHARS);
  return label;
}

static gboolean
query_tooltip_cb (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard,
                  GtkTooltip *tooltip)
{
  const char *text = gtk_widget_get_tooltip_text (widget);

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_custom (tooltip, liaison_ui_tooltip_label_new (text));
  return TRUE;
}

static void
handle_tooltip (GtkWidget *widget)
{
  if (g_object_get_data (G_OBJECT (widget), HANDLED_KEY) != NULL)
    return;
  g_signal_connect (widget, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_object_set_data (G_OBJECT (widget), HANDLED_KEY, GINT_TO_POINTER (TRUE));
}

/**
 * liaison_ui_wrap_tooltips:
 * @root: a window or a part of one, its widgets in place
 *
 * Shows the tooltip of every widget under @root that has one (those a
 * .ui file sets) as liaison_ui_set_tooltip() does, now and whatever
 * their text becomes.
 */
void
liaison_ui_wrap_tooltips (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (gtk_widget_get_tooltip_text (root) != NULL)
    handle_tooltip (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    liaison_ui_wrap_tooltips (child);
}

/**
 * liaison_ui_set_tooltip:
 * @widget: the widget the tooltip is for
 * @text: (nullable): its text; %NULL for none
 *
 * gtk_widget_set_tooltip_text() (the text is the widget's tooltip-text
 * and its accessible description), shown wrapping at a reading width.
 */
void
liaison_ui_set_tooltip (GtkWidget  *widget,
                        const char *text)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  handle_tooltip (widget);
  gtk_widget_set_tooltip_text (widget, text);
}
