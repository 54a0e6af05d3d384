/* test-ui-period.c: the dashboard's period picker under Xvfb.
 *
 * The kind drop-down turns the period into the month, quarter or year that
 * holds its first day; previous and next step it; custom dates apply once
 * both are whole dates in order, and an end before the start is said and
 * changes nothing.
 */
#define G_LOG_DOMAIN "test-ui-period"

#include "config.h"

#include <adwaita.h>

#include "liaison-period-picker.h"
#include "liaison-test-ui.h"

static gboolean
is_drop_down (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_DROP_DOWN (widget);
}

static gboolean
is_entry (GtkWidget     *widget,
          gconstpointer  data)
{
  return GTK_IS_ENTRY (widget);
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  data)
{
  return GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "error");
}

static void
changed_cb (LiaisonPeriodPicker *picker,
            guint               *n_changed)
{
  (*n_changed)++;
}

static char *
code_of (LiaisonPeriodPicker *picker)
{
  LiaisonPeriod period;

  liaison_period_picker_get_period (picker, &period);
  return liaison_period_to_code (&period);
}

#define ASSERT_CODE(picker, want) \
  G_STMT_START { \
    g_autofree char *code_ = code_of (picker); \
    g_assert_cmpstr (code_, ==, (want)); \
  } G_STMT_END

static void
run_picker (void)
{
  GtkWidget *window = gtk_window_new ();
  LiaisonPeriodPicker *picker = LIAISON_PERIOD_PICKER (liaison_period_picker_new ());
  LiaisonPeriod period;
  GtkWidget *kinds;
  GtkWidget *from;
  GtkWidget *to;
  GtkWidget *error;
  guint n_changed = 0;

  g_assert_true (liaison_period_parse ("2025-05", &period, NULL));
  liaison_period_picker_set_period (picker, &period);
  g_signal_connect (picker, "changed", G_CALLBACK (changed_cb), &n_changed);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (picker));
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (liaison_test_wait_until (liaison_test_is_mapped, picker));
  ASSERT_CODE (picker, "2025-05");
  g_assert_cmpuint (n_changed, ==, 0);

  /* The quarter, then the year, that holds May. */
  kinds = liaison_test_find_widget (GTK_WIDGET (picker), is_drop_down, NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), LIAISON_PERIOD_QUARTER);
  ASSERT_CODE (picker, "2025Q2");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), LIAISON_PERIOD_YEAR);
  ASSERT_CODE (picker, "2025");
  g_assert_cmpuint (n_changed, ==, 2);

  /* Previous and next. */
  g_assert_true (liaison_period_parse ("2025Q2", &period, NULL));
  liaison_period_picker_set_period (picker, &period);
  g_signal_emit_by_name (liaison_test_find_by_name (GTK_WIDGET (picker), "previous_button"), "clicked");
  ASSERT_CODE (picker, "2025Q1");
  g_signal_emit_by_name (liaison_test_find_by_name (GTK_WIDGET (picker), "next_button"), "clicked");
  g_signal_emit_by_name (liaison_test_find_by_name (GTK_WIDGET (picker), "next_button"), "clicked");
  ASSERT_CODE (picker, "2025Q3");

  /* Custom dates start as the period shown, and show their fields. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), LIAISON_PERIOD_CUSTOM);
  ASSERT_CODE (picker, "2025-07-01..2025-09-30");
  from = liaison_test_find_widget (GTK_WIDGET (picker), is_entry, NULL);
  g_assert_true (liaison_test_is_mapped (from));
  to = gtk_widget_get_next_sibling (gtk_widget_get_parent (from));
  to = liaison_test_find_widget (gtk_widget_get_next_sibling (to), is_entry, NULL);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2025-07-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (to)), ==, "2025-09-30");

  /* Half a date waits; an end before the start is said and changes nothing. */
  n_changed = 0;
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-06");
  ASSERT_CODE (picker, "2025-07-01..2025-09-30");
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-06-15");
  ASSERT_CODE (picker, "2025-07-01..2025-09-30");
  error = liaison_test_find_widget (GTK_WIDGET (picker), is_error_label, NULL);
  g_assert_true (liaison_test_is_mapped (error));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error)), ==, "The end date is before the start date.");
  g_assert_cmpuint (n_changed, ==, 0);

  /* Whole dates in order apply. */
  gtk_editable_set_text (GTK_EDITABLE (to), "2025-08-10");
  ASSERT_CODE (picker, "2025-07-01..2025-08-10");
  g_assert_false (liaison_test_is_mapped (error));
  g_assert_cmpuint (n_changed, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  liaison_test_add_ui_case ("/ui/period/picker", run_picker);

  return g_test_run ();
}
